/** The frame codec: 7 bytes a particle, round trips within the closed-form bound, outliers, edge cases. */
import { describe, expect, it } from 'vitest';
import { noReasons } from './stopping';
import { Random } from '../engine/random';
import { bytesPerParticle, codeMax, decodeChannel, decodeFrame, encodeChannel, encodeParticles, errorBound, fitScale, FrameDecoder } from './frame-codec';
import { eventSchema, messageProblems, type FrameMessage } from './messages';

const float32Max = 3.4028234663852886e38;
const summary = { count: 0, converged: 0, diverged: 0, running: 0, bestLoss: null, meanLoss: null, reasons: noReasons() };

/** A whole frame message around encoded particles, as the trainer sends it. */
function message(positions: ArrayLike<number>, losses: ArrayLike<number>): FrameMessage {
  const n = losses.length;
  return {
    type: 'frame',
    epoch: 0,
    step: 0,
    status: 'paused',
    ...encodeParticles(positions, losses, n),
    statuses: new Uint8Array(n).fill(1),
    summary,
    best: null,
    selected: null,
  };
}

/** Round trip of one channel in float64 (no float32 rounding), with each value's error and its bound. */
function roundTrip(values: number[], oneSided: boolean) {
  const n = values.length;
  const scale = fitScale(values, n, 1, 0, oneSided);
  const codes = new Uint16Array(n);
  encodeChannel(values, n, 1, 0, scale, codes, 1, 0);
  const decoded = new Float64Array(n);
  decodeChannel(codes, n, 1, 0, scale, decoded, 1, 0);
  // 1e-12 relative: float64 arithmetic in the transform and its inverse, far below one code.
  const slack = (v: number) => 1e-12 * (Math.abs(v) + scale.spread);
  // Against the value as clamped to float32's range (the codec's documented first step).
  const clamped = (v: number) => Math.max(-float32Max, Math.min(float32Max, v));
  const worst = Math.max(0, ...values.map((v, i) => Math.abs(decoded[i] - clamped(v)) - errorBound(scale, v) - slack(v)));
  return { scale, codes, decoded, worst };
}

const uniformCloud = (n: number, lo: number, hi: number, seed = 1) => {
  const random = new Random(seed);
  return Array.from({ length: n }, () => lo + (hi - lo) * random.uniform());
};

describe('frame codec: size', () => {
  it('costs 7 bytes a particle on the wire (two coordinate codes, a loss code, a status), under the 8 allowed', () => {
    const n = 1000;
    const frame = message(uniformCloud(2 * n, -3, 3), uniformCloud(n, 0, 5));
    const bytes = frame.positions.byteLength + frame.losses.byteLength + frame.statuses.byteLength;
    expect(bytes / n).toBe(7);
    expect(bytesPerParticle).toBe(7);
  });
});

describe('frame codec: round trips', () => {
  it('a cloud without far outliers is quantised linearly on its bounds: within range/131070, half a code', () => {
    for (const oneSided of [false, true]) {
      const values = uniformCloud(20_000, -2, 6);
      const { scale, worst, decoded } = roundTrip(values, oneSided);
      expect(worst).toBe(0);
      const range = Math.max(...values) - Math.min(...values);
      // Half of one of 65535 equal steps over the range (closed form), and float64 rounding (1e-12).
      const halfCode = range / (2 * codeMax) + 1e-12;
      expect(Math.max(...values.map((v, i) => Math.abs(decoded[i] - v)))).toBeLessThanOrEqual(halfCode);
      expect(Math.max(...values.map((v) => errorBound(scale, v)))).toBeLessThanOrEqual(halfCode);
    }
  });

  it('a Gaussian cloud and a skewed loss (exponential) come back within the bound', () => {
    const random = new Random(7);
    const gaussian = Array.from({ length: 20_000 }, () => 1.5 + 0.3 * random.normal());
    const losses = Array.from({ length: 20_000 }, () => -Math.log(1 - random.uniform()) * 4 + 0.25);
    expect(roundTrip(gaussian, false).worst).toBe(0);
    expect(roundTrip(losses, true).worst).toBe(0);
  });

  it('codes are monotone in the value: a sorted cloud gives sorted codes', () => {
    const values = uniformCloud(5000, -10, 10).sort((a, b) => a - b);
    const { codes } = roundTrip(values, false);
    for (let i = 1; i < codes.length; i++) expect(codes[i]).toBeGreaterThanOrEqual(codes[i - 1]);
    expect([codes[0], codes.at(-1)]).toEqual([0, codeMax]);
  });

  it('a far outlier does not flatten the rest: one coordinate at 1e30 leaves the cloud in [−1, 1] within 0.1 % of its range', () => {
    // Linear codes on [−1, 1e30] would put the whole cloud in code 0. Here (errorBound): spread s ≈ 1 (the
    // interquartile range), g spans log2(1e30) + 1 ≈ 101 binades, so |error| ≤ (1 + 1)·(101/65535)/2 ≈ 1.5e-3.
    const values = [...uniformCloud(10_000, -1, 1), 1e30];
    const { decoded, worst } = roundTrip(values, false);
    expect(worst).toBe(0);
    for (let i = 0; i < 10_000; i++) expect(Math.abs(decoded[i] - values[i])).toBeLessThan(2e-3);
    expect(Math.abs(decoded[10_000] / 1e30 - 1)).toBeLessThan(2e-3);
  });

  it('a far outlier loss does not flatten the rest: losses in [0, 1] with one at 1e30 keep their order and 0.1 %', () => {
    const values = [...uniformCloud(10_000, 0, 1), 1e30];
    const { decoded, worst } = roundTrip(values, true);
    expect(worst).toBe(0);
    // One-sided from the minimum, s = the lower quartile ≈ 0.25: |error| ≤ (0.25 + 1)·(100/65535)/2 ≈ 1e-3.
    for (let i = 0; i < 10_000; i++) expect(Math.abs(decoded[i] - values[i])).toBeLessThan(1.5e-3);
  });

  it('the lowest loss comes back exactly (it is the centre of the one-sided map)', () => {
    const values = uniformCloud(1000, 3, 9);
    const { decoded } = roundTrip(values, true);
    const lowest = values.indexOf(Math.min(...values));
    expect(decoded[lowest]).toBe(values[lowest]);
  });
});

describe('frame codec: edge cases', () => {
  it('NaN and ±Infinity do not widen the range: +∞ and NaN decode as the largest value, −∞ as the smallest', () => {
    const values = [0.5, NaN, Infinity, -Infinity, 0, 1];
    const { decoded, codes } = roundTrip(values, false);
    expect([codes[1], codes[2], codes[3]]).toEqual([codeMax, codeMax, 0]);
    expect([decoded[1], decoded[2], decoded[3], decoded[4], decoded[5]]).toEqual([1, 1, 0, 0, 1]);
    expect(Math.abs(decoded[0] - 0.5)).toBeLessThanOrEqual(1 / codeMax);
  });

  it('huge finite values are clamped to float32’s range and everything decodes finite', () => {
    const values = [1e300, -1e300, 3, 1e38];
    const { decoded, worst } = roundTrip(values, false);
    expect(worst).toBe(0);
    expect([...decoded].every(Number.isFinite)).toBe(true);
    expect(Math.abs(decoded[0] / float32Max - 1)).toBeLessThan(1e-2);
    expect(Math.abs(decoded[1] / -float32Max - 1)).toBeLessThan(1e-2);
  });

  it('no finite value at all: every code decodes to 0, still finite', () => {
    const { decoded, scale } = roundTrip([NaN, Infinity, -Infinity], true);
    expect([...decoded]).toEqual([0, 0, 0]);
    expect(messageProblems(eventSchema, { ...message([], []), scales: { x: scale, y: scale, loss: scale } })).toBeNull();
  });

  it('an empty cloud encodes to empty arrays and a valid message', () => {
    const frame = message([], []);
    expect([frame.positions.length, frame.losses.length]).toEqual([0, 0]);
    expect(messageProblems(eventSchema, frame)).toBeNull();
    expect(decodeFrame(frame).positions.length).toBe(0);
  });

  it('a single particle and a cloud of equal particles come back exactly', () => {
    const single = decodeFrame(message([0.8, -2.5], [0.1]));
    expect([...single.positions, ...single.losses]).toEqual([Math.fround(0.8), -2.5, Math.fround(0.1)]);
    const equal = decodeFrame(
      message(
        Array.from({ length: 200 }, (_, k) => (k % 2 ? 7.25 : -1e-3)),
        new Array(100).fill(42.125),
      ),
    );
    for (let i = 0; i < 100; i++) expect([equal.positions[2 * i], equal.positions[2 * i + 1], equal.losses[i]]).toEqual([Math.fround(-1e-3), 7.25, 42.125]);
  });
});

describe('frame codec: the message and the page’s decoder', () => {
  it('an encoded frame passes the contract; codes that do not match the statuses are refused', () => {
    const frame = message([0, 1, 2, 3], [1, 2]);
    expect(messageProblems(eventSchema, frame)).toBeNull();
    expect(messageProblems(eventSchema, { ...frame, losses: new Uint16Array(3) })).toEqual([
      'message: positions (two per particle), losses and statuses must describe the same particles',
    ]);
    expect(messageProblems(eventSchema, { ...frame, positions: new Float32Array(4) })).not.toBeNull();
    expect(messageProblems(eventSchema, { ...frame, scales: { ...frame.scales, x: { ...frame.scales.x, spread: 0 } } })).not.toBeNull();
  });

  it('decodes into the same arrays while the count stays, and into new ones when it changes', () => {
    const decoder = new FrameDecoder();
    const first = decoder.decode(message([0, 0, 1, 1], [1, 2]));
    const { positions, losses } = first;
    const second = decoder.decode(message([2, 2, 3, 3], [3, 4]));
    expect(second.positions).toBe(positions);
    expect(second.losses).toBe(losses);
    expect([...second.positions]).toEqual([2, 2, 3, 3]);
    expect(decoder.decode(message([5, 5], [1])).positions).not.toBe(positions);
  });
});
