/**
 * The lesson "why scale your features" (issue 22) against its numbers: every figure the houses presets'
 * and lessons' texts state is computed here from the data with the engine (stable rates from
 * engine/stable-rate.ts, runs and stability maps from the engine itself), and the CSV file a user opens
 * holds the same rows as the module the presets import.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDescent } from '../engine/build';
import { buildDataset } from '../engine/data';
import { statusNames } from '../engine/descent';
import { planSweep, runSweep } from '../engine/experiments/sweep';
import { applyScale } from '../engine/scaling';
import { stableRate } from '../engine/stable-rate';
import { csvColumns } from './csv';
import { houses } from './houses';
import { findPreset } from './presets';
import { validateScenario } from './validate';

const raw = buildDataset(houses, 0);
const { data: scaled, scaling } = applyScale(raw, 'standard');

function presetScenario(name: string) {
  const v = validateScenario(findPreset(name)!.scenario);
  if (!v.ok) throw new Error(v.problems.join('\n'));
  return v.scenario;
}

/** Steps until every particle has stopped (diverged or converged), or null if some still run after `limit`. */
async function stepsUntilAllStop(name: string, limit: number): Promise<number | null> {
  const descent = await createDescent(presetScenario(name));
  for (let step = 1; step <= limit; step++) {
    descent.advance(); // full batch: one step is one epoch
    if (descent.converged + descent.diverged === descent.n) return step;
  }
  return null;
}

describe('the houses data', () => {
  it('docs/data/houses.csv holds the rows of src/shared/houses.ts (both from scripts/houses-data.mjs)', () => {
    const text = readFileSync(new URL('../../docs/data/houses.csv', import.meta.url), 'utf8');
    const read = csvColumns(text, 'houses.csv', ['size', 'rooms'], ['price']);
    expect(read.ok && read.data).toEqual({ x: houses.x, y: houses.y.map((v) => [v]) });
    expect(houses.x).toHaveLength(50);
    expect(Math.min(...houses.x.map((r) => r[0]))).toBeGreaterThanOrEqual(50);
    expect(Math.max(...houses.x.map((r) => r[0]))).toBeLessThanOrEqual(200);
  });

  it('scales size by 43 m² and rooms by 1.35 (the houses-scaled text)', () => {
    expect(scaling!.spread[0]).toBeCloseTo(43.04, 2);
    expect(scaling!.spread[1]).toBeCloseTo(1.345, 3);
  });
});

describe('stable rates, before and after scaling', () => {
  const before = stableRate(raw, true);
  const after = stableRate(scaled, true);

  it('raw: λ_max 34,625, λ_min 0.21, α < 5.8e-5, flat directions 164,000 times flatter', () => {
    expect(Math.round(before.lambdaMax)).toBe(34625);
    expect(before.lambdaMin).toBeCloseTo(0.21, 2);
    expect(Number(before.alpha.toPrecision(2))).toBe(5.8e-5);
    expect(Math.round(before.lambdaMax / before.lambdaMin / 1000)).toBe(164);
    // At α = 0.01 the steep direction's factor is 1 − 0.01·λ_max ≈ −345.
    expect(Math.round(1 - 0.01 * before.lambdaMax)).toBe(-345);
  });

  it('scaled: eigenvalues 3.69 and 0.31, α < 0.54, condition 12; over nine thousand times the raw limit', () => {
    expect(after.lambdaMax).toBeCloseTo(3.69, 2);
    expect(after.lambdaMin).toBeCloseTo(0.31, 2);
    expect(Number(after.alpha.toPrecision(2))).toBe(0.54);
    expect(Math.round(after.lambdaMax / after.lambdaMin)).toBe(12);
    expect(Math.floor(after.alpha / before.alpha / 1000)).toBe(9);
    // houses-scaled's tries: 1 − 0.6·λ_max ≈ −1.22; 0.3 is over five thousand times the raw limit.
    expect(1 - 0.6 * after.lambdaMax).toBeCloseTo(-1.22, 2);
    expect(Math.floor(0.3 / before.alpha / 1000)).toBe(5);
  });
});

describe('the runs', () => {
  it('houses-raw: every particle has diverged by step 21', async () => {
    expect(await stepsUntilAllStop('houses-raw', 1000)).toBe(21);
    const steps = 21;
    const descent = await createDescent(presetScenario('houses-raw'));
    descent.run(steps); // run counts epochs from the start
    expect(descent.diverged).toBe(100);
  });

  it('houses-scaled: every particle has converged by step 132', async () => {
    expect(await stepsUntilAllStop('houses-scaled', 1000)).toBe(132);
    const steps = 132;
    const descent = await createDescent(presetScenario('houses-scaled'));
    descent.run(steps);
    expect(descent.converged).toBe(100);
  });

  it('houses-raw at α = 5e-5: nothing diverges, and after 1,000 steps the loss is still over twice the minimum', async () => {
    const descent = await createDescent({ ...presetScenario('houses-raw'), optimizer: { kind: 'gd', alpha: 5e-5, weightDecay: 0 } });
    descent.run(1000);
    expect(descent.diverged).toBe(0);
    expect(statusNames[descent.status[0]]).toBe('running');
    // The minimum: the scaled run's converged loss (the same least-squares fit, in other units).
    const best = await createDescent(presetScenario('houses-scaled'));
    best.run(1000);
    const minimum = Math.min(...best.fullLoss());
    expect(Math.min(...descent.fullLoss())).toBeGreaterThan(2 * minimum);
  });
});

describe('the stability map, with the tab’s default range (α/100 to 30·α, 12 columns, the preset’s epochs up to 1,000)', () => {
  async function map(name: string) {
    const scenario = presetScenario(name);
    const alpha = scenario.optimizer.alpha;
    const planned = planSweep(scenario, { alpha: { min: alpha / 100, max: alpha * 30, count: 12 }, vs: null, epochs: 1000 });
    if (!planned.ok) throw new Error(planned.problems.join('\n'));
    return runSweep(scenario, planned.plan);
  }

  it('houses-raw: from α = 1e-4 to 0.3 every cell diverges', async () => {
    const result = await map('houses-raw');
    expect(result.alpha[0]).toBeCloseTo(1e-4, 15);
    expect(result.cells[0].every((cell) => cell.diverged === 1)).toBe(true);
  });

  it('houses-scaled: from α = 0.003 to 9 the cells converge or run below 0.54 and diverge above it', async () => {
    const result = await map('houses-scaled');
    const limit = stableRate(scaled, true).alpha;
    result.alpha.forEach((a, k) => {
      const cell = result.cells[0][k];
      expect(cell.diverged, `α = ${a}`).toBe(a < limit ? 0 : 1);
    });
    // The cells just below the limit converge in full.
    expect(result.cells[0].filter((_, k) => result.alpha[k] > 0.05 && result.alpha[k] < limit).every((cell) => cell.converged === 1)).toBe(true);
  });
});
