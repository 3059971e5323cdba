import { describe, expect, it } from 'vitest';
import { buildDataset } from './data';
import { datasetOf } from './build';
import { applyScale, scaleRow, standardScaling } from './scaling';
import { descentOf, expectClose, scenarioOf } from './testing';

const rows = {
  x: [
    [1, 10, 5],
    [2, 20, 5],
    [3, 60, 5],
    [6, 30, 5],
  ],
  y: [1, 2, 3, 4],
};

describe('data.scale: standard (CONTRACTS §10)', () => {
  it('centres each column and divides by its population standard deviation (ddof 0)', () => {
    // Column 0: mean 3, squares 4+1+0+9 = 14, σ = √(14/4). Column 1: mean 30, squares 400+100+900+0 = 1400, σ = √350.
    const scaling = standardScaling(buildDataset(rows, 0));
    expectClose(scaling.mean, [3, 30, 5], 1e-15, 'mean');
    expectClose(scaling.spread, [Math.sqrt(3.5), Math.sqrt(350), 1], 1e-15, 'spread');
  });

  it('leaves the scaled columns with mean 0 and standard deviation 1, a constant column at 0, the targets as they were', () => {
    const { data } = applyScale(buildDataset(rows, 0), 'standard');
    for (let j = 0; j < 2; j++) {
      const column = [0, 1, 2, 3].map((r) => data.x[r * 3 + j]);
      const mean = column.reduce((a, b) => a + b) / 4;
      expect(mean).toBeCloseTo(0, 14);
      expect(column.reduce((a, v) => a + (v - mean) ** 2, 0) / 4).toBeCloseTo(1, 14);
    }
    expect([0, 1, 2, 3].map((r) => data.x[r * 3 + 2])).toEqual([0, 0, 0, 0]);
    expect(Array.from(data.y)).toEqual([1, 2, 3, 4]);
  });

  it('only centres a constant column whose rounded mean is not exactly its value', () => {
    // 0.1 added 50 times is 5.000000000000002, so the mean is not 0.1: σ would be about 1e-17, not 0.
    const data = buildDataset({ x: Array.from({ length: 50 }, () => [0.1]), y: Array.from({ length: 50 }, () => 1) }, 0);
    const { data: scaled, scaling } = applyScale(data, 'standard');
    expect(scaling!.spread[0]).toBe(1);
    expect(Array.from(scaled.x).every((v) => v === 0)).toBe(true);
  });

  it('is left out or none: the data unchanged', () => {
    const data = buildDataset(rows, 0);
    expect(applyScale(data, undefined)).toEqual({ data, scaling: null });
    expect(applyScale(data, 'none').scaling).toBeNull();
  });

  it('maps a row in the data’s own units as the model sees it', () => {
    const scaling = standardScaling(buildDataset(rows, 0));
    expectClose(scaleRow(scaling, [3 + Math.sqrt(3.5), 30, 7]), [1, 0, 2], 1e-15, 'row');
    expect(Array.from(scaleRow(null, [4, 5]))).toEqual([4, 5]);
  });

  it('is what the model trains on, and the columns name the parameters', async () => {
    const scenario = scenarioOf({
      version: 1,
      model: { kind: 'linear', bias: true },
      data: { x: [[1], [2], [3]], y: [2, 4, 6], names: { x: ['size'], y: ['price'] }, scale: 'standard' },
      init: { points: [[0, 0]] },
      optimizer: { kind: 'gd', alpha: 0.1 },
      epochs: 1,
    });
    // size 1, 2, 3: mean 2, σ = √(2/3).
    expectClose(datasetOf(scenario)!.x, [-1 / Math.sqrt(2 / 3), 0, 1 / Math.sqrt(2 / 3)], 1e-15, 'x');
    const descent = await descentOf(scenario);
    expect(descent.model.paramNames).toEqual(['b', 'w·size']);
    // From (0, 0) the loss is the mean of y² = (4 + 16 + 36)/3, whatever the scaling.
    expect(descent.fullLoss()[0]).toBeCloseTo(56 / 3, 12);
  });

  it('keeps b, w1, … for data without names', async () => {
    const descent = await descentOf('regression-eta-0.1');
    expect(descent.model.paramNames).toEqual(['b', 'w1', 'w2']);
  });
});
