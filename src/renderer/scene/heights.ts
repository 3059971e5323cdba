/**
 * The one map from loss to height in the scene, shared by the surface, its contours, the particles and the
 * trails, so that particles sit on the surface. Pure: no three.js, no DOM.
 *
 * Heights are normalised to [0, 1] (the scene multiplies by its height). The scale is linear, unless a
 * linear scale would squash most of the surface flat: when the median of the grid lies in the bottom 8 %
 * of its range (Rosenbrock 5.8 %, Beale 0.2 %; bowl 32 %, Himmelblau 13 %, Booth 9 %), heights are
 * log10(loss − min + δ), with δ = 1e-5 of the range so that the minimum is five decades below the top.
 */

export interface HeightScale {
  /** Whether heights are logarithmic in the loss. */
  readonly log: boolean;
  /** The finite range of the grid's losses. */
  readonly min: number;
  readonly max: number;
  /** log scale: the offset δ added to loss − min before the log. */
  readonly delta: number;
  /** The transformed values of min and max (heights 0 and 1). */
  readonly low: number;
  readonly high: number;
}

/** Below this share of the range for the median, the scale turns logarithmic. */
export const logThreshold = 0.08;
/** log scale: δ as a share of the range, i.e. the number of decades shown (five). */
export const logDepth = 1e-5;

/** Chooses the scale for a grid of losses (non-finite values are ignored; none finite gives [0, 1]). */
export function fitHeightScale(values: ArrayLike<number>): HeightScale {
  const finite: number[] = [];
  for (let k = 0; k < values.length; k++) if (Number.isFinite(values[k])) finite.push(values[k]);
  if (finite.length === 0) return linear(0, 1);
  finite.sort((p, q) => p - q);
  const min = finite[0];
  const max = finite[finite.length - 1];
  if (!(max > min)) return linear(min, min + 1);
  const median = finite[finite.length >> 1];
  if ((median - min) / (max - min) >= logThreshold) return linear(min, max);
  const delta = (max - min) * logDepth;
  return { log: true, min, max, delta, low: Math.log10(delta), high: Math.log10(max - min + delta) };
}

function linear(min: number, max: number): HeightScale {
  return { log: false, min, max, delta: 0, low: min, high: max };
}

/** A loss's normalised height in [0, 1]: below the grid's minimum 0; above its maximum, or not finite, 1 (the cap). */
export function heightOf(scale: HeightScale, loss: number): number {
  if (!Number.isFinite(loss)) return 1;
  if (loss <= scale.min) return 0;
  if (loss >= scale.max) return 1;
  const v = scale.log ? Math.log10(loss - scale.min + scale.delta) : loss;
  return (v - scale.low) / (scale.high - scale.low);
}

/** The loss at a normalised height (the inverse of heightOf on [0, 1]): for contour and axis labels. */
export function lossAt(scale: HeightScale, height: number): number {
  const v = scale.low + (scale.high - scale.low) * height;
  return scale.log ? Math.pow(10, v) + scale.min - scale.delta : v;
}

/** Normalised heights of a whole grid, into out. */
export function fillHeights(scale: HeightScale, values: ArrayLike<number>, out: Float32Array): Float32Array {
  for (let k = 0; k < values.length; k++) out[k] = heightOf(scale, values[k]);
  return out;
}
