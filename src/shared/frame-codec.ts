/**
 * Frames on the wire at 7 bytes a particle: each of its two view coordinates and its loss as a Uint16 code
 * (6 B), and its status byte. Each channel (x, y, loss) of a frame carries its own scale, four float64s.
 *
 * The map from a value v to a code, for a channel of centre c and spread s:
 *   g(v) = sign(v − c) · G(1 + |v − c| / s),   G(y) = e + (y / 2^e − 1) for 2^e ≤ y < 2^(e+1),
 * the piecewise-linear log2 that float64's own bits spell (read off them, so encoding costs no log call),
 * then codes are g quantised linearly from g(min) to g(max) into 0…65535. Within ±s of the centre the map
 * is linear; beyond, each binade gets the same share of the codes. So a far outlier (a diverged particle's
 * last place, a loss of 1e30) costs the bulk of the cloud a few binades of range, not all its resolution,
 * which plain linear quantisation on the bounds would (everyone else in one code).
 *
 * Closed-form error (see errorBound): with Δ = (g(max) − g(min)) / 65535, the derivative of the inverse is
 * at most s·2^e ≤ s·y on the binades crossed, so |decoded − v| ≤ (s + |v − c|) · (Δ/2) / (1 − Δ/2), before
 * the page's float32 rounding. A channel with no far outlier (all within 16 robust spreads of its centre)
 * gets s = the largest |v − c|: every value is in the linear part, and the error is that of linear
 * quantisation on the bounds, at most range / 131070 (half a code).
 *
 * Non-finite inputs never widen the range: NaN and +∞ take the top code, −∞ the bottom one. Finite values
 * beyond float32's range are clamped to it (the float32 frames this replaces could not carry them either).
 */
import type { FrameEvent, FrameMessage } from './messages';

/** The largest code. */
export const codeMax = 65535;
/** Bytes a particle costs on the wire: x, y and loss codes (Uint16) and its status (Uint8). */
export const bytesPerParticle = 2 * Uint16Array.BYTES_PER_ELEMENT + Uint16Array.BYTES_PER_ELEMENT + Uint8Array.BYTES_PER_ELEMENT;

/** How one channel of a frame was quantised (all finite; spread > 0). */
export interface ChannelScale {
  centre: number;
  spread: number;
  /** g of the channel's smallest and largest finite value (binades, signed). */
  low: number;
  high: number;
}

export interface FrameScales {
  x: ChannelScale;
  y: ChannelScale;
  loss: ChannelScale;
}

const float32Max = 3.4028234663852886e38;
/** The smallest normal float32: below it a spread would only measure rounding. */
const tinySpread = 2 ** -126;
/** Particles sampled (evenly spaced, so the choice is deterministic) to place the centre and spread. */
const sampleSize = 1024;
/** A channel whose values all lie within this many spreads of its centre is quantised linearly. */
const linearReach = 16;
/** float64 1.0's high word: G(y) = (high word of y − this) / 2^20 + low word / 2^52. */
const oneHighWord = 0x3ff00000;

// Scratch for reading a float64's words; which index holds the high word depends on the machine's byte order.
const bits64 = new Float64Array(1);
const words = new Uint32Array(bits64.buffer);
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const hi = littleEndian ? 1 : 0;
const lo = 1 - hi;
/** 2^e for every binade G can reach (1 + 2·float32Max / tinySpread < 2^256). */
const pow2 = Float64Array.from({ length: 260 }, (_, e) => 2 ** e);
const sample = new Float64Array(sampleSize);

/** G(y) for y ≥ 1: the float's exponent plus its mantissa fraction. */
function logBits(y: number): number {
  bits64[0] = y;
  return (words[hi] - oneHighWord) * 2 ** -20 + words[lo] * 2 ** -52;
}

/** g(v) for a finite v (already clamped); the same arithmetic as encodeChannel's loop. */
function transform(v: number, centre: number, inverseSpread: number): number {
  const x = (v - centre) * inverseSpread;
  // Within ±1 (the first binade either side) G(1 + |x|) is |x| itself.
  return x >= 1 ? logBits(1 + x) : x <= -1 ? -logBits(1 - x) : x;
}

/** The value at g = t: the exact inverse of transform. */
function inverse(t: number, centre: number, spread: number): number {
  if (t < 1 && t > -1) return centre + spread * t;
  const a = t < 0 ? -t : t;
  const e = Math.floor(a);
  const x = pow2[e] * (1 + a - e) - 1;
  return t < 0 ? centre - spread * x : centre + spread * x;
}

const clamp = (v: number): number => (v > float32Max ? float32Max : v < -float32Max ? -float32Max : v);

/** The smallest and largest finite value (a second pass, only for frames that hold an infinity). */
function finiteRange(values: ArrayLike<number>, n: number, stride: number, offset: number): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[offset + stride * i];
    if (v - v !== 0) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

/**
 * Chooses a channel's scale for values[offset + stride·i], i < n. Two-sided (coordinates): centred on the
 * median, spread the interquartile range. One-sided (losses): centred on the minimum, so that the best
 * particles are the best resolved, spread the lower quartile's distance from it. Both are floored at the
 * float32 resolution of the centre, below which the values themselves carry nothing, and stretched to the
 * far end when no value lies beyond `linearReach` spreads (then the whole map is linear).
 */
export function fitScale(values: ArrayLike<number>, n: number, stride: number, offset: number, oneSided: boolean): ChannelScale {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[offset + stride * i];
    // NaN fails both tests; ±∞ pass one, and are dropped below with the rest of what clamping changes.
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === -Infinity || max === Infinity) [min, max] = finiteRange(values, n, stride, offset);
  // Clamping is monotone: the clamped extremes are the extremes of the clamped values.
  min = clamp(min);
  max = clamp(max);
  if (min > max) return { centre: 0, spread: 1, low: 0, high: 0 };
  const every = Math.max(1, Math.ceil(n / sampleSize));
  let m = 0;
  for (let i = 0; i < n; i += every) {
    const v = values[offset + stride * i];
    if (v - v === 0) sample[m++] = clamp(v);
  }
  const sorted = sample.subarray(0, m).sort();
  const quartile = (q: number): number => sorted[Math.min(m - 1, Math.floor(q * m))];
  const centre = oneSided ? min : quartile(0.5);
  let spread = Math.max(oneSided ? quartile(0.25) - min : quartile(0.75) - quartile(0.25), Math.abs(centre) * 2 ** -24, tinySpread);
  // No far outlier: then the spread is stretched to reach the ends, so that every value lies in the linear
  // part of the map. That is plain linear quantisation on the bounds (the most even resolution, half a code
  // of error), and the encoder's fast path.
  const reach = Math.max(max - centre, centre - min);
  if (reach > 0 && reach <= linearReach * spread) spread = reach;
  return { centre, spread, low: transform(min, centre, 1 / spread), high: transform(max, centre, 1 / spread) };
}

/** Writes the codes of values[offset + stride·i] into out[outOffset + outStride·i], i < n. */
export function encodeChannel(
  values: ArrayLike<number>,
  n: number,
  stride: number,
  offset: number,
  scale: ChannelScale,
  out: Uint16Array,
  outStride: number,
  outOffset: number,
): void {
  const { centre, low, high } = scale;
  const inverseSpread = 1 / scale.spread;
  const perBinade = high > low ? codeMax / (high - low) : 0;
  // transform() inlined: this loop runs over every coordinate and loss of every frame (3M values at 1M
  // particles). The common case first: a finite value within ±1 spread of the centre, where g is x itself.
  for (let i = 0; i < n; i++) {
    const v = values[offset + stride * i];
    const x = (v - centre) * inverseSpread;
    let code: number;
    if (x < 1 && x > -1)
      code = ((x - low) * perBinade + 0.5) | 0; // rounds: the argument is ≥ −0.5 but for rounding noise
    else if (v - v === 0) {
      const y = ((v > float32Max ? float32Max : v < -float32Max ? -float32Max : v) - centre) * inverseSpread;
      bits64[0] = y < 0 ? 1 - y : 1 + y;
      const magnitude = (words[hi] - oneHighWord) * 2 ** -20 + words[lo] * 2 ** -52;
      code = (((y < 0 ? -magnitude : magnitude) - low) * perBinade + 0.5) | 0;
    } else code = v === -Infinity ? 0 : codeMax; // NaN and +∞ at the top, −∞ at the bottom
    out[outOffset + outStride * i] = code < 0 ? 0 : code > codeMax ? codeMax : code;
  }
}

/** Writes the values of codes[offset + stride·i] into out[outOffset + outStride·i], i < n. */
export function decodeChannel(
  codes: Uint16Array,
  n: number,
  stride: number,
  offset: number,
  scale: ChannelScale,
  out: Float32Array | Float64Array,
  outStride: number,
  outOffset: number,
): void {
  const { centre, spread, low, high } = scale;
  const step = (high - low) / codeMax;
  for (let i = 0; i < n; i++) {
    const t = low + codes[offset + stride * i] * step;
    // inverse() with its common case first: within ±1 binade of the centre the map is linear.
    out[outOffset + outStride * i] = t < 1 && t > -1 ? centre + spread * t : inverse(t, centre, spread);
  }
}

/** The largest |decoded − v| for a finite v within the channel's range, before any float32 rounding. */
export function errorBound(scale: ChannelScale, v: number): number {
  const half = (scale.high - scale.low) / codeMax / 2;
  const distance = Math.abs(clamp(v) - scale.centre);
  // Both v and its decoded value within the first binade, where the map's slope is exactly s: because v is
  // near the centre, or because the whole channel is (decoded values never leave [g(min), g(max)]).
  if (Math.min(distance / scale.spread + half, Math.max(-scale.low, scale.high)) <= 1) return scale.spread * half;
  return ((scale.spread + distance) * half) / (1 - half);
}

/** The per-particle part of a frame as it travels. */
export interface EncodedParticles {
  positions: Uint16Array<ArrayBuffer>;
  losses: Uint16Array<ArrayBuffer>;
  scales: FrameScales;
}

/**
 * Encodes n particles: positions (x, y interleaved) and losses. The code arrays are new, since they are
 * transferred to the page, which then owns them; or `into`'s, when the host copies what it posts anyway.
 */
export function encodeParticles(positions: ArrayLike<number>, losses: ArrayLike<number>, n: number, into?: Omit<EncodedParticles, 'scales'>): EncodedParticles {
  const scales: FrameScales = { x: fitScale(positions, n, 2, 0, false), y: fitScale(positions, n, 2, 1, false), loss: fitScale(losses, n, 1, 0, true) };
  const positionCodes = into?.positions.length === 2 * n ? into.positions : new Uint16Array(2 * n);
  const lossCodes = into?.losses.length === n ? into.losses : new Uint16Array(n);
  encodeChannel(positions, n, 2, 0, scales.x, positionCodes, 2, 0);
  encodeChannel(positions, n, 2, 1, scales.y, positionCodes, 2, 1);
  encodeChannel(losses, n, 1, 0, scales.loss, lossCodes, 1, 0);
  return { positions: positionCodes, losses: lossCodes, scales };
}

/**
 * The page's decoder: turns each frame message into the frame the scene reads, float32 coordinates and
 * losses, written into the same arrays every time (they are replaced only when the particle count changes).
 * The frame it returns is therefore valid until the next decode: keep what you need, not the frame.
 */
export class FrameDecoder {
  private positions = new Float32Array(0);
  private losses = new Float32Array(0);

  decode(message: FrameMessage): FrameEvent {
    const n = message.statuses.length;
    if (this.losses.length !== n) {
      this.positions = new Float32Array(2 * n);
      this.losses = new Float32Array(n);
    }
    const { scales } = message;
    decodeChannel(message.positions, n, 2, 0, scales.x, this.positions, 2, 0);
    decodeChannel(message.positions, n, 2, 1, scales.y, this.positions, 2, 1);
    decodeChannel(message.losses, n, 1, 0, scales.loss, this.losses, 1, 0);
    // Every other field as it came (the message is the page's already): only the two arrays are swapped in.
    return { ...message, positions: this.positions, losses: this.losses };
  }
}

/** Decodes one frame into arrays of its own (tests and tools; the page reuses a FrameDecoder). */
export function decodeFrame(message: FrameMessage): FrameEvent {
  return new FrameDecoder().decode(message);
}
