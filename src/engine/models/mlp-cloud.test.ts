/**
 * The MLP evaluated a block of particles at once (./mlp-cloud.ts) against each particle evaluated alone
 * (a cloud of one): bit for bit, across blocks, with stopped particles left untouched. The numbers
 * themselves are checked against notebook 001 (../notebooks.test.ts) and finite differences (./models.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../data';
import { fullBatch } from '../model';
import { Random } from '../random';
import { MlpModel, type MlpShape } from './mlp';

const random = new Random(404);

describe('the MLP over a cloud', () => {
  it.each<[string, MlpShape, number]>([
    ['3-2-2 sigmoid, softmax (notebook 001)', { layers: [3, 2, 2], hidden: 'sigmoid', output: 'softmax' }, 2],
    ['2-4-3-1 tanh, sigmoid', { layers: [2, 4, 3, 1], hidden: 'tanh', output: 'sigmoid' }, 1],
    ['2-3-2 relu, identity', { layers: [2, 3, 2], hidden: 'relu', output: 'identity' }, 2],
    ['2-5-3 tanh, sigmoid, cross-entropy', { layers: [2, 5, 3], hidden: 'tanh', output: 'sigmoid', loss: 'cross-entropy' }, 3],
    ['2-4-3 relu, softmax, squared', { layers: [2, 4, 3], hidden: 'relu', output: 'softmax', loss: 'squared' }, 3],
  ])('%s: 600 particles at once equal each alone, bit for bit', (_, shape, outputs) => {
    const inputs = shape.layers[0];
    const rows = 17;
    const x = Array.from({ length: rows }, () => Array.from({ length: inputs }, () => random.normal()));
    const y = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: outputs }, (_, k) => (shape.output === 'softmax' || shape.loss ? (k === r % outputs ? 1 : 0) : random.normal())),
    );
    const model = new MlpModel(buildDataset({ x, y }, 0), shape);
    const n = 600; // three blocks of 256, the last one short
    const P = model.paramCount;
    const params = Float64Array.from({ length: n * P }, () => random.normal());
    const active = Uint8Array.from({ length: n }, (_, i) => (i % 7 === 3 ? 3 : 1)); // some stopped
    const batch = fullBatch(rows);
    random.shuffle(batch.order);
    batch.start = 2;
    batch.end = 15;
    const loss = new Float64Array(n).fill(-1);
    const grad = new Float64Array(n * P).fill(-1);
    model.evaluate(params, n, batch, loss, grad, active);
    for (let i = 0; i < n; i++) {
      if (active[i] !== 1) {
        expect(loss[i]).toBe(-1); // untouched
        continue;
      }
      const alone = Float64Array.from({ length: P }, (_, q) => params[q * n + i]);
      const aloneLoss = new Float64Array(1);
      const aloneGrad = new Float64Array(P);
      model.evaluate(alone, 1, batch, aloneLoss, aloneGrad, null);
      expect(loss[i]).toBe(aloneLoss[0]);
      for (let q = 0; q < P; q++) expect(grad[q * n + i]).toBe(aloneGrad[q]);
    }
  });

  it.each<[string, MlpShape]>([
    ['2-16-16-1 tanh, sigmoid (the bench net)', { layers: [2, 16, 16, 1], hidden: 'tanh', output: 'sigmoid' }],
    ['2-7-5-2 relu, identity', { layers: [2, 7, 5, 2], hidden: 'relu', output: 'identity' }],
  ])('%s: the loss is the one-particle forward pass (predict) summed row by row, to the last bit', (_, shape) => {
    // predict (./mlp.ts) adds each unit's inputs one at a time in a loop of its own: the cloud's passes of four
    // inputs and its groups of four rows must give exactly its numbers.
    const outputs = shape.layers[shape.layers.length - 1];
    const rows = 13; // three groups of four rows and one left over
    const x = Array.from({ length: rows }, () => [random.normal(), random.normal()]);
    const y = Array.from({ length: rows }, () => Array.from({ length: outputs }, () => random.uniform()));
    const model = new MlpModel(buildDataset({ x, y }, 0), shape);
    const n = 40; // a block of 32 and a short one
    const P = model.paramCount;
    const params = Float64Array.from({ length: n * P }, () => random.normal());
    const batch = fullBatch(rows);
    random.shuffle(batch.order);
    const loss = new Float64Array(n);
    model.evaluate(params, n, batch, loss, new Float64Array(n * P), null);
    const predicted = new Float64Array(rows * outputs);
    for (const i of [0, 31, 32, 39]) {
      const theta = Float64Array.from({ length: P }, (_, q) => params[q * n + i]);
      model.predict(theta, x.flat(), rows, predicted);
      let sum = 0;
      for (const r of batch.order) {
        let rowLoss = 0;
        for (let k = 0; k < outputs; k++) {
          const e = predicted[r * outputs + k] - y[r][k];
          rowLoss += e * e;
        }
        sum += rowLoss;
      }
      expect(loss[i]).toBe(sum / rows);
    }
  });
});
