import { describe, expect, test } from 'vitest';
import { followed, trailLength, Trails } from './Trails';

/** The segment (x0, y0, z0, x1, y1, z1) that trail s wrote at ring slot k. */
function segment(trails: Trails, s: number, k: number): number[] {
  const p = trails.lines.geometry.getAttribute('position').array as Float32Array;
  return Array.from(p.subarray((s * trailLength + k) * 6, (s * trailLength + k) * 6 + 6));
}

describe('Trails', () => {
  test('each new step adds one segment per trail, from the last place to the new one', () => {
    const trails = new Trails();
    trails.reset(2);
    trails.record(0, Float32Array.of(0, 1, 0, 2, 1, 2), 1);
    trails.record(1, Float32Array.of(0.5, 1, 0, 2, 1, 2), 1);
    // Trail 0 follows particle 0; the best trail (the last) follows particle 1, which has not moved.
    expect(segment(trails, 0, 2)).toEqual([0, 1, 0, 0.5, 1, 0]);
    expect(segment(trails, followed, 2)).toEqual([2, 1, 2, 2, 1, 2]);
    expect(trails.lines.material.uniforms.uHead.value).toBe(2);
  });

  test('a frame re-sent for the same step adds nothing', () => {
    const trails = new Trails();
    trails.reset(1);
    trails.record(4, Float32Array.of(0, 1, 0), 0);
    trails.record(4, Float32Array.of(1, 1, 1), 0);
    expect(trails.lines.material.uniforms.uHead.value).toBe(1);
  });

  test('a particle off the surface breaks its trail instead of drawing a jump to the rim', () => {
    const trails = new Trails();
    trails.reset(1);
    trails.record(0, Float32Array.of(0, 1, 0), -1);
    trails.record(1, Float32Array.of(6, 1, 0), -1);
    trails.record(2, Float32Array.of(1, 1, 0), -1);
    // Step 1 wrote nothing (still parked far below); step 2 starts afresh with a point-length segment.
    expect(segment(trails, 0, 2)[1]).toBeLessThan(-1000);
    expect(segment(trails, 0, 3)).toEqual([1, 1, 0, 1, 1, 0]);
  });

  test('the ring wraps: after trailLength steps the oldest segment is overwritten', () => {
    const trails = new Trails();
    trails.reset(1);
    for (let k = 0; k <= trailLength; k++) trails.record(k, Float32Array.of(k / trailLength, 1, 0), -1);
    expect(trails.lines.material.uniforms.uHead.value).toBe(1);
    expect(segment(trails, 0, 1)[3]).toBeCloseTo(1, 6);
  });
});
