/**
 * The metrics beyond the training loss (./metrics.ts): the held-out loss is the model's own loss on the
 * held-out rows, and accuracy is the share of rows whose largest output is the target's class. Expected
 * values are worked by hand from nets whose outputs are known in closed form.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../shared/scenario';
import { validateScenario } from '../shared/validate';
import type { Dataset } from './data';
import { bestIndex, classOf, Metrics } from './metrics';

const rowsOf = (x: number[][], y: number[][], classes?: number): Dataset => ({
  rows: x.length,
  inputs: x[0].length,
  outputs: y[0].length,
  x: Float64Array.from(x.flat()),
  y: Float64Array.from(y.flat()),
  ...(classes && { classes }),
});

function scenarioOf(model: Record<string, unknown>, x: number[][], y: number[][]): Scenario {
  const result = validateScenario({
    version: 1,
    name: 'm',
    model,
    data: { x, y },
    init: { points: [[0, 0, 0, 0, 0, 0]] },
    optimizer: { kind: 'gd', alpha: 0.1 },
    epochs: 1,
  });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.scenario;
}

// A 2-2 softmax net with W = I and b = 0: the class of a row is the index of its larger input.
const softmax2 = { kind: 'mlp', layers: [2, 2], hidden: 'tanh', output: 'softmax' };
const identity = [1, 0, 0, 1, 0, 0]; // W1_1_1, W1_1_2, W1_2_1, W1_2_2, b1_1, b1_2

describe('metrics of the best particle', () => {
  const train = [
    [2, 1], // class 0, target 0: right
    [0, 3], // class 1, target 1: right
    [1, 4], // class 1, target 0: wrong
    [5, 0], // class 0, target 0: right
  ];
  const trainY = [
    [1, 0],
    [0, 1],
    [1, 0],
    [1, 0],
  ];
  const test = [
    [0, 1], // class 1, target 1: right
    [3, 1], // class 0, target 1: wrong
  ];
  const testY = [
    [0, 1],
    [0, 1],
  ];
  const scenario = scenarioOf(softmax2, train, trainY);

  it('accuracy: 3 of 4 training rows and 1 of 2 held-out rows are classified right', () => {
    const data = { ...rowsOf(train, trainY, 2), test: rowsOf(test, testY, 2) };
    const m = Metrics.of(scenario, data)!.measure(identity);
    expect(m.trainAccuracy).toBe(3 / 4);
    expect(m.testAccuracy).toBe(1 / 2);
  });

  it('held-out loss: the mean cross-entropy over the held-out rows, log(1 + e^(z_other − z_target)) per row', () => {
    const data = { ...rowsOf(train, trainY, 2), test: rowsOf(test, testY, 2) };
    const m = Metrics.of(scenario, data)!.measure(identity);
    // Row [0, 1], target 1: log(1 + e^(0−1)); row [3, 1], target 1: log(1 + e^(3−1)).
    expect(m.testLoss).toBeCloseTo((Math.log1p(Math.exp(-1)) + Math.log1p(Math.exp(2))) / 2, 14);
  });

  it('says only what applies: a held-out loss without classes, accuracy without a held-out share, nothing for neither', () => {
    expect(Object.keys(Metrics.of(scenario, { ...rowsOf(train, trainY), test: rowsOf(test, testY) })!.measure(identity))).toEqual(['testLoss']);
    expect(Object.keys(Metrics.of(scenario, rowsOf(train, trainY, 2))!.measure(identity))).toEqual(['trainAccuracy']);
    expect(Metrics.of(scenario, rowsOf(train, trainY))).toBeNull();
    expect(Metrics.of(scenario, null)).toBeNull();
  });

  it('is null, field by field, without a best particle or for a non-finite loss', () => {
    const data = { ...rowsOf(train, trainY, 2), test: rowsOf(test, testY, 2) };
    const metrics = Metrics.of(scenario, data)!;
    expect(metrics.measure(null)).toEqual({ testLoss: null, trainAccuracy: null, testAccuracy: null });
    const nan = metrics.measure([NaN, 0, 0, 1, 0, 0]);
    expect(nan.testLoss).toBeNull();
    expect(nan.trainAccuracy).toBe(0); // a NaN output is no class: every row wrong
  });

  it('a held-out loss for a linear model too: (1/m)Σ(ŷ−y)² with ŷ = b + w·x', () => {
    const linear = validateScenario({
      version: 1,
      name: 'l',
      model: { kind: 'linear' },
      data: { x: [[1], [2]], y: [1, 2] },
      init: { points: [[0, 1]] },
      optimizer: { kind: 'gd', alpha: 0.1 },
      epochs: 1,
    });
    if (!linear.ok) throw new Error(linear.problems.join('\n'));
    const data = { ...rowsOf([[1], [2]], [[1], [2]]), test: rowsOf([[3], [4]], [[2], [5]]) };
    // b = 1, w = 2: ŷ = 7 and 9 against 2 and 5: (25 + 16) / 2.
    expect(Metrics.of(linear.scenario, data)!.measure([1, 2]).testLoss).toBe(41 / 2);
  });
});

describe('classOf', () => {
  it('is the index of the largest output (the first of equals), or with one column whether it is above ½', () => {
    expect(classOf([0.2, 0.7, 0.1], 0, 3)).toBe(1);
    expect(classOf([0.4, 0.4, 0.2], 0, 3)).toBe(0);
    expect(classOf([0.3, 0.9, 0.6, 0.2], 1, 2)).toBe(0);
    expect(classOf([0.7, 0.5, NaN], 0, 1)).toBe(1);
    expect(classOf([0.7, 0.5, NaN], 1, 1)).toBe(0);
    expect(classOf([0.7, 0.5, NaN], 2, 1)).toBe(-1);
    expect(classOf([NaN, NaN], 0, 2)).toBe(-1);
  });
});

describe('bestIndex', () => {
  it('is the lowest finite loss, the first of equals; -1 when none is finite', () => {
    expect(bestIndex(Float64Array.of(3, NaN, 1, -Infinity, 1))).toBe(2);
    expect(bestIndex(Float64Array.of(NaN, Infinity))).toBe(-1);
  });
});
