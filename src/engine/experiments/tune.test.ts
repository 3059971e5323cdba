/**
 * Tuning each race group's α. Expected numbers: gradient descent on the bowl (x−1)² + (y−2)² scales the
 * distance to the minimum by r = |1 − 2α| each step, so from (4, 6) (distance (3, 4), loss 25) the loss
 * before step t is 25·r^(2(t−1)); the tolerance stops a particle at the first step t ≥ 2 with
 * 25·r^(2(t−2))·|1 − r²| < tolerance (src/engine/stopping.ts compares the step's loss with the last one).
 * Momentum's iteration on a curvature h has the characteristic polynomial z² − (1 + β − αh)z + β: its roots
 * are complex, of modulus √β (the best rate at that β), exactly when (1 − √β)² ≤ αh ≤ (1 + √β)².
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPreset } from '../../shared/presets';
import type { Scenario } from '../../shared/scenario';
import { withCsvData } from '../../shared/csv';
import { validateScenario } from '../../shared/validate';
import { datasetOf } from '../build';
import { stableRate } from '../stable-rate';
import { createRace } from './race';
import { pick, planTune, runTune, tuneGrid, type TuneOptions } from './tune';

function scenarioOf(input: unknown): Scenario {
  const v = validateScenario(input);
  if (!v.ok) throw new Error(v.problems.join('\n'));
  return v.scenario;
}

const bowlRace = (tolerance: number | null, epochs = 60) =>
  scenarioOf({
    version: 1,
    name: 'bowl race',
    model: { kind: 'surface', fn: 'bowl' },
    init: { points: [[4, 6]] },
    optimizer: { kind: 'gd', alpha: 0.05 },
    tolerance,
    epochs,
    groups: [
      { name: 'GD', optimizer: { kind: 'gd', alpha: 0.05 } },
      { name: 'Momentum', optimizer: { kind: 'momentum', alpha: 0.05, beta: 0.5 } },
    ],
  });

async function tune(race: Scenario, options: TuneOptions) {
  const planned = planTune(race, options);
  if (!planned.ok) throw new Error(planned.problems.join('\n'));
  return runTune(race, planned.plan);
}

/** The closed-form step at which gradient descent on the bowl from (4, 6) meets the tolerance, or null. */
function bowlSteps(alpha: number, tolerance: number, budget: number): number | null {
  const r = Math.abs(1 - 2 * alpha);
  for (let t = 2; t <= budget; t++) if (25 * r ** (2 * (t - 2)) * Math.abs(1 - r * r) < tolerance) return t;
  return null;
}

describe('the grid', () => {
  it('spaces α logarithmically over the decades each side, the group’s own α in the middle', () => {
    const grid = tuneGrid(0.05, 2, 9);
    expect(grid[0]).toBeCloseTo(0.0005, 15);
    expect(grid[4]).toBe(0.05);
    // 10^(2·(2·6/8 − 1)) = 10 exactly, and 0.05·10 rounds to 0.5: the bowl's one-step α is on the grid.
    expect(grid[6]).toBe(0.5);
    expect(grid[8]).toBeCloseTo(5, 12);
    // Equal ratios: four decades over 8 intervals, √10 each.
    for (let k = 1; k < 9; k++) expect(grid[k] / grid[k - 1]).toBeCloseTo(Math.sqrt(10), 12);
  });

  it('names the option or field that is wrong', () => {
    const problems = (race: Scenario, options: TuneOptions) => {
      const planned = planTune(race, options);
      return planned.ok ? [] : planned.problems;
    };
    expect(problems(bowlRace(null), { criterion: 'median-steps', decades: 2, count: 9 })).toEqual([
      'criterion: median-steps counts the steps to reach the tolerance, and this race has none (set a tolerance, or pick by final-loss)',
    ]);
    expect(problems(bowlRace(1e-9), { criterion: 'final-loss', decades: 0, count: 1 })).toEqual([
      'decades: must be a number > 0 and at most 6, not 0',
      'count: must be an integer from 2 to 50, not 1',
    ]);
    const { groups: _none, ...plain } = bowlRace(1e-9);
    expect(problems(plain, { criterion: 'final-loss', decades: 2, count: 9 })).toEqual(['groups: tuning needs a race (a scenario with at least 2 groups)']);
    expect(problems(bowlRace(1e-9), { criterion: 'final-loss', decades: 2, count: 9, epochs: 0 })[0]).toMatch(/^epochs: must be an integer from 1/);
  });
});

describe('median steps to the tolerance', () => {
  it('finds gradient descent’s one-step α on the bowl, each trial at its closed-form step', async () => {
    const tolerance = 1e-9;
    const result = await tune(bowlRace(tolerance), { criterion: 'median-steps', decades: 2, count: 9 });
    const gd = result.groups[0];
    for (const trial of gd.trials) expect(trial.medianSteps).toBe(bowlSteps(trial.alpha, tolerance, 60));
    // α = 0.5 puts the particle on the minimum in one step: the loss is 0 from step 2 on, and step 3 sees two equal losses.
    expect(gd.alpha).toBe(0.5);
    expect(gd.trials[6].medianSteps).toBe(3);
    expect(gd).toMatchObject({ name: 'GD', given: 0.05, pickedBy: 'median-steps' });
    // r = |1 − 2α| > 1 for α = 0.5·√10 and 5, but only r = 9 takes the loss 25·r^(2(t−1)) past the divergence
    // limit 1e100 (src/shared/stopping.ts) within 60 steps: 25·9^(2·53) > 1e100, while 25·2.17^118 < 1e42.
    expect(gd.trials.map((t) => t.diverged)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(result.scenario.groups!.map((g) => g.optimizer.alpha)).toEqual([0.5, result.groups[1].alpha]);
    expect(result.notes).toEqual([]);
  });

  it('picks a momentum α inside the band where the rate is √β', async () => {
    const result = await tune(bowlRace(1e-9), { criterion: 'median-steps', decades: 2, count: 9 });
    const momentum = result.groups[1];
    const h = 2;
    const beta = 0.5;
    expect(momentum.alpha * h).toBeGreaterThanOrEqual((1 - Math.sqrt(beta)) ** 2);
    expect(momentum.alpha * h).toBeLessThanOrEqual((1 + Math.sqrt(beta)) ** 2);
    expect(momentum.pickedBy).toBe('median-steps');
  });

  it('falls back to the lowest final loss, and says so, where no α reaches the tolerance', async () => {
    // One epoch: the tolerance compares two losses, so no particle can stop before step 2.
    const result = await tune(bowlRace(1e-9, 1), { criterion: 'median-steps', decades: 2, count: 9 });
    expect(result.groups.map((g) => g.pickedBy)).toEqual(['final-loss', 'final-loss']);
    expect(result.groups[0].alpha).toBe(0.5);
    expect(result.notes[0]).toBe('GD: no α tried got half the group to the tolerance within 1 epochs; picked by the lowest final mean loss instead');
  });
});

describe('lowest final mean loss', () => {
  it('matches the closed form 25·r^(2E) after E steps and picks α = 0.5', async () => {
    const E = 20;
    const result = await tune(bowlRace(null, E), { criterion: 'final-loss', decades: 2, count: 9 });
    const gd = result.groups[0];
    for (const trial of gd.trials.slice(0, 7)) {
      const expected = 25 * Math.abs(1 - 2 * trial.alpha) ** (2 * E);
      expect(Math.abs(trial.meanLoss! - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, expected));
    }
    expect(gd.alpha).toBe(0.5);
    expect(gd.pickedBy).toBe('final-loss');
  });

  it('ranks fewer diverged first, then the lower loss, then the smaller α', () => {
    const t = (alpha: number, diverged: number, meanLoss: number | null) => ({ alpha, medianSteps: null, converged: 0, diverged, meanLoss });
    expect(pick([t(1, 0.5, 0), t(2, 0, 3), t(3, 0, 1)], 'final-loss').trial.alpha).toBe(3);
    expect(pick([t(2, 0, 1), t(1, 0, 1)], 'final-loss').trial.alpha).toBe(1);
    expect(pick([t(2, 0, null), t(1, 1, null)], 'final-loss').trial.alpha).toBe(2);
  });
});

describe('the same start as the race', () => {
  it('a trial at a group’s own α ends where that group of the race ends', async () => {
    const race = scenarioOf(findPreset('race-valley')!.scenario);
    const E = 40;
    const result = await tune(race, { criterion: 'final-loss', decades: 1, count: 3, epochs: E });
    const run = await createRace(race);
    for (let k = 0; k < E; k++) run.advance();
    const summaries = run.groupSummaries();
    result.groups.forEach((group, g) => {
      expect(group.trials[1].alpha).toBe(group.given);
      expect(group.trials[1].meanLoss).toBe(summaries[g].meanLoss);
    });
  });
});

describe('a race on CSV data', () => {
  it('tunes once its rows are read (docs/data/houses.csv, scaled): GD’s pick stays under the stable rate 2/λ_max and diverges nowhere', async () => {
    // The file names its CSV; the desktop app and `lab race-tune` read the rows in (withCsvData), the page
    // from its CSV dialog: either way the race holds the rows before a trial runs.
    const file = scenarioOf({
      version: 1,
      name: 'houses race',
      model: { kind: 'linear' },
      data: { csv: 'houses.csv', x: ['size', 'rooms'], y: ['price'], scale: 'standard' },
      init: { dist: 'gaussian', mean: [0, 0, 0], std: 1, count: 20 },
      optimizer: { kind: 'gd', alpha: 0.01 },
      epochs: 40,
      groups: [
        { name: 'GD', optimizer: { kind: 'gd', alpha: 0.01 } },
        { name: 'Adam', optimizer: { kind: 'adam', alpha: 0.01 } },
      ],
    });
    const read = withCsvData(file, readFileSync(new URL('../../../docs/data/houses.csv', import.meta.url), 'utf8'));
    if (!read.ok) throw new Error(read.problems.join('\n'));
    const race = read.scenario;
    const result = await tune(race, { criterion: 'final-loss', decades: 2, count: 9 });
    const gd = result.groups[0];
    // α from 1e-4 to 1; 2/λ_max of the standardised rows is about 0.54 (../stable-rate.ts). Above it the stiffest
    // direction grows |1 − α·λ_max| ≈ 2.7 times a step: after 40 epochs its loss is past 1e30 (not yet "diverged").
    const limit = stableRate(datasetOf(race)!, true).alpha;
    const above = gd.trials.filter((t) => t.alpha > limit);
    expect(above.map((t) => t.alpha)).toEqual([1]);
    expect(above[0].meanLoss).toBeGreaterThan(1e30);
    expect(gd.alpha).toBeLessThan(limit);
    expect(gd.trials.find((t) => t.alpha === gd.alpha)!.diverged).toBe(0);
    expect(result.scenario.groups!.map((g) => g.optimizer.alpha)).toEqual(result.groups.map((g) => g.alpha));
  });
});
