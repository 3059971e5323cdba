/**
 * Basins of attraction on a pool of in-process workers (./cells.testing.ts running ./basins.ts's worker
 * side, a row of starts a cell): the same labels for any number of workers as the engine's one descent of
 * every start (`computeBasins`), and refusals as failures.
 */
import { describe, expect, it } from 'vitest';
import { computeBasins, joinBasinsEnds, labelBasins, type BasinsContext, type BasinsEnds } from '../engine/experiments/basins';
import type { CellPoolFailure } from '../engine/parallel/cell-pool';
import type { BasinsResult } from '../shared/basins-messages';
import { findPreset } from '../shared/presets';
import type { Scenario } from '../shared/scenario';
import { validateScenario } from '../shared/validate';
import { prepareBasins } from './basins';
import { runInProcess } from './cells.testing';

function basins(command: unknown, workers = 2, progress?: (done: number, total: number) => void) {
  return runInProcess<BasinsContext, BasinsEnds, BasinsResult>(prepareBasins, command, workers, (c, rows) => labelBasins(c, joinBasinsEnds(rows)), progress);
}

function valid(input: unknown): Scenario {
  const checked = validateScenario(input);
  if (!checked.ok) throw new Error(checked.problems.join('; '));
  return checked.scenario;
}

describe('basins on a pool of workers', () => {
  it('labels every start as one descent of them all does, for 1, 2 and 3 workers (known minima, and clustered ones)', async () => {
    const himmelblau = findPreset('himmelblau')!.scenario;
    // A typed formula: its minima are clustered from the end points in start order, so the order of the rows matters.
    const formula = valid({
      version: 1,
      model: { kind: 'surface', expr: '(x^2 - 1)^2 + y^2' },
      init: { dist: 'uniform', min: [-2, -2], max: [2, 2], count: 10 },
      optimizer: { kind: 'gd', alpha: 0.05 },
      epochs: 300,
      seed: 1,
    });
    for (const scenario of [himmelblau, formula]) {
      const alone = await computeBasins(valid(scenario), { resolution: 9 });
      expect(alone!.minima.length).toBeGreaterThan(1);
      for (const workers of [1, 2, 3]) expect(await basins({ type: 'basins', scenario, resolution: 9 }, workers).done).toEqual(alone);
    }
  });

  it('reports progress a row at a time, ending at the rows in all', async () => {
    const progress: number[][] = [];
    const result = await basins({ type: 'basins', scenario: findPreset('himmelblau')!.scenario, resolution: 12 }, 2, (d, t) => progress.push([d, t])).done;
    expect(progress).toEqual(Array.from({ length: 12 }, (_, r) => [r + 1, 12]));
    expect(result.labels).toHaveLength(144);
  });

  it('refuses a malformed request, an invalid scenario and a model that is not a surface, with a message', async () => {
    const failure = (command: unknown) => basins(command).done.catch((e: unknown) => e as CellPoolFailure);
    expect(await failure({ type: 'basins', scenario: {}, resolution: 1 })).toMatchObject({ message: 'the basins request is malformed' });
    expect(await failure({ type: 'basins', scenario: { version: 1 }, resolution: 10 })).toMatchObject({ message: 'the scenario has problems' });
    const neuron = await failure({ type: 'basins', scenario: findPreset('neuron-three-inputs')!.scenario, resolution: 10 });
    expect(neuron).toMatchObject({ message: 'the basins cannot be computed', problems: [expect.stringMatching(/must be a surface/)] });
  });
});
