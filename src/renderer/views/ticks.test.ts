import { describe, expect, it } from 'vitest';
import { axisLabel, niceTicks, padRange, tickLabel } from './ticks';

describe('niceTicks', () => {
  it('steps by 1, 2 or 5 × 10ᵏ inside the range', () => {
    expect(niceTicks(0, 100, 5)).toEqual({ ticks: [0, 20, 40, 60, 80, 100], step: 20 });
    expect(niceTicks(-3.2, 7.9, 5)).toEqual({ ticks: [-2, 0, 2, 4, 6], step: 2 });
    expect(niceTicks(0.1, 0.35, 5).step).toBeCloseTo(0.05, 12);
  });

  it('gives one tick for an empty range and none for a non-finite one', () => {
    expect(niceTicks(2, 2).ticks).toEqual([2]);
    expect(niceTicks(NaN, 1).ticks).toEqual([]);
  });
});

describe('tickLabel', () => {
  it('writes as many decimals as the step needs, with a true minus sign', () => {
    expect(tickLabel(0.30000000000000004, 0.1)).toBe('0.3');
    expect(tickLabel(40, 20)).toBe('40');
    expect(tickLabel(-2, 2)).toBe('−2');
    expect(tickLabel(0.15, 0.05)).toBe('0.15');
  });
});

describe('padRange', () => {
  it('widens a range by a margin, and opens an empty one around its value', () => {
    expect(padRange(0, 100, 0.1)).toEqual([-10, 110]);
    expect(padRange(1, 1)).toEqual([0.5, 1.5]);
    expect(padRange(0, 0)).toEqual([-0.5, 0.5]);
  });
});

describe('axisLabel', () => {
  it('writes a loss axis tick in at most a few characters', () => {
    expect(axisLabel(0.01)).toBe('0.01');
    expect(axisLabel(1000)).toBe('1000');
    expect(axisLabel(1e5)).toBe('1e5');
    expect(axisLabel(1e-5)).toBe('1e−5');
    expect(axisLabel(-7.5e10)).toBe('−7.5e10');
    expect(axisLabel(123456)).toBe('1.235e5');
  });
});
