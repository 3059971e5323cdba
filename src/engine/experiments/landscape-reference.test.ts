/**
 * The landscape's numbers against the independent Python reference (scripts/reference/landscape.py, in
 * ../fixtures/reference.json under "landscape"): an MLP's loss at given parameters, the filter-normalised
 * plane of a seed, and a PCA plane with its path and grid. Agreement to 1e-9 (issue 16, item 6).
 */
import { describe, expect, it } from 'vitest';
import reference from '../fixtures/reference.json';
import { buildDataset } from '../data';
import { fullBatch } from '../model';
import { MlpModel } from '../models/mlp';
import { randomPlane } from '../sampler';
import { startLandscape } from './landscape';

const { mlp, filterPlane, pca } = reference.landscape;
const tolerance = 1e-9;

function expectClose(actual: ArrayLike<number>, expected: readonly number[]) {
  expect(actual.length).toBe(expected.length);
  expected.forEach((v, k) => expect(Math.abs(actual[k] - v), `at ${k}: ${actual[k]} against ${v}`).toBeLessThan(tolerance));
}

function network(spec: { layers: number[]; output: string; x: number[][]; y: number[][] }) {
  return new MlpModel(buildDataset({ x: spec.x, y: spec.y }, 0), { layers: spec.layers, hidden: 'tanh', output: spec.output as 'softmax' | 'sigmoid' });
}

describe('the landscape against reference.py', () => {
  it.each(mlp.map((c) => [`[${c.layers}] tanh, ${c.output}`, c] as const))('%s: the loss at given parameters', (_, spec) => {
    const model = network(spec);
    const loss = new Float64Array(1);
    model.evaluate(Float64Array.from(spec.params), 1, fullBatch(model.rows), loss, null, null);
    expectClose(loss, [spec.loss]);
  });

  it('the filter-normalised plane of a seed: the same draws, each unit to the centre’s norm, biases 0', () => {
    const model = network({ layers: filterPlane.layers, output: 'sigmoid', x: [[0, 0]], y: [[0]] });
    const plane = randomPlane(model, filterPlane.center, filterPlane.seed);
    expectClose(plane.d1, filterPlane.d1);
    expectClose(plane.d2, filterPlane.d2);
  });

  it('pca: the directions, their shares of variance, the path and the 3 × 3 grid', () => {
    const model = network(pca);
    const job = startLandscape(model, Float64Array.from(pca.trajectory.flat()), { directions: 'pca', grid: pca.grid, span: pca.span, seed: 0 });
    while (!job.advance(10));
    const land = job.result();
    expectClose(land.d1, pca.d1);
    expectClose(land.d2, pca.d2);
    expectClose(land.explained!, pca.explained);
    expectClose(land.a, pca.a);
    expectClose(land.path, pca.path.flat());
    expectClose(land.loss, pca.loss.flat());
    expectClose(land.pathLoss, pca.pathLoss);
  });
});
