/**
 * Tuning on a pool of in-process workers (./cells.testing.ts running ./tune.ts's worker side, a trial a
 * cell): the same result for any number of workers as the engine's one-thread `runTune` (the race at each
 * group's picked α, which the trainer then runs as any race), and every refusal naming the field.
 */
import { describe, expect, it } from 'vitest';
import { planTune, runTune, tuneResult, type TuneContext, type TuneResult, type TuneTrial } from '../engine/experiments/tune';
import type { CellPoolFailure } from '../engine/parallel/cell-pool';
import { findPreset } from '../shared/presets';
import { validateScenario } from '../shared/validate';
import { runInProcess } from './cells.testing';
import { harness } from './testing';
import { prepareTune } from './tune';

function tune(command: unknown, workers = 2, progress?: (done: number, total: number) => void) {
  return runInProcess<TuneContext, TuneTrial, TuneResult>(prepareTune, command, workers, ({ race, plan }, trials) => tuneResult(race, plan, trials), progress);
}

const failure = (command: unknown) => tune(command).done.catch((e: unknown) => e as CellPoolFailure);

const valleyRace = findPreset('race-valley')!.scenario;
// A small race: 20 particles, 3 values of α per group, 40 epochs (4 groups × 3 trials = 12 in all).
const small = { ...valleyRace, init: { ...valleyRace.init, count: 20 }, epochs: 40 };

describe('the tuning on a pool of workers', () => {
  it('gives what runTune gives on one thread, for 1, 2 and 3 workers', async () => {
    const race = validateScenario(small);
    if (!race.ok) throw new Error(race.problems.join('; '));
    const planned = planTune(race.scenario, { criterion: 'final-loss', decades: 1, count: 3 });
    if (!planned.ok) throw new Error(planned.problems.join('; '));
    const alone = await runTune(race.scenario, planned.plan);
    for (const workers of [1, 2, 3])
      expect(await tune({ type: 'tune', scenario: small, criterion: 'final-loss', decades: 1, count: 3 }, workers).done).toEqual(alone);
  });

  it('reports progress, ending at the total, then each group’s pick and the race at those α, which the trainer runs', async () => {
    const progress: number[][] = [];
    const result = await tune({ type: 'tune', scenario: small, criterion: 'final-loss', decades: 1, count: 3 }, 3, (d, t) => progress.push([d, t])).done;
    expect(progress.at(-1)).toEqual([12, 12]);
    expect(result.groups.map((g) => g.name)).toEqual(['GD', 'Momentum', 'Nesterov', 'Adam']);
    expect(result.groups.map((g) => g.given)).toEqual([0.45, 0.5, 0.35, 0.1]);
    result.groups.forEach((g) => expect(g.trials.map((t) => t.alpha)).toContain(g.alpha));
    expect(result.scenario.groups!.map((g) => g.optimizer.alpha)).toEqual(result.groups.map((g) => g.alpha));
    // The tuned race is a valid scenario, and the trainer loads and races it like any other.
    expect(validateScenario(result.scenario).ok).toBe(true);
    const h = harness();
    await h.send({ type: 'load', scenario: result.scenario });
    expect(h.last('loaded')!.groups!.names).toEqual(['GD', 'Momentum', 'Nesterov', 'Adam']);
  });

  it('refuses a malformed request, a bad scenario and a bad tuning with a message naming the field', async () => {
    expect(await failure({ type: 'tune', scenario: small, criterion: 'fastest', decades: 1, count: 3 })).toMatchObject({
      message: 'the tuning request is malformed',
    });
    expect(await failure({ type: 'tune', scenario: { ...small, epochs: 0 }, criterion: 'final-loss', decades: 1, count: 3 })).toMatchObject({
      problems: ['epochs: must be an epoch count from 1 to 10000000'],
    });
    expect(await failure({ type: 'tune', scenario: { ...small, tolerance: null }, criterion: 'median-steps', decades: 1, count: 3 })).toMatchObject({
      message: 'the tuning has problems',
      problems: ['criterion: median-steps counts the steps to reach the tolerance, and this race has none (set a tolerance, or pick by final-loss)'],
    });
  });
});
