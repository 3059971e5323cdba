import { describe, expect, test } from 'vitest';
import { contourLevels, contourSegments } from './contours';
import { heightOnGrid } from './grid';

/** The cone z = √(x² + y²)... and the paraboloid z = x² + y², on [−1, 1]², as grid heights. */
function grid(res: number, f: (x: number, y: number) => number): Float32Array {
  const out = new Float32Array(res * res);
  for (let v = 0; v < res; v++) for (let u = 0; u < res; u++) out[v * res + u] = f(-1 + (2 * u) / (res - 1), -1 + (2 * v) / (res - 1));
  return out;
}

describe('contourLevels', () => {
  test('n levels at the middle of n equal bands', () => {
    expect(Array.from(contourLevels(4))).toEqual([0.125, 0.375, 0.625, 0.875]);
  });
});

describe('contourSegments', () => {
  const res = 41;
  const cell = 2 / (res - 1);
  const paraboloid = grid(res, (x, y) => x * x + y * y);
  const levels = [0.1, 0.25, 0.5];
  const segments = contourSegments(paraboloid, res, levels);

  test('on z = x² + y², every endpoint lies on the circle of radius √level, within a grid cell', () => {
    expect(segments.length % 6).toBe(0);
    for (let k = 0; k < segments.length; k += 3) {
      const x = -1 + segments[k] * cell;
      const y = -1 + segments[k + 1] * cell;
      expect(Math.abs(Math.hypot(x, y) - Math.sqrt(segments[k + 2]))).toBeLessThan(cell);
    }
  });

  test('each level is a closed loop: its segments add up to the circumference 2π√level, within 1 %', () => {
    for (const level of levels) {
      let length = 0;
      for (let k = 0; k < segments.length; k += 6) {
        if (segments[k + 2] !== Math.fround(level)) continue;
        length += Math.hypot(segments[k + 3] - segments[k], segments[k + 4] - segments[k + 1]) * cell;
      }
      expect(Math.abs(length / (2 * Math.PI * Math.sqrt(level)) - 1)).toBeLessThan(0.01);
    }
  });

  test('every endpoint lies on the mesh at its level (the lines sit in the surface)', () => {
    for (let k = 0; k < segments.length; k += 3) expect(heightOnGrid(paraboloid, res, segments[k], segments[k + 1])).toBeCloseTo(segments[k + 2], 5);
  });

  test('no level outside the heights, no segment', () => {
    expect(contourSegments(paraboloid, res, [3, -1]).length).toBe(0);
  });

  test('triangles with a non-finite corner are left out', () => {
    const holed = Float32Array.from(paraboloid);
    holed.fill(Number.NaN, 0, res * 20);
    const some = contourSegments(holed, res, [0.25]);
    for (let k = 0; k < some.length; k += 3) expect(some[k + 1]).toBeGreaterThanOrEqual(19);
  });
});
