/** Initial clouds. */
import { describe, expect, it } from 'vitest';
import { gridSide, initialPositions } from './init';

describe('initialPositions', () => {
  it('points are placed as written, parameter-major', () => {
    expect([
      ...initialPositions(
        {
          points: [
            [1, 2],
            [3, 4],
          ],
        },
        2,
        0,
      ),
    ]).toEqual([1, 3, 2, 4]);
  });

  it('a grid of 9 over [0, 2] × [10, 12] is the 3 × 3 lattice, the last parameter fastest', () => {
    const p = initialPositions({ dist: 'grid', min: [0, 10], max: [2, 12], count: 9 }, 2, 0);
    expect([...p.subarray(0, 9)]).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
    expect([...p.subarray(9)]).toEqual([10, 11, 12, 10, 11, 12, 10, 11, 12]);
    expect(gridSide(9, 2)).toBe(3);
    expect(gridSide(10, 2)).toBe(-1);
  });

  it('uniform draws stay within [min, max) and gaussian ones centre on the mean', () => {
    const u = initialPositions({ dist: 'uniform', min: [-1, 5], max: [1, 6], count: 1000 }, 2, 3);
    for (let i = 0; i < 1000; i++) {
      expect(u[i]).toBeGreaterThanOrEqual(-1);
      expect(u[i]).toBeLessThan(1);
      expect(u[1000 + i]).toBeGreaterThanOrEqual(5);
    }
    const g = initialPositions({ dist: 'gaussian', mean: [10, -10], std: [1, 0], count: 4000 }, 2, 3);
    const mean = g.subarray(0, 4000).reduce((s, v) => s + v, 0) / 4000;
    expect(Math.abs(mean - 10)).toBeLessThan(0.08); // 5 standard errors of 1/√4000
    expect(new Set(g.subarray(4000))).toEqual(new Set([-10])); // std 0: exactly the mean
  });
});
