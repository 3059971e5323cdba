/**
 * The stability map on a pool of in-process workers (./cells.testing.ts running ./sweep.ts's worker side):
 * the same map for any number of workers as the engine's one-thread `runSweep`, progress, and every
 * refusal as a failure naming the field.
 */
import { describe, expect, it } from 'vitest';
import { planSweep, runSweep, sweepResult, type SweepCell, type SweepPlan } from '../engine/experiments/sweep';
import type { CellPoolFailure } from '../engine/parallel/cell-pool';
import { findPreset } from '../shared/presets';
import { validateScenario } from '../shared/validate';
import { runInProcess } from './cells.testing';
import { prepareSweep } from './sweep';

const bowlCloud = findPreset('bowl-cloud')!.scenario;

function sweep(command: unknown, workers = 2, progress?: (done: number, total: number) => void) {
  return runInProcess<SweepPlan, SweepCell, ReturnType<typeof sweepResult>>(prepareSweep, command, workers, sweepResult, progress);
}

const failure = (command: unknown) => sweep(command).done.catch((e: unknown) => e as CellPoolFailure);

describe('the sweep on a pool of workers', () => {
  it('gives the map runSweep gives on one thread, for 1, 2 and 3 workers, with a second setting', async () => {
    // The bowl cloud on momentum, 200 particles: α against β.
    const momentum = { ...bowlCloud, init: { ...bowlCloud.init, count: 200 }, optimizer: { kind: 'momentum', alpha: 0.1, beta: 0.5 } };
    const vs = { field: 'optimizer.beta' as const, min: 0.1, max: 0.8, count: 3 };
    const command = { type: 'sweep', scenario: momentum, alpha: { min: 0.05, max: 2.5, count: 4 }, vs, epochs: 150 };
    const scenario = validateScenario(momentum);
    if (!scenario.ok) throw new Error(scenario.problems.join('; '));
    const planned = planSweep(scenario.scenario, { alpha: command.alpha, vs, epochs: 150 });
    if (!planned.ok) throw new Error(planned.problems.join('; '));
    const alone = await runSweep(scenario.scenario, planned.plan);
    for (const workers of [1, 2, 3]) expect(await sweep(command, workers).done).toEqual(alone);
    // Not a map of one kind of cell: momentum on the bowl (curvature 2) is stable only for α < 1 + β, so α = 2.5 diverges.
    const cells = alone.cells.flat();
    expect(cells.some((c) => c.converged === 1) && cells.some((c) => c.diverged === 1)).toBe(true);
  });

  it('reports progress, ending at the total, and sweeps a race’s own optimizer, leaving its groups out', async () => {
    const progress: number[][] = [];
    const map = await sweep({ type: 'sweep', scenario: bowlCloud, alpha: { min: 0.1, max: 0.9, count: 4 }, vs: null, epochs: 50 }, 2, (d, t) =>
      progress.push([d, t]),
    ).done;
    expect(progress.at(-1)).toEqual([4, 4]);
    expect(map.cells[0]).toHaveLength(4);
    const race = await sweep({ type: 'sweep', scenario: findPreset('race-valley')!.scenario, alpha: { min: 0.1, max: 0.4, count: 2 }, vs: null, epochs: 20 })
      .done;
    expect(race.cells[0]).toHaveLength(2);
  });

  it('refuses a malformed request, a bad scenario and a bad sweep with a message naming the field, stopping every worker', async () => {
    expect(await failure({ type: 'sweep', scenario: bowlCloud, alpha: { min: 0.1 }, vs: null })).toMatchObject({ message: 'the sweep request is malformed' });
    expect(await failure({ type: 'sweep', scenario: { ...bowlCloud, epochs: 0 }, alpha: { min: 0.1, max: 1, count: 2 }, vs: null })).toMatchObject({
      problems: ['epochs: must be an epoch count from 1 to 10000000'],
    });
    const job = sweep({ type: 'sweep', scenario: bowlCloud, alpha: { min: 0.1, max: 1, count: 2 }, vs: { field: 'init.std', min: 0.1, max: 1, count: 2 } });
    expect(await job.done.catch((e: unknown) => e)).toMatchObject({
      message: 'the sweep has problems',
      problems: ["vs.field: init.std needs a gaussian init; this scenario's init is uniform"],
    });
    expect(job.terminated).toBe(2);
  });
});
