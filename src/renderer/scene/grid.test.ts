import { describe, expect, test } from 'vitest';
import { gridIndices, heightOnGrid } from './grid';

describe('gridIndices', () => {
  test('two triangles per cell, every vertex used, all inside the grid', () => {
    const res = 5;
    const indices = gridIndices(res);
    expect(indices.length).toBe((res - 1) * (res - 1) * 6);
    expect(new Set(indices).size).toBe(res * res);
    expect(Math.max(...indices)).toBe(res * res - 1);
  });

  test('the first cell is split along the diagonal from (1, 0) to (0, 1)', () => {
    expect(Array.from(gridIndices(3).subarray(0, 6))).toEqual([0, 1, 3, 4, 3, 1]);
  });
});

describe('heightOnGrid', () => {
  test('is exact on a plane, which every triangle holds', () => {
    const res = 4;
    const heights = new Float32Array(res * res);
    for (let v = 0; v < res; v++) for (let u = 0; u < res; u++) heights[v * res + u] = 0.5 * u - 0.25 * v + 1;
    for (const [u, v] of [
      [0, 0],
      [1.3, 2.7],
      [2.9, 0.1],
      [3, 3],
      [0.5, 0.5],
    ])
      expect(heightOnGrid(heights, res, u, v)).toBeCloseTo(0.5 * u - 0.25 * v + 1, 6);
  });

  test('follows the diagonal fold: a single raised corner (1, 1) is felt only in the upper triangle', () => {
    // One cell, h = 1 at (1, 1) and 0 elsewhere: below the diagonal s + t ≤ 1 the height is 0.
    const heights = [0, 0, 0, 1];
    expect(heightOnGrid(heights, 2, 0.4, 0.5)).toBe(0);
    expect(heightOnGrid(heights, 2, 0.9, 0.9)).toBeCloseTo(0.8, 6);
    expect(heightOnGrid(heights, 2, 1, 1)).toBe(1);
  });

  test('clamps to the grid outside it', () => {
    const heights = [0, 1, 2, 3];
    expect(heightOnGrid(heights, 2, -5, -5)).toBe(0);
    expect(heightOnGrid(heights, 2, 9, 9)).toBe(3);
  });
});
