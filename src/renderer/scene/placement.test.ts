import { describe, expect, test } from 'vitest';
import { fillHeights, fitHeightScale } from './heights';
import { farLimit, Layout, lift, sceneHeight } from './layout';
import { Placement } from './placement';

/** z = a² + b² on [−1, 1]², sampled on a 21 × 21 grid. */
const res = 21;
const losses = new Float64Array(res * res);
for (let v = 0; v < res; v++) for (let u = 0; u < res; u++) losses[v * res + u] = (-1 + u / 10) ** 2 + (-1 + v / 10) ** 2;
const scale = fitHeightScale(losses);
const placement = new Placement(
  new Layout(
    [
      [-1, 1],
      [-1, 1],
    ],
    res,
  ),
  scale,
  fillHeights(scale, losses, new Float32Array(res * res)),
);

describe('Placement', () => {
  test('a particle at a grid point sits just above the mesh there, whatever loss it reports', () => {
    const out = new Float32Array(3);
    placement.place(0.5, -0.2, 123, out, 0);
    expect(out[0]).toBeCloseTo(2.5, 6);
    expect(out[2]).toBeCloseTo(1, 6);
    expect(out[1]).toBeCloseTo(((0.25 + 0.04) / 2) * sceneHeight + lift, 5);
  });

  test('off the surface, its height is that of its own loss, capped', () => {
    const out = new Float32Array(6);
    placement.place(1.5, 0, 1, out, 0);
    placement.place(9, 9, Number.NaN, out, 3);
    expect(out[1]).toBeCloseTo(0.5 * sceneHeight + lift, 6);
    expect(out[4]).toBeCloseTo(sceneHeight + lift, 6);
  });

  test('a runaway particle waits on the rim, in its direction', () => {
    const out = new Float32Array(3);
    placement.place(1e20, -1e20, 1e40, out, 0);
    expect([out[0], out[2]]).toEqual([farLimit, farLimit]);
    expect(out[1]).toBeCloseTo(sceneHeight + lift, 6);
  });
});
