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

  test('a highlighted particle that is followed shows its past at once, in its own white trail', () => {
    const trails = new Trails();
    trails.reset(2);
    trails.record(0, Float32Array.of(0, 1, 0, 2, 1, 2), -1);
    trails.record(1, Float32Array.of(0.5, 1, 0, 2, 1, 2), -1);
    // Particle 0 is followed by trail 0: the highlight (the slot after the best one's) copies its segments.
    expect(trails.highlight(0)).toBe(true);
    expect(segment(trails, followed + 1, 2)).toEqual([0, 1, 0, 0.5, 1, 0]);
    trails.record(2, Float32Array.of(0.75, 1, 0, 2, 1, 2), -1);
    expect(segment(trails, followed + 1, 3)).toEqual([0.5, 1, 0, 0.75, 1, 0]);
    const colour = trails.lines.geometry.getAttribute('color').array as Float32Array;
    expect(Array.from(colour.subarray((followed + 1) * trailLength * 6, (followed + 1) * trailLength * 6 + 3))).toEqual([1, 1, 1]);
  });

  test('a highlighted particle that is not followed starts its trail from now, and −1 clears it', () => {
    const trails = new Trails();
    trails.reset(100); // 31 followed, spread: particles 0, 3, 6, … (k·100/31 rounded down); 1 is not among them
    const places = new Float32Array(300);
    trails.record(0, places, -1);
    expect(trails.highlight(1)).toBe(false);
    expect(segment(trails, followed + 1, 1)[1]).toBeLessThan(-1000);
    places[3] = 0.5;
    trails.record(1, places, -1);
    // Step 1 is the ring's slot 2 (step 0 wrote slot 1): a point-length first segment at particle 1's place.
    expect(segment(trails, followed + 1, 2)).toEqual([0.5, 0, 0, 0.5, 0, 0]);
    expect(trails.highlight(-1)).toBe(true);
    expect(trails.highlighted).toBe(-1);
    expect(segment(trails, followed + 1, 2)[1]).toBeLessThan(-1000);
  });

  test('the highlighted particle’s losses: a followed one’s past at once, another’s from now on, none after −1', () => {
    const trails = new Trails();
    trails.reset(100); // followed: particles 0, 3, 6, …; 1 is not among them
    const places = new Float32Array(300);
    const losses = Float32Array.from({ length: 100 }, (_, i) => i + 0.5);
    const statuses = new Uint8Array(100).fill(1);
    trails.record(0, places, -1, { losses, statuses });
    trails.record(1, places, -1, { losses: losses.map((v) => v / 2), statuses });
    trails.highlight(3);
    expect(trails.highlightedCurve()).toEqual({ steps: [0, 1], losses: [3.5, 1.75] });
    trails.highlight(1);
    expect(trails.highlightedCurve()).toEqual({ steps: [], losses: [] });
    trails.record(2, places, -1, { losses, statuses });
    expect(trails.highlightedCurve()).toEqual({ steps: [2], losses: [1.5] });
    trails.highlight(-1);
    expect(trails.highlightedCurve()).toEqual({ steps: [], losses: [] });
  });
});
