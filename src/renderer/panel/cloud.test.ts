import { describe, expect, it } from 'vitest';
import { centreOf, gridCount, moveCentre, spreadOf, switchInit, withCount, withSpread } from './cloud';

describe('the starting cloud as centre, spread and count', () => {
  it('reads points as their mean and standard deviation', () => {
    const init = {
      points: [
        [0, 0],
        [2, 4],
      ],
    };
    expect(centreOf(init)).toEqual([1, 2]);
    expect(spreadOf(init)).toEqual([1, 2]);
    expect(switchInit(init, 'gaussian')).toEqual({ dist: 'gaussian', mean: [1, 2], std: [1, 2], count: 2 });
  });

  it('moves every point by the same amount', () => {
    expect(
      moveCentre(
        {
          points: [
            [0, 0],
            [2, 4],
          ],
        },
        [0, 0],
      ),
    ).toEqual({
      points: [
        [-1, -2],
        [1, 2],
      ],
    });
  });

  it('keeps the exact bounds of a component whose spread is unchanged', () => {
    const init = { dist: 'uniform' as const, min: [0.1, -1], max: [0.7, 1], count: 10 };
    expect(withSpread(init, [spreadOf(init)[0], 2])).toEqual({ dist: 'uniform', min: [0.1, -2], max: [0.7, 2], count: 10 });
  });

  it('rounds a grid to the nearest perfect power of the parameter count', () => {
    expect(gridCount(1000, 2)).toBe(1024); // 32²
    expect(gridCount(400, 2)).toBe(400); // 20², the docs' example
    expect(gridCount(100, 3)).toBe(125); // 5³ (100^(1/3) = 4.64)
    expect(gridCount(100, 14)).toBe(1); // 100^(1/14) = 1.39: one point per axis
    expect(withCount({ dist: 'grid', min: [0, 0], max: [1, 1], count: 400 }, 50)).toMatchObject({ count: 49 });
  });
});
