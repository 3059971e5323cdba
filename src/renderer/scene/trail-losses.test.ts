import { describe, expect, test } from 'vitest';
import { decodeChannel, encodeParticles, errorBound } from '../../shared/frame-codec';
import { TrailLosses } from './trail-losses';

// Status bytes (messages.ts): 1 running, 3 diverged.
const running = 1;
const diverged = 3;

describe('TrailLosses', () => {
  test('keeps the last `length` frames, oldest first, once the ring has wrapped', () => {
    const losses = new TrailLosses(1, 4);
    // Frame k gives particle 0 the loss 10k; six frames into a ring of four keep steps 2 to 5.
    for (let k = 0; k < 6; k++) losses.record(k, Int32Array.of(0), Float32Array.of(10 * k), Uint8Array.of(running));
    expect(losses.curve(0)).toEqual({ steps: [2, 3, 4, 5], losses: [20, 30, 40, 50] });
  });

  test('each slot reads its own particle; a frame of the same step replaces the latest', () => {
    const losses = new TrailLosses(2, 4);
    losses.record(0, Int32Array.of(1, 0), Float32Array.of(5, 7), Uint8Array.of(running, running));
    losses.record(0, Int32Array.of(1, 0), Float32Array.of(4, 6), Uint8Array.of(running, running));
    expect(losses.curve(0)).toEqual({ steps: [0], losses: [6] });
    expect(losses.curve(1)).toEqual({ steps: [0], losses: [4] });
  });

  test('a diverged particle, or a loss that is not finite, is a gap (null); no slot or a particle out of range too', () => {
    const losses = new TrailLosses(3, 8);
    losses.record(0, Int32Array.of(0, 1, 5), Float32Array.of(1, 2), Uint8Array.of(running, running));
    losses.record(1, Int32Array.of(0, 1, 5), Float32Array.of(NaN, 3), Uint8Array.of(running, diverged));
    losses.record(2, Int32Array.of(0, 1, 5), Float32Array.of(Infinity, 3), Uint8Array.of(running, diverged));
    losses.record(3, Int32Array.of(0, 1, 5), Float32Array.of(0.5, 3), Uint8Array.of(running, diverged));
    expect(losses.curve(0)).toEqual({ steps: [0, 1, 2, 3], losses: [1, null, null, 0.5] });
    // Once diverged the frame carries the last finite loss (messages.ts): the status makes it a gap.
    expect(losses.curve(1)).toEqual({ steps: [0, 1, 2, 3], losses: [2, null, null, null] });
    expect(losses.curve(2).losses).toEqual([null, null, null, null]);
  });

  test('takes the losses the page decodes from a frame’s codes, to within the codec’s error bound', () => {
    // A far outlier (1e30) and a non-finite loss in the same frame: the codec keeps the others' resolution.
    const values = [0.25, 3, 1e30, NaN];
    const encoded = encodeParticles(new Float32Array(8), values, 4);
    const decoded = new Float32Array(4);
    decodeChannel(encoded.losses, 4, 1, 0, encoded.scales.loss, decoded, 1, 0);
    const losses = new TrailLosses(4, 2);
    losses.record(7, Int32Array.of(0, 1, 2, 3), decoded, Uint8Array.of(running, running, running, diverged));
    for (const s of [0, 1]) {
      const [loss] = losses.curve(s).losses;
      // The codec's bound, plus float32's rounding of the decoded value (2^-24 relative).
      expect(Math.abs(loss! - values[s])).toBeLessThanOrEqual(errorBound(encoded.scales.loss, values[s]) + values[s] * 2 ** -23);
    }
    expect(losses.curve(3).losses).toEqual([null]);
  });

  test('after a seek back, each step appears once, from its latest frame, in the order of the steps', () => {
    const losses = new TrailLosses(1, 8);
    for (const [step, loss] of [
      [0, 9],
      [1, 8],
      [2, 7],
      [3, 6],
      [1, 5],
      [2, 4],
    ])
      losses.record(step, Int32Array.of(0), Float32Array.of(loss), Uint8Array.of(running));
    expect(losses.curve(0)).toEqual({ steps: [0, 1, 2, 3], losses: [9, 5, 4, 6] });
  });

  test('a slot restarted for another particle forgets its past; a copy takes another slot’s', () => {
    const losses = new TrailLosses(2, 4);
    const targets = Int32Array.of(0, -1);
    const frame = (step: number) => losses.record(step, targets, Float32Array.of(step + 1, 10 * (step + 1)), Uint8Array.of(running, running));
    frame(0);
    frame(1);
    losses.copy(0, 1);
    expect(losses.curve(1)).toEqual({ steps: [0, 1], losses: [1, 2] });
    targets[1] = 1;
    losses.restart(1);
    frame(2);
    expect(losses.curve(1)).toEqual({ steps: [2], losses: [30] });
    losses.reset();
    expect(losses.curve(0)).toEqual({ steps: [], losses: [] });
  });
});
