import { describe, expect, test } from 'vitest';
import { partials, surfaces } from '../../engine/surfaces';
import { fillHeights, fitHeightScale, heightOf, lossAt } from './heights';

/** A named surface sampled like the trainer does: 64 × 64 over its range, a fastest. */
function sampled(name: keyof typeof surfaces): Float64Array {
  const { evaluate, range } = surfaces[name];
  const res = 64;
  const g = partials();
  const out = new Float64Array(res * res);
  const [[a0, a1], [b0, b1]] = range;
  for (let ib = 0; ib < res; ib++)
    for (let ia = 0; ia < res; ia++) out[ib * res + ia] = evaluate(a0 + ((a1 - a0) * ia) / (res - 1), b0 + ((b1 - b0) * ib) / (res - 1), g);
  return out;
}

describe('fitHeightScale', () => {
  test.each(['rosenbrock', 'beale'] as const)('%s, whose values span decades, gets a log scale', (name) => {
    expect(fitHeightScale(sampled(name)).log).toBe(true);
  });

  test.each(['bowl', 'himmelblau', 'saddle', 'rastrigin', 'valley', 'booth'] as const)('%s stays linear', (name) => {
    expect(fitHeightScale(sampled(name)).log).toBe(false);
  });

  test('ignores non-finite values', () => {
    const scale = fitHeightScale([1, 2, Number.NaN, 3, Infinity, -Infinity]);
    expect([scale.min, scale.max]).toEqual([1, 3]);
  });

  test('a flat or empty grid still gives a usable scale', () => {
    expect(heightOf(fitHeightScale([2, 2, 2]), 2)).toBe(0);
    expect(heightOf(fitHeightScale([Number.NaN]), 0.5)).toBe(0.5);
  });
});

describe('heightOf', () => {
  const linear = fitHeightScale([0, 1, 2, 3, 4]);
  test('maps the grid range onto [0, 1] linearly', () => {
    expect(heightOf(linear, 0)).toBe(0);
    expect(heightOf(linear, 1)).toBe(0.25);
    expect(heightOf(linear, 4)).toBe(1);
  });

  test('caps what lies outside, and what is not a number', () => {
    expect(heightOf(linear, -5)).toBe(0);
    expect(heightOf(linear, 1e30)).toBe(1);
    expect(heightOf(linear, Number.NaN)).toBe(1);
    expect(heightOf(linear, Infinity)).toBe(1);
  });

  test('on a log scale, each decade above the minimum takes one fifth of the height', () => {
    const scale = fitHeightScale(sampled('rosenbrock'));
    // δ = 1e-5·range: loss − min = δ·(10^k − 1) lies k decades up, i.e. at k/5 (to within δ/range).
    for (const k of [1, 2, 3, 4]) expect(heightOf(scale, scale.min + scale.delta * (Math.pow(10, k) - 1))).toBeCloseTo(k / 5, 4);
    expect(heightOf(scale, scale.max)).toBe(1);
  });

  test('lossAt inverts it', () => {
    for (const values of [sampled('bowl'), sampled('beale')]) {
      const scale = fitHeightScale(values);
      for (const t of [0, 0.1, 0.5, 0.9, 1]) expect(heightOf(scale, lossAt(scale, t))).toBeCloseTo(t, 9);
    }
  });

  test('fillHeights maps a grid in place', () => {
    const out = fillHeights(linear, [0, 2, Number.NaN], new Float32Array(3));
    expect(Array.from(out)).toEqual([0, 0.5, 1]);
  });
});
