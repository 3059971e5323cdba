import { describe, expect, it } from 'vitest';
import { formatNumber, formatVector, fromSlider, parseNumber, parseVector, roundSignificant, toSlider } from './numbers';

describe('roundSignificant', () => {
  it('keeps the given significant digits', () => {
    expect(roundSignificant(0.03162277660168379, 3)).toBe(0.0316);
    expect(roundSignificant(1234.5, 2)).toBe(1200);
    expect(roundSignificant(0, 3)).toBe(0);
  });
});

describe('an integer log scale (steps per frame, particles, epochs)', () => {
  const scale = { min: 0, max: 5, digits: 2, integer: true };
  it('writes whole numbers of at least 1', () => {
    expect(fromSlider(0, scale)).toBe(1);
    expect(fromSlider(1.7, scale)).toBe(50); // 10^1.7 = 50.1…
    expect(fromSlider(5, scale)).toBe(100000);
    expect(toSlider(100, scale)).toBe(2);
  });
});

describe('fields', () => {
  it('show at most 6 significant digits, in a form Number() reads back', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(1e-12)).toBe('1e-12');
    expect(formatVector([1, 2])).toBe('1, 2');
    expect(formatVector([0.3, 0.3], true)).toBe('0.3');
    expect(formatVector([0.3, 0.05], true)).toBe('0.3, 0.05');
  });

  it('read vectors separated by commas or spaces, and nothing else', () => {
    expect(parseVector('1, 2.5 -3')).toEqual([1, 2.5, -3]);
    expect(parseVector(' 4 ')).toEqual([4]);
    expect(parseVector('')).toBeNull();
    expect(parseVector('1, two')).toBeNull();
    expect(parseNumber(' 0.3 ')).toBe(0.3);
    expect(parseNumber('abc')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });
});
