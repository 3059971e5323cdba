/**
 * Every model's gradient against central finite differences, (L(θ+h) − L(θ−h)) / 2h, at random points
 * from a seeded generator. The neuron's step is the notebook's weight delta, half the gradient of its
 * error (CONTRACTS §1), so its finite differences are halved.
 */
import { describe, expect, it } from 'vitest';
import { buildDataset, type Dataset } from '../data';
import { compileExpression } from '../expression';
import { fullBatch, type Batch, type Model } from '../model';
import { Random } from '../random';
import { partials, surfaceNames, surfaces } from '../surfaces';
import { LinearModel } from './linear';
import { MlpModel, type MlpShape } from './mlp';
import { NeuronModel } from './neuron';
import { SurfaceModel } from './surface';

const random = new Random(2026);

function lossAt(model: Model, theta: Float64Array, batch: Batch): number {
  const loss = new Float64Array(1);
  model.evaluate(theta, 1, batch, loss, null, null);
  return loss[0];
}

/** Checks the analytic gradient at theta; `factor` scales the finite difference (½ for the neuron). */
function checkGradient(model: Model, theta: Float64Array, batch: Batch, factor = 1): void {
  const grad = new Float64Array(model.paramCount);
  const loss = new Float64Array(1);
  model.evaluate(theta, 1, batch, loss, grad, null);
  expect(loss[0]).toBeCloseTo(lossAt(model, theta, batch), 12);
  for (let q = 0; q < model.paramCount; q++) {
    const h = 1e-6 * Math.max(1, Math.abs(theta[q]));
    const plus = Float64Array.from(theta);
    const minus = Float64Array.from(theta);
    plus[q] += h;
    minus[q] -= h;
    const numeric = (factor * (lossAt(model, plus, batch) - lossAt(model, minus, batch))) / (2 * h);
    const scale = Math.max(1, Math.abs(numeric), Math.abs(grad[q]));
    expect(Math.abs(grad[q] - numeric) / scale, `${model.paramNames[q]}: analytic ${grad[q]} vs numeric ${numeric}`).toBeLessThan(1e-6);
  }
}

function randomVector(length: number, spread = 1): Float64Array {
  return Float64Array.from({ length }, () => spread * random.normal());
}

function randomData(rows: number, inputs: number, outputs: number, oneHot = false): Dataset {
  const x = Array.from({ length: rows }, () => Array.from(randomVector(inputs)));
  const y = Array.from({ length: rows }, (_, r) =>
    oneHot ? Array.from({ length: outputs }, (_, k) => (k === r % outputs ? 1 : 0)) : Array.from(randomVector(outputs)),
  );
  return buildDataset({ x, y }, 0);
}

/** A shuffled mini-batch of about half the rows, to check batch handling as well. */
function halfBatch(rows: number): Batch {
  const batch = fullBatch(rows);
  random.shuffle(batch.order);
  batch.start = 1;
  batch.end = 1 + Math.ceil(rows / 2);
  return batch;
}

describe('named surfaces', () => {
  it.each(surfaceNames)('%s: exact gradient at 20 random points of its range', (name) => {
    const { range } = surfaces[name];
    const model = SurfaceModel.named(name);
    for (let k = 0; k < 20; k++) {
      const theta = Float64Array.of(range[0][0] + (range[0][1] - range[0][0]) * random.uniform(), range[1][0] + (range[1][1] - range[1][0]) * random.uniform());
      checkGradient(model, theta, fullBatch(0));
    }
  });

  // The eggholder's minimum is on its domain's edge, where the gradient is not 0 (../surfaces.test.ts).
  it.each(surfaceNames.filter((name) => surfaces[name].minima.length > 0 && name !== 'eggholder'))('%s: the gradient vanishes at its listed minima', (name) => {
    const g = partials();
    for (const [x, y] of surfaces[name].minima) {
      surfaces[name].evaluate(x, y, g);
      expect(Math.hypot(g.dx, g.dy)).toBeLessThan(1e-3); // minima are listed to 6 decimals
    }
  });
});

describe('surfaces typed as formulas', () => {
  const formulas = [
    'sin(x) * y^2 + exp(-x^2)',
    'log(1 + x^2 + y^2)',
    'tanh(x * y) + sqrt(x^2 + y^2 + 1)',
    'atan(x) * cosh(y / 3)',
    'x^3 / 3 - x + 2 y^2',
    'cos(pi x) * e^(-y^2)',
    '-(x - y)^2 + 10 sin(y)',
  ];

  it.each(formulas)('%s: symbolic gradient agrees with finite differences', async (formula) => {
    const model = new SurfaceModel((await compileExpression(formula)).kernel);
    for (let k = 0; k < 10; k++) checkGradient(model, randomVector(2, 1.5), fullBatch(0));
  });

  it('the bowl typed as a formula gives the named bowl’s values (notebook 002’s z and its derivatives)', async () => {
    const typed = (await compileExpression('(x - 1)^2 + (y - 2)^2')).kernel;
    const g1 = partials();
    const g2 = partials();
    for (let k = 0; k < 10; k++) {
      const [x, y] = randomVector(2, 3);
      expect(typed(x, y, g1)).toBeCloseTo(surfaces.bowl.evaluate(x, y, g2), 12);
      expect(g1.dx).toBeCloseTo(g2.dx, 12);
      expect(g1.dy).toBeCloseTo(g2.dy, 12);
    }
  });

  it('reports its derivatives symbolically', async () => {
    const compiled = await compileExpression('x^2 * y');
    expect(compiled.dx).toBe('2 * y * x'); // as mathjs orders it
    expect(compiled.dy).toBe('x ^ 2');
  });

  it.each([
    ['x + z', /unknown name "z"/],
    ['f(x) = x^2', /not functionassignments|functionassignment/i],
    ['x = 3', /assignment/i],
    ['foo(x)', /unknown function "foo"/],
    ['x +', /cannot read the formula/],
    ['[x, y]', /arrays/],
    ['"x"', /constants/],
    ['x.constructor', /accessor|unknown name/i],
  ])('refuses %s with a clear message', async (formula, message) => {
    await expect(compileExpression(formula)).rejects.toThrow(message);
  });
});

describe('linear regression', () => {
  it.each([
    ['with bias, 3 features', true],
    ['without bias, 3 features', false],
  ])('%s: gradient on the full data and on a mini-batch', (_name, bias) => {
    const data = randomData(9, 3, 1);
    const model = new LinearModel(data, bias);
    expect(model.paramNames).toEqual(bias ? ['b', 'w1', 'w2', 'w3'] : ['w1', 'w2', 'w3']);
    checkGradient(model, randomVector(model.paramCount), fullBatch(9));
    checkGradient(model, randomVector(model.paramCount), halfBatch(9));
  });
});

describe('the notebook’s neuron', () => {
  it('its weight delta is half the gradient of its error, for 3 inputs × 2 outputs on 4 rows', () => {
    const model = new NeuronModel(randomData(4, 3, 2));
    expect(model.paramNames).toEqual(['w1_1', 'w1_2', 'w1_3', 'w2_1', 'w2_2', 'w2_3']);
    checkGradient(model, randomVector(6), fullBatch(4), 0.5);
    checkGradient(model, randomVector(6), halfBatch(4), 0.5);
  });
});

describe('the MLP', () => {
  const shapes: [string, MlpShape, boolean][] = [
    ['3-4-2 tanh, softmax', { layers: [3, 4, 2], hidden: 'tanh', output: 'softmax' }, true],
    ['2-3-1 relu, identity', { layers: [2, 3, 1], hidden: 'relu', output: 'identity' }, false],
    ['2-3-3-2 sigmoid, sigmoid', { layers: [2, 3, 3, 2], hidden: 'sigmoid', output: 'sigmoid' }, false],
    ['4-3 (no hidden layer), softmax', { layers: [4, 3], hidden: 'sigmoid', output: 'softmax' }, true],
    ['2-4-3 tanh, sigmoid, cross-entropy', { layers: [2, 4, 3], hidden: 'tanh', output: 'sigmoid', loss: 'cross-entropy' }, true],
    ['2-3-1 relu, sigmoid, cross-entropy', { layers: [2, 3, 1], hidden: 'relu', output: 'sigmoid', loss: 'cross-entropy' }, true],
    ['3-4-3 tanh, softmax, squared', { layers: [3, 4, 3], hidden: 'tanh', output: 'softmax', loss: 'squared' }, true],
  ];

  it.each(shapes)('%s: backward pass agrees with finite differences', (_name, shape, oneHot) => {
    const layers = shape.layers;
    const model = new MlpModel(randomData(6, layers[0], layers[layers.length - 1], oneHot), shape);
    for (let k = 0; k < 3; k++) {
      checkGradient(model, randomVector(model.paramCount), fullBatch(6));
      checkGradient(model, randomVector(model.paramCount), halfBatch(6));
    }
  });

  it('softmax cross-entropy stays finite for logits of 1000 (the notebook’s softmax gives NaN there)', () => {
    const model = new MlpModel(buildDataset({ x: [[1]], y: [[0, 1]] }, 0), { layers: [1, 2], hidden: 'sigmoid', output: 'softmax' });
    const loss = new Float64Array(1);
    // Logits [1000, 0]: cross-entropy for class 1 is log(1 + e^1000) = 1000 (to double precision).
    model.evaluate(Float64Array.of(1000, 0, 0, 0), 1, fullBatch(1), loss, null, null);
    expect(loss[0]).toBe(1000);
  });

  it('sigmoid cross-entropy of a 2-1 net: the closed form −[y log p + (1−y) log(1−p)] and its gradient (p−y)·[x, 1], over rows', () => {
    const x = [
      [0.5, -1],
      [2, 0.25],
      [-1.5, 3],
    ];
    const y = [[1], [0], [1]];
    const model = new MlpModel(buildDataset({ x, y }, 0), { layers: [2, 1], hidden: 'tanh', output: 'sigmoid', loss: 'cross-entropy' });
    const theta = Float64Array.of(0.3, -0.7, 0.1); // W1_1_1, W1_2_1, b1_1
    const loss = new Float64Array(1);
    const grad = new Float64Array(3);
    model.evaluate(theta, 1, fullBatch(3), loss, grad, null);
    let expected = 0;
    const expectedGrad = [0, 0, 0];
    x.forEach(([x1, x2], r) => {
      const p = 1 / (1 + Math.exp(-(0.3 * x1 - 0.7 * x2 + 0.1)));
      const t = y[r][0];
      expected -= (t * Math.log(p) + (1 - t) * Math.log(1 - p)) / 3;
      [x1, x2, 1].forEach((v, q) => (expectedGrad[q] += ((p - t) * v) / 3));
    });
    expect(loss[0]).toBeCloseTo(expected, 14);
    expectedGrad.forEach((g, q) => expect(grad[q]).toBeCloseTo(g, 14));
  });

  it('sigmoid cross-entropy stays finite for a logit of ±1000: softplus(1000) − 0 = 1000, softplus(−1000) − 0 = 0', () => {
    const model = new MlpModel(buildDataset({ x: [[1]], y: [[0, 1]] }, 0), { layers: [1, 2], hidden: 'tanh', output: 'sigmoid', loss: 'cross-entropy' });
    const loss = new Float64Array(1);
    const grad = new Float64Array(4);
    // Output 1: z = 1000, y = 0: −log(1 − σ(1000)) = 1000 (to double precision). Output 2: z = 1000, y = 1: −log σ(1000) = 0.
    model.evaluate(Float64Array.of(1000, 1000, 0, 0), 1, fullBatch(1), loss, grad, null);
    expect(loss[0]).toBe(1000);
    expect(Array.from(grad)).toEqual([1, 0, 1, 0]); // σ(z) − y per output, times the input 1 (W) and 1 (b)
  });

  it('the loss left out is cross-entropy for a softmax output and squared otherwise', () => {
    const data = randomData(5, 2, 2, true);
    const theta = randomVector(2 * 3 + 3 + 3 * 2 + 2);
    const lossOf = (shape: MlpShape) => lossAt(new MlpModel(data, shape), theta, fullBatch(5));
    for (const output of ['softmax', 'sigmoid', 'identity'] as const) {
      const implied = output === 'softmax' ? 'cross-entropy' : 'squared';
      expect(lossOf({ layers: [2, 3, 2], hidden: 'tanh', output })).toBe(lossOf({ layers: [2, 3, 2], hidden: 'tanh', output, loss: implied }));
    }
    expect(lossOf({ layers: [2, 3, 2], hidden: 'tanh', output: 'softmax', loss: 'squared' })).not.toBe(
      lossOf({ layers: [2, 3, 2], hidden: 'tanh', output: 'softmax' }),
    );
  });

  it('names its parameters layer by layer, W row-major (in × out) then b', () => {
    const model = new MlpModel(randomData(1, 2, 1), { layers: [2, 2, 1], hidden: 'sigmoid', output: 'identity' });
    expect(model.paramNames).toEqual(['W1_1_1', 'W1_1_2', 'W1_2_1', 'W1_2_2', 'b1_1', 'b1_2', 'W2_1_1', 'W2_2_1', 'b2_1']);
  });
});
