/**
 * A run split into blocks (./block-run.ts) against the same run on one thread: every per-particle array,
 * the final losses, counts, step, epoch and trace are the same bits for 1, 2 and 3 blocks. The blocks are
 * stepped one after another here (a worker thread runs the same calls: src/cli/threads/); the expected values
 * are the single-threaded run's own, which the rest of the engine's tests hold to the references.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../shared/scenario';
import { createDescent } from '../build';
import { finishRun, prepareRun, runBlock } from './block-run';
import { splitBlocks, threadCount } from './split';
import { base64Of, presetEdited } from '../testing';

/** Everything a run's output is made of, as bytes and plain values. */
function fingerprint(d: Awaited<ReturnType<typeof createDescent>>, finalLoss: Float64Array) {
  return {
    params: base64Of(d.params),
    loss: base64Of(d.loss),
    status: base64Of(d.status),
    reason: base64Of(d.reason),
    stoppedAt: base64Of(d.stoppedAt),
    finalLoss: base64Of(finalLoss),
    summary: d.summary(finalLoss),
    step: d.step,
    epoch: d.epoch,
    trace: JSON.stringify(d.trace),
  };
}

async function single(s: Scenario, epochs: number, trace: number | null) {
  const d = await createDescent(s);
  if (trace !== null) d.traceParticle(trace);
  d.run(epochs);
  return fingerprint(d, d.fullLoss());
}

async function split(s: Scenario, epochs: number, trace: number | null, threads: number) {
  const run = await prepareRun(s);
  const ends = [];
  for (const block of splitBlocks(run.descent.n, threads)) ends.push(await runBlock({ scenario: s, buffers: run.buffers, block, epochs, trace }));
  return fingerprint(run.descent, finishRun(run, ends));
}

describe('a run split into blocks', () => {
  it.each<[string, Scenario, number, number | null]>([
    // Adam on Rosenbrock, 1,000 particles: the fused surface loops, some converge before the end.
    ['rosenbrock (adam, fused)', presetEdited('rosenbrock'), 150, 7],
    // Himmelblau with patience and a clip: the separate passes and the patience arrays, shared too.
    [
      'himmelblau (clip, patience)',
      presetEdited('himmelblau', (s) => ((s.clip = { mode: 'norm', limit: 1 }), (s.stop = { patience: 5, minDelta: 1e-3 }))),
      200,
      null,
    ],
    // A linear model, 37 particles, mini-batches of 10 shuffled each epoch from the seed.
    [
      'noisy line (linear, mini-batches)',
      presetEdited('noisy-line-minibatch', (s) => (s.init = { dist: 'gaussian', mean: [4, 4], std: 2, count: 37 })),
      40,
      30,
    ],
    // An MLP cloud of 25 particles (14 parameters each), momentum, some diverging at a large rate.
    [
      'two-layer net (mlp cloud)',
      presetEdited(
        'two-layer-net',
        (s) => ((s.init = { dist: 'gaussian', mean: Array(14).fill(0), std: 3, count: 25 }), (s.optimizer = { kind: 'momentum', alpha: 3, beta: 0.9 })),
      ),
      60,
      null,
    ],
  ])('%s: the same bits for 1, 2 and 3 blocks', async (_, s, epochs, trace) => {
    const expected = await single(s, epochs, trace);
    for (const threads of [1, 2, 3]) expect(await split(s, epochs, trace, threads)).toEqual(expected);
  });

  it('a run ends where its longest block ended: the blocks that stopped early do not cut it short', async () => {
    // Two particles: one at the bowl's minimum converges at step 1, the other takes many steps.
    const s = presetEdited(
      'bowl',
      (x) => (
        (x.init = {
          points: [
            [0, 0],
            [3, -2],
          ],
        }),
        (x.tolerance = 1e-9),
        (x.epochs = 500)
      ),
    );
    const expected = await single(s, 500, null);
    expect(expected.step).toBeGreaterThan(1);
    expect(await split(s, 500, null, 2)).toEqual(expected);
  });
});

describe('splitBlocks', () => {
  it('cuts n particles into contiguous blocks in order, the first ones a particle larger', () => {
    expect(splitBlocks(10, 3)).toEqual([
      { from: 0, to: 4 },
      { from: 4, to: 7 },
      { from: 7, to: 10 },
    ]);
  });
  it('never makes more blocks than particles, nor fewer than one', () => {
    expect(splitBlocks(2, 8)).toEqual([
      { from: 0, to: 1 },
      { from: 1, to: 2 },
    ]);
    expect(splitBlocks(5, 1)).toEqual([{ from: 0, to: 5 }]);
  });
});

describe('threadCount', () => {
  it('takes --threads as given, up to one thread a particle', () => {
    expect(threadCount(1000, 3, 2)).toBe(3);
    expect(threadCount(2, 8, 2)).toBe(2);
  });
  it('by default: every core, but no thread for fewer than 1,024 particles', () => {
    expect(threadCount(1_000_000, undefined, 16)).toBe(16);
    expect(threadCount(3000, undefined, 16)).toBe(2); // ⌊3000 / 1024⌋
    expect(threadCount(1000, undefined, 16)).toBe(1);
  });
});
