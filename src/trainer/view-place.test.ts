import { describe, expect, it } from 'vitest';
import { cloudCentre, cloudRange, holds, namedRange, rangeToShow } from './view-place';

/** Params laid out as the descent keeps them: parameter j's n values after parameter j − 1's. */
const columns = (...points: number[][]) => Float64Array.from([0, 1].flatMap((j) => points.map((p) => p[j])));

describe('cloudCentre', () => {
  it('is each parameter’s mean over its finite values, 0 where there is none', () => {
    const d = { n: 3, paramCount: 2, params: columns([1, NaN], [3, NaN], [Infinity, NaN]) };
    expect(Array.from(cloudCentre(d))).toEqual([2, 0]);
  });
});

describe('namedRange', () => {
  it('is a named surface’s own range (Rosenbrock: [−2, 2] × [−1, 3], surface-catalog.ts) on its axes only', () => {
    const rosenbrock = { kind: 'surface', fn: 'rosenbrock' } as const;
    expect(namedRange(rosenbrock, { axes: [0, 1] })).toEqual([
      [-2, 2],
      [-1, 3],
    ]);
    expect(namedRange(rosenbrock, { random: 1 })).toBeNull();
    expect(namedRange({ kind: 'surface', expr: 'x^2 + y^2' }, { axes: [0, 1] })).toBeNull();
  });
});

describe('cloudRange', () => {
  const rosenbrock: [[number, number], [number, number]] = [
    [-2, 2],
    [-1, 3],
  ];

  it('widens a named surface’s range to hold the cloud, and no more', () => {
    expect(cloudRange(2, columns([-2.5, 0], [0, 3.5]), null, rosenbrock)).toEqual([
      [-2.5, 2],
      [-1, 3.5],
    ]);
    // A cloud inside it: the named range itself (a click-to-start's single particle, ../renderer/scene/layout.ts `holds`).
    expect(cloudRange(1, columns([1, 1]), null, rosenbrock)).toEqual(rosenbrock);
  });

  it('gives a cloud its box with a fifth of room each side: x over [0, 10] → 5 ± 6', () => {
    expect(cloudRange(2, columns([0, 0], [10, 0.5]), null, null)[0]).toEqual([-1, 11]);
  });

  it('gives a single particle room to move: ±max(1, |centre|/2)', () => {
    expect(cloudRange(1, columns([4, -2]), null, null)).toEqual([
      [2, 6],
      [-3, -1],
    ]);
  });

  it('reads projected points where given, skips what is not finite, and falls back to ±1.2 when nothing is', () => {
    const points = Float64Array.from([0, 0, 10, NaN, Infinity, 0.5]); // (x, y) pairs
    expect(cloudRange(3, columns([99, 99], [99, 99], [99, 99]), points, null)[0]).toEqual([-1, 11]);
    expect(cloudRange(1, columns([NaN, Infinity]), null, null)).toEqual([
      [-1.2, 1.2],
      [-1.2, 1.2],
    ]);
  });
});

describe('rangeToShow', () => {
  // Rosenbrock's preset cloud (mean (−1.5, 2), std 0.3) widens the named range [−2, 2] × [−1, 3] to about
  // [−2.47, 2] × [−1, 3.04]; a click then starts one particle, whose range is the named one again.
  const wide: [[number, number], [number, number]] = [
    [-2.47, 2],
    [-1, 3.04],
  ];
  const named: [[number, number], [number, number]] = [
    [-2, 2],
    [-1, 3],
  ];

  it('holds a range inside, or equal to, the one on show, and not one past it on any side', () => {
    expect(holds(wide, named)).toBe(true);
    expect(holds(wide, wide)).toBe(true);
    expect(holds(wide, [[-2.5, 2], named[1]])).toBe(false);
    expect(holds(wide, [named[0], [-1, 3.1]])).toBe(false);
  });

  it('keeps the range on show for a new start on the same surface inside it: nothing moves under the pointer', () => {
    expect(rangeToShow({ surface: 'rosenbrock', range: wide }, { surface: 'rosenbrock', range: named })).toBe(wide);
  });

  it('takes the new range for another surface, a cloud past the one on show, or a slice (no surface)', () => {
    expect(rangeToShow({ surface: 'rosenbrock', range: wide }, { surface: 'bowl', range: named })).toBe(named);
    const past: [[number, number], [number, number]] = [[-3, 2], named[1]];
    expect(rangeToShow({ surface: 'rosenbrock', range: wide }, { surface: 'rosenbrock', range: past })).toBe(past);
    expect(rangeToShow({ surface: null, range: wide }, { surface: null, range: named })).toBe(named);
  });
});
