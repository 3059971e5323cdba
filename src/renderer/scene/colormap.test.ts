import { describe, expect, test } from 'vitest';
import { hex, luminance, srgbToLinear, viridis, warm } from './colormap';

// matplotlib's _viridis_data (matplotlib/_cm_listed.py), entries 0, 64, 128, 191 and 255 of 256:
// #440154, #3b528b, #21918c, #5ec962, #fde725 as printed by matplotlib.colors.to_hex.
const reference: [number, number][] = [
  [0, 0x440154],
  [64 / 255, 0x3b528b],
  [128 / 255, 0x21918c],
  [191 / 255, 0x5ec962],
  [1, 0xfde725],
];

describe('viridis', () => {
  test.each(reference)('at %f matches matplotlib within 0.02 per channel', (t, expected) => {
    const out = [0, 0, 0];
    viridis(t, out);
    const want = hex(expected);
    for (let c = 0; c < 3; c++) expect(Math.abs(out[c] - want[c])).toBeLessThan(0.02);
  });

  test('lightness rises monotonically from 0 to 1 (a perceptual map)', () => {
    const out = new Float32Array(3);
    let previous = -1;
    for (let k = 0; k <= 100; k++) {
      viridis(k / 100, out);
      const y = luminance(out[0], out[1], out[2]);
      expect(y).toBeGreaterThan(previous);
      previous = y;
    }
  });

  test('clamps outside [0, 1] and reads NaN as the top', () => {
    const below = [0, 0, 0];
    const zero = [0, 0, 0];
    const nan = [0, 0, 0];
    const one = [0, 0, 0];
    viridis(-3, below);
    viridis(0, zero);
    viridis(Number.NaN, nan);
    viridis(1, one);
    expect(below).toEqual(zero);
    expect(nan).toEqual(one);
  });

  test('writes at an offset', () => {
    const out = new Float32Array(6);
    viridis(0, out, 3);
    expect(out[0]).toBe(0);
    expect(out[3]).toBeGreaterThan(0.2);
  });
});

describe('warm', () => {
  test('goes from light to dark as loss rises', () => {
    const low = [0, 0, 0];
    const high = [0, 0, 0];
    warm(0, low);
    warm(1, high);
    expect(luminance(low[0], low[1], low[2])).toBeGreaterThan(luminance(high[0], high[1], high[2]));
  });
});

describe('srgbToLinear', () => {
  test('fixes 0 and 1, and maps mid-grey 0.5 to 0.2140 (IEC 61966-2-1)', () => {
    expect(srgbToLinear(0)).toBe(0);
    expect(srgbToLinear(1)).toBeCloseTo(1, 12);
    expect(srgbToLinear(0.5)).toBeCloseTo(0.214041, 5);
  });
});
