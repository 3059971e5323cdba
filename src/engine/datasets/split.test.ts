/** The held-out share (`data.test`, issue 16): which rows, in what order, and the scaling taken from the training rows only. */
import { describe, expect, it } from 'vitest';
import { buildDataset, type Dataset } from '../data';
import { createDescent, datasetOf } from '../build';
import { applyScale } from '../scaling';
import { scenarioOf } from '../testing';

/** Row r of a data set as [inputs…, targets…], to compare rows whatever their order. */
const row = (d: Dataset, r: number) => [...d.x.subarray(r * d.inputs, (r + 1) * d.inputs), ...d.y.subarray(r * d.outputs, (r + 1) * d.outputs)];
const rows = (d: Dataset) => Array.from({ length: d.rows }, (_, r) => row(d, r));

describe('data.test: the held-out rows', () => {
  const all = buildDataset({ generate: 'gauss', n: 40, noise: 0.1, test: 0 }, 3);
  const split = buildDataset({ generate: 'gauss', n: 40, noise: 0.1, test: 0.3 }, 3);

  it('holds out round(test·n) rows (0.3 · 40 = 12), and none at test 0', () => {
    expect(all.test).toBeUndefined();
    expect(split.rows).toBe(28);
    expect(split.test?.rows).toBe(12);
    expect(split.test?.inputs).toBe(2);
    expect(split.test?.classes).toBe(2);
  });

  it('keeps every row exactly once, each part in the original order', () => {
    const full = rows(all);
    const index = (r: number[]) => full.findIndex((f) => f.every((v, k) => v === r[k]));
    const trainAt = rows(split).map(index);
    const testAt = rows(split.test!).map(index);
    expect([...trainAt, ...testAt].sort((a, b) => a - b)).toEqual(full.map((_, r) => r));
    expect(trainAt).toEqual([...trainAt].sort((a, b) => a - b));
    expect(testAt).toEqual([...testAt].sort((a, b) => a - b));
  });

  it('draws the same rows for a seed, other rows for another seed', () => {
    const again = buildDataset({ generate: 'gauss', n: 40, noise: 0.1, test: 0.3 }, 3);
    expect(rows(again.test!)).toEqual(rows(split.test!));
    const other = buildDataset({ generate: 'gauss', n: 40, noise: 0.1, test: 0.3 }, 4);
    expect(rows(other.test!)).not.toEqual(rows(split.test!));
  });

  it('holds out Iris rows too: 150 · 0.2 = 30', () => {
    const iris = buildDataset({ dataset: 'iris', test: 0.2 }, 0);
    expect([iris.rows, iris.test?.rows, iris.test?.outputs, iris.test?.classes]).toEqual([120, 30, 3, 3]);
  });
});

describe('data.scale with a held-out share', () => {
  it('takes the mean and spread from the training rows and applies them to both parts', () => {
    const raw = buildDataset({ generate: 'plane', n: 50, noise: 0, test: 0.4 }, 1);
    const { data, scaling } = applyScale(raw, 'standard');
    // The training rows' own mean and population spread, computed here by the definition.
    for (let j = 0; j < 2; j++) {
      const column = Array.from({ length: raw.rows }, (_, r) => raw.x[r * 2 + j]);
      const mean = column.reduce((a, b) => a + b, 0) / column.length;
      const spread = Math.sqrt(column.reduce((a, b) => a + (b - mean) ** 2, 0) / column.length);
      expect(scaling!.mean[j]).toBeCloseTo(mean, 12);
      expect(scaling!.spread[j]).toBeCloseTo(spread, 12);
      for (let r = 0; r < raw.test!.rows; r++) expect(data.test!.x[r * 2 + j]).toBe((raw.test!.x[r * 2 + j] - scaling!.mean[j]) / scaling!.spread[j]);
    }
    expect(data.test!.y).toBe(raw.test!.y);
  });
});

describe('a run on a held-out share', () => {
  it('trains on the training rows alone: the model sees 105 of Iris’s 150 rows at test 0.3', async () => {
    const scenario = scenarioOf({
      version: 1,
      model: { kind: 'mlp', layers: [4, 3], output: 'softmax' },
      data: { dataset: 'iris', test: 0.3, scale: 'standard' },
      init: { dist: 'gaussian', mean: Array(15).fill(0), std: 0.1, count: 2 },
      optimizer: { kind: 'gd', alpha: 0.5 },
      epochs: 3,
    });
    const data = datasetOf(scenario)!;
    expect([data.rows, data.test?.rows]).toEqual([105, 45]);
    const descent = await createDescent(scenario);
    expect(descent.model.rows).toBe(105);
    descent.advance();
    expect(Number.isFinite(descent.summary().bestLoss)).toBe(true);
  });
});
