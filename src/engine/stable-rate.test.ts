import { describe, expect, it } from 'vitest';
import { buildDataset } from './data';
import { linearHessian, stableRate } from './stable-rate';
import { runOf, expectClose } from './testing';
import { statusNames } from './descent';

describe('stableRate: 2/λ_max of (2/m)·AᵀA', () => {
  it('on columns orthogonal to each other and to the bias: AᵀA = diag(4, 2, 8), so H = diag(2, 1, 4) and α < 0.5', () => {
    const data = buildDataset(
      {
        x: [
          [1, 0],
          [-1, 0],
          [0, 2],
          [0, -2],
        ],
        y: [0, 0, 0, 0],
      },
      0,
    );
    expectClose(linearHessian(data, true), [2, 0, 0, 0, 1, 0, 0, 0, 4], 0, 'H');
    expect(stableRate(data, true)).toEqual({ lambdaMax: 4, lambdaMin: 1, alpha: 0.5 });
  });

  it('with one feature x = 0, 2 and a bias: H = [[2, 2], [2, 4]], λ_max = 3 + √5', () => {
    const data = buildDataset({ x: [[0], [2]], y: [1, 1] }, 0);
    const rate = stableRate(data, true);
    expect(rate.lambdaMax).toBeCloseTo(3 + Math.sqrt(5), 14);
    expect(rate.alpha).toBeCloseTo(2 / (3 + Math.sqrt(5)), 14);
    // Without the bias H = (2/2)·(0 + 4) = 4: α < 0.5.
    expect(stableRate(data, false).alpha).toBe(0.5);
  });

  it('is the edge the engine finds: full-batch GD converges 1 % below it and diverges 1 % above it', async () => {
    const x = [
      [1, 3],
      [2, 1],
      [3, 4],
      [4, 1],
      [5, 5],
    ];
    const y = [2, 1, 5, 3, 7];
    const rate = stableRate(buildDataset({ x, y }, 0), true).alpha;
    const run = (alpha: number) =>
      runOf({
        version: 1,
        model: { kind: 'linear', bias: true },
        data: { x, y },
        init: { points: [[0, 0, 0]] },
        optimizer: { kind: 'gd', alpha },
        epochs: 20000,
        stop: { divergence: 1e12 },
      });
    const below = await run(0.99 * rate);
    const above = await run(1.01 * rate);
    expect(statusNames[below.status[0]]).toBe('running');
    expect(Number.isFinite(below.fullLoss()[0])).toBe(true);
    expect(statusNames[above.status[0]]).toBe('diverged');
  });
});
