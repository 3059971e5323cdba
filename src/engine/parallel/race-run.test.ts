/**
 * A race run group by group, each group split into blocks (./race-run.ts, ./block-run.ts), against the same
 * race stepped in lockstep on one thread (createRace, race.run): the gathered arrays, final losses, summary,
 * per-group results, step, epoch and trace are the same bits for 1, 2 and 3 blocks. The blocks are stepped
 * one after another here (a worker thread runs the same calls: src/cli/threads/); the expected values are the
 * one-thread race's own, which race.test.ts and the engine's tests hold to the references.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../shared/scenario';
import { createRace, type RaceDescent } from '../experiments/race';
import { finishRun, prepareRun, runBlock } from './block-run';
import { runRaceGroups } from './race-run';
import { splitBlocks } from './split';
import { base64Of, presetEdited } from '../testing';

/** Everything a race's output is made of, as bytes and plain values. */
function fingerprint(race: RaceDescent, finalLoss: Float64Array) {
  return {
    params: base64Of(race.params),
    loss: base64Of(race.loss),
    status: base64Of(race.status),
    reason: base64Of(race.reason),
    stoppedAt: base64Of(race.stoppedAt),
    finalLoss: base64Of(finalLoss),
    summary: race.summary(finalLoss),
    groups: race.groupSummaries(finalLoss),
    step: race.step,
    epoch: race.epoch,
    trace: JSON.stringify(race.trace),
  };
}

async function lockstep(s: Scenario, epochs: number, trace: number | null) {
  const race = await createRace(s);
  if (trace !== null) race.traceParticle(trace);
  race.run(epochs);
  return fingerprint(race, race.fullLoss());
}

async function split(s: Scenario, epochs: number, trace: number | null, threads: number) {
  const { descent, losses } = await runRaceGroups(s, trace, async (group, traced) => {
    const run = await prepareRun(group);
    const ends = [];
    for (const block of splitBlocks(run.descent.n, threads)) ends.push(await runBlock({ scenario: group, buffers: run.buffers, block, epochs, trace: traced }));
    return { descent: run.descent, losses: finishRun(run, ends) };
  });
  return fingerprint(descent, losses);
}

describe('a race run group by group, each split into blocks', () => {
  it.each<[string, Scenario, number, number | null]>([
    // Five optimizers on Beale, 200 particles each: a particle of the third group traced.
    ['race-beale (five groups)', presetEdited('race-beale'), 120, 450],
    // Mini-batches of 10 drawn from the seed, three optimizers, 37 particles each; momentum at α = 0.5 diverges.
    [
      'noisy line (mini-batches, a group diverging)',
      presetEdited('noisy-line-minibatch', (s) => {
        s.init = { dist: 'gaussian', mean: [4, 4], std: 2, count: 37 };
        s.groups = [
          { optimizer: { kind: 'gd', alpha: 0.05 } },
          { optimizer: { kind: 'momentum', alpha: 0.5, beta: 0.9 } },
          { optimizer: { kind: 'adam', alpha: 0.1 } },
        ];
      }),
      15,
      40,
    ],
  ])('%s: the same bits as the lockstep race for 1, 2 and 3 blocks', async (_, s, epochs, trace) => {
    const expected = await lockstep(s, epochs, trace);
    for (const threads of [1, 2, 3]) expect(await split(s, epochs, trace, threads)).toEqual(expected);
  });

  it('a race ends at its last group’s step: a group that stopped early does not cut it short', async () => {
    // The bowl from two points: at α = 0.5 plain descent lands on the minimum in one step and stops; at
    // α = 0.01 it creeps on. The race steps as long as the slow group runs.
    const s = presetEdited('bowl', (x) => {
      x.init = {
        points: [
          [0.5, 0],
          [3, -2],
        ],
      };
      x.tolerance = 1e-9;
      x.groups = [{ optimizer: { kind: 'gd', alpha: 0.5 } }, { optimizer: { kind: 'gd', alpha: 0.01 } }];
    });
    const expected = await lockstep(s, 300, null);
    expect(expected.groups[0].running).toBe(0);
    expect(expected.groups[1].running).toBeGreaterThan(0);
    expect(await split(s, 300, 3, 2)).toEqual({ ...(await lockstep(s, 300, 3)) });
    expect(await split(s, 300, null, 2)).toEqual(expected);
  });
});
