/** The generated and shipped data sets in the scenario schema (issue 16): their fields, defaults and shapes, and a line naming the field of each mistake. */
import { describe, expect, it } from 'vitest';
import { dataShape } from './spec';
import { validateScenario } from './validate';

/** A softmax network of the given widths (no hidden layer), so the shapes are checked against the data. */
const withData = (data: unknown, inputs = 2, outputs = 2) => ({
  version: 1,
  model: { kind: 'mlp', layers: [inputs, outputs], output: 'softmax' },
  data,
  init: { dist: 'gaussian', mean: Array(inputs * outputs + outputs).fill(0), std: 1, count: 2 },
  optimizer: { kind: 'gd', alpha: 0.1 },
  epochs: 1,
});
const problems = (data: unknown, inputs = 2, outputs = 2) => {
  const result = validateScenario(withData(data, inputs, outputs));
  return result.ok ? [] : result.problems;
};

describe('data: {generate, n, noise, test, scale}', () => {
  it('fills the defaults n 200, noise 0, test 0', () => {
    const result = validateScenario(withData({ generate: 'circle' }));
    expect(result.ok && result.scenario.data).toEqual({ generate: 'circle', n: 200, noise: 0, test: 0 });
  });

  it('gives a classifier two inputs and one one-hot column per class, a regression one target', () => {
    for (const generate of ['circle', 'xor', 'gauss', 'spiral']) expect(problems({ generate, n: 10 })).toEqual([]);
    for (const generate of ['plane', 'gauss-mix']) expect(problems({ generate, n: 10 }, 2, 1)).toEqual([]);
    expect(problems({ generate: 'plane', n: 10 })).toEqual(['model.layers[1]: must equal the number of targets per row of the data (1)']);
  });

  it('counts the training rows apart from the held-out ones: round(test·n)', () => {
    const shape = (data: unknown, inputs = 2, outputs = 2) => {
      const result = validateScenario(withData(data, inputs, outputs));
      if (!result.ok || !result.scenario.data || 'csv' in result.scenario.data) throw new Error(String(!result.ok && result.problems));
      return dataShape(result.scenario.data);
    };
    expect(shape({ generate: 'xor', n: 200, test: 0.25 })).toEqual({ rows: 150, heldOut: 50, inputs: 2, outputs: 2 });
    expect(shape({ generate: 'spiral', n: 10, test: 0.35 })).toEqual({ rows: 6, heldOut: 4, inputs: 2, outputs: 2 }); // round(3.5) = 4
    expect(shape({ dataset: 'iris', test: 0.2 }, 4, 3)).toEqual({ rows: 120, heldOut: 30, inputs: 4, outputs: 3 });
  });

  it('names the field of each bad value', () => {
    expect(problems({ generate: 'circle', n: 0 })).toEqual(['data.n: must be a row count from 1 to 1000000']);
    expect(problems({ generate: 'circle', n: 2.5 })).toEqual(['data.n: must be a row count from 1 to 1000000']);
    expect(problems({ generate: 'xor', noise: 1.5 })).toEqual(['data.noise: must be a number from 0 to 1']);
    expect(problems({ generate: 'xor', noise: -0.1 })).toEqual(['data.noise: must be a number from 0 to 1']);
    for (const test of [1, -0.1, 2, 'half'])
      expect(problems({ generate: 'gauss', test })).toEqual(['data.test: must be a share from 0 up to but not including 1']);
    expect(problems({ generate: 'moons' })).toEqual(['data.generate: must be one of line, circle, xor, gauss, spiral, plane, gauss-mix']);
    expect(problems({ generate: 'gauss', scale: 'minmax' })).toEqual(['data.scale: must be "none" or "standard"']);
  });

  it('refuses unknown fields, the line generator’s own among them', () => {
    expect(problems({ generate: 'circle', slope: 2 })).toEqual(['data.slope: unknown key (a typo? see docs/scenario.md)']);
    expect(problems({ generate: 'spiral', rows: 20 })).toEqual(['data.rows: unknown key (a typo? see docs/scenario.md)']);
  });

  it('refuses a share that leaves no training rows, and a batch larger than the training rows', () => {
    expect(problems({ generate: 'circle', n: 2, test: 0.9 })).toEqual(['data.test: holds out all 2 rows; leave at least one for training']);
    expect(validateScenario({ ...withData({ generate: 'circle', n: 10, test: 0.5 }), batch: { size: 6 } })).toEqual({
      ok: false,
      problems: ['batch.size: must be at most the number of training rows (5)'],
    });
  });
});

describe('data: {dataset, test, scale}', () => {
  it('names Iris: 4 inputs, 3 one-hot classes', () => {
    expect(problems({ dataset: 'iris' }, 4, 3)).toEqual([]);
    const result = validateScenario(withData({ dataset: 'iris', scale: 'standard' }, 4, 3));
    expect(result.ok && result.scenario.data).toEqual({ dataset: 'iris', test: 0, scale: 'standard' });
    expect(problems({ dataset: 'iris' }, 2, 3)).toEqual(['model.layers[0]: must equal the number of features per row of the data (4)']);
  });

  it('names the 8×8 digits: 64 inputs, 10 one-hot classes, a share held out of its 1,797 rows', () => {
    const result = validateScenario(withData({ dataset: 'digits', test: 0.2 }, 64, 10));
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.scenario.data).toEqual({ dataset: 'digits', test: 0.2 });
    expect(dataShape({ dataset: 'digits', test: 0.2 })).toEqual({ rows: 1438, heldOut: 359, inputs: 64, outputs: 10 }); // round(0.2 · 1797) = 359
    expect(problems({ dataset: 'digits' }, 64, 3)).toEqual(['model.layers[1]: must equal the number of targets per row of the data (10)']);
  });

  it('names the field of an unknown set, an unknown key or a bad share', () => {
    expect(problems({ dataset: 'mnist' }, 4, 3)).toEqual(['data.dataset: must be one of iris, digits']);
    expect(problems({ dataset: 'iris', n: 10 }, 4, 3)).toEqual(['data.n: unknown key (a typo? see docs/scenario.md)']);
    expect(problems({ dataset: 'iris', test: 1 }, 4, 3)).toEqual(['data.test: must be a share from 0 up to but not including 1']);
  });
});
