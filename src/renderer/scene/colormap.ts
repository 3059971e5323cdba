/**
 * Colour maps, pure (no three.js, no DOM): viridis for the surface, a warm ramp for particles coloured by
 * loss (so that they stand out on a viridis surface), and the status colours of the page's legend.
 * Components are sRGB in [0, 1]; `srgbToLinear` converts for three.js vertex colours (linear space).
 */

/**
 * Viridis as a degree-6 polynomial per channel: Matt Zucker's least-squares fit to matplotlib's 256-entry
 * table ("Colormap polynomial fits", shadertoy.com/view/WlfXRN, CC0). Within ~0.01 of the table.
 */
const viridisCoefficients: readonly (readonly [number, number, number])[] = [
  [0.2777273272234177, 0.005407344544966578, 0.3340998053353061],
  [0.1050930431085774, 1.404613529898575, 1.384590162594685],
  [-0.3308618287255563, 0.214847559468213, 0.09509516302823659],
  [-4.634230498983486, -5.799100973351585, -19.33244095627987],
  [6.228269936347081, 14.17993336680509, 56.69055260068105],
  [4.776384997670288, -13.74514537774601, -65.35303263337234],
  [-5.435455855934631, 4.645852612178535, 26.3124352495832],
];

const clamp01 = (v: number): number => (v < 0 ? 0 : v > 1 ? 1 : v);

/** Writes viridis(t) (sRGB, t clamped to [0, 1]; NaN reads as 1, the top) into out[offset..offset+2]. */
export function viridis(t: number, out: Float32Array | number[], offset = 0): void {
  const x = Number.isNaN(t) ? 1 : clamp01(t);
  for (let c = 0; c < 3; c++) {
    let v = 0;
    // Horner's rule from the highest coefficient down.
    for (let k = viridisCoefficients.length - 1; k >= 0; k--) v = v * x + viridisCoefficients[k][c];
    out[offset + c] = clamp01(v);
  }
}

/** The warm ramp for particles by loss: pale yellow (low) through orange to deep rose (high), sRGB. */
const warmStops: readonly (readonly [number, number, number])[] = [
  [1.0, 0.97, 0.8],
  [1.0, 0.72, 0.3],
  [0.93, 0.36, 0.3],
  [0.75, 0.15, 0.42],
];

/** Writes the warm ramp at t (clamped to [0, 1]; NaN reads as 1) into out[offset..offset+2], sRGB. */
export function warm(t: number, out: Float32Array | number[], offset = 0): void {
  const x = (Number.isNaN(t) ? 1 : clamp01(t)) * (warmStops.length - 1);
  const k = Math.min(warmStops.length - 2, Math.floor(x));
  const f = x - k;
  for (let c = 0; c < 3; c++) out[offset + c] = warmStops[k][c] + (warmStops[k + 1][c] - warmStops[k][c]) * f;
}

/** The legend's colours (style.css, .swatch) by status byte: 1 running, 2 converged, 3 diverged; sRGB. */
export const statusColours: Readonly<Record<number, readonly [number, number, number]>> = {
  1: hex(0x5cc8b4),
  2: hex(0x9ad26a),
  3: hex(0xe8685a),
};

/** The best particle's ring and trail. */
export const bestColour = hex(0xffd166);

/** 0xRRGGBB → sRGB components in [0, 1]. */
export function hex(value: number): [number, number, number] {
  return [((value >> 16) & 255) / 255, ((value >> 8) & 255) / 255, (value & 255) / 255];
}

/** The sRGB transfer function undone (IEC 61966-2-1), for colours handed to three.js as linear. */
export function srgbToLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
}

/** Relative luminance (linear-light, Rec. 709 weights) of an sRGB colour: for lightness checks. */
export function luminance(r: number, g: number, b: number): number {
  return 0.2126 * srgbToLinear(r) + 0.7152 * srgbToLinear(g) + 0.0722 * srgbToLinear(b);
}
