import { describe, expect, test } from 'vitest';
import { fitHeightScale } from './heights';
import { formatTick, lossTicks, niceStep, niceTicks } from './ticks';

describe('niceTicks', () => {
  test('steps of 1, 2 or 5 times a power of ten, inside the range', () => {
    expect(niceTicks(-3, 5)).toEqual([-2, 0, 2, 4]);
    expect(niceTicks(-2, 2, 4)).toEqual([-2, -1, 0, 1, 2]);
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(-5.12, 5.12)).toEqual([-4, -2, 0, 2, 4]);
  });

  test('no float noise in the values', () => {
    for (const t of niceTicks(0.1, 0.9, 8)) expect(String(t).length).toBeLessThan(5);
  });

  test('an empty or broken range has no ticks', () => {
    expect(niceTicks(1, 1)).toEqual([]);
    expect(niceTicks(Number.NaN, 1)).toEqual([]);
  });

  test('niceStep picks the nearest of 1, 2, 5 × 10^k', () => {
    expect(niceStep(1.6)).toBe(2);
    expect(niceStep(0.04)).toBeCloseTo(0.05, 12);
    expect(niceStep(800)).toBe(1000);
    expect(niceStep(1.2)).toBe(1);
  });
});

describe('formatTick', () => {
  test('short labels', () => {
    expect(formatTick(0)).toBe('0');
    expect(formatTick(-2)).toBe('-2');
    expect(formatTick(0.30000000000000004)).toBe('0.3');
    expect(formatTick(25000)).toBe('2.5e+4');
    expect(formatTick(1e5)).toBe('1e+5');
    expect(formatTick(0.00002)).toBe('2e-5');
  });
});

describe('lossTicks', () => {
  test('a log scale is marked at decades, spaced at least 0.12 of the height apart', () => {
    // Rosenbrock's range on [−2, 2] × [−1, 3]: from about 0 to 2509.
    const scale = fitHeightScale([0, 1, 2, 3, 5, 8, 13, 2509]);
    const ticks = lossTicks({ ...scale, log: true, delta: 2509e-5, low: Math.log10(2509e-5), high: Math.log10(2509 + 2509e-5) });
    expect(ticks).toEqual([0.1, 1, 10, 100, 1000]);
  });

  test('a linear scale gets nice numbers, none in the bottom tenth (the floor corner holds a tick of b)', () => {
    expect(lossTicks(fitHeightScale([0, 10, 20, 32]))).toEqual([10, 20, 30]);
  });
});
