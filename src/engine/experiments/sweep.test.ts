/**
 * The stability map's numbers: the bowl's closed-form boundary, notebook 001's two learning rates, the
 * closed-form step of convergence of one bowl path, and the grid's spacing and rounding.
 */
import { describe, expect, it } from 'vitest';
import { findPreset } from '../../shared/presets';
import type { Scenario } from '../../shared/scenario';
import { validateScenario } from '../../shared/validate';
import { createDescent } from '../build';
import { linearSpace, logSpace, planSweep, runSweep, type SweepRequest } from './sweep';

function scenarioOf(input: unknown): Scenario {
  const v = validateScenario(input);
  if (!v.ok) throw new Error(v.problems.join('\n'));
  return v.scenario;
}

async function sweep(scenario: Scenario, request: SweepRequest) {
  const planned = planSweep(scenario, request);
  if (!planned.ok) throw new Error(planned.problems.join('\n'));
  return runSweep(scenario, planned.plan);
}

const bowlCloud = (count: number, tolerance: number | null = 1e-12) =>
  scenarioOf({
    version: 1,
    name: 'bowl',
    model: { kind: 'surface', fn: 'bowl' },
    init: { dist: 'uniform', min: [-3, -2], max: [5, 6], count },
    optimizer: { kind: 'gd', alpha: 0.1 },
    tolerance,
    epochs: 100,
  });

describe('the grid', () => {
  it('spaces alpha logarithmically and the second setting linearly, ends included exactly', () => {
    const a = logSpace(0.001, 10, 5);
    expect(a[0]).toBe(0.001);
    expect(a[4]).toBe(10);
    // Equal ratios: 10 / 0.001 = 1e4 over 4 intervals, a factor of 10 each.
    for (let k = 1; k < 5; k++) expect(a[k] / a[k - 1]).toBeCloseTo(10, 12);
    expect(linearSpace(0.5, 0.9, 5)).toEqual([0.5, 0.6, 0.7, 0.8, 0.9].map((v, k) => (k === 4 ? 0.9 : 0.5 + (0.4 * k) / 4)));
  });

  it('rounds batch sizes to whole numbers (halves up)', () => {
    const scenario = scenarioOf(findPreset('regression-eta-0.1')!.scenario);
    const planned = planSweep(scenario, { alpha: { min: 0.1, max: 0.1, count: 1 }, vs: { field: 'batch.size', min: 1, max: 12, count: 5 } });
    // linear 1, 3.75, 6.5, 9.25, 12 → rounded 1, 4, 7, 9, 12.
    expect(planned.ok && planned.plan.vs?.values).toEqual([1, 4, 7, 9, 12]);
  });

  it('names the part of the request or the field that is wrong', () => {
    const bowl = bowlCloud(10);
    const problems = (request: SweepRequest) => {
      const planned = planSweep(bowl, request);
      return planned.ok ? [] : planned.problems;
    };
    expect(problems({ alpha: { min: 0, max: 1, count: 3 }, vs: null })).toEqual(['alpha.min: must be a finite number > 0, not 0']);
    expect(problems({ alpha: { min: 1, max: 0.5, count: 3 }, vs: null })).toEqual(['alpha.max: must be at least min (1), not 0.5']);
    expect(problems({ alpha: { min: 0.1, max: 1, count: 3 }, vs: { field: 'optimizer.beta', min: 0.5, max: 0.9, count: 3 } })[0]).toMatch(
      /^vs\.field: optimizer\.beta needs a momentum/,
    );
    expect(problems({ alpha: { min: 0.1, max: 1, count: 3 }, vs: { field: 'batch.size', min: 1, max: 3, count: 3 } })[0]).toMatch(
      /^vs\.field: batch\.size needs data/,
    );
    expect(problems({ alpha: { min: 0.1, max: 1, count: 3 }, vs: { field: 'clip.limit', min: -1, max: 1, count: 3 } })[0]).toMatch(
      /^clip\.limit: must be a finite number > 0 \(at clip\.limit = -1\)/,
    );
  });
});

describe('the bowl (x−1)² + (y−2)²', () => {
  it('diverges exactly above α = 1: the map’s boundary is the grid interval that holds 1', async () => {
    // Closed form: ∇f = (2(x−1), 2(y−2)), so one step maps x−1 to (1−2α)(x−1) and y−2 to (1−2α)(y−2).
    // |1−2α| < 1 ⇔ 0 < α < 1: the distance to (1, 2) shrinks geometrically (converged under the tolerance).
    // At α = 1 it flips sign at the same distance; above 1 it grows by |1−2α| > 1 a step until the loss
    // overflows to Infinity: diverged. The slowest diverging cell here is α = 0.3·10^(8/15) ≈ 1.0244, whose
    // distance grows by 1.0487 a step, so its loss d² passes 1.8e308 after ln(1.8e308/d0²)/(2·ln 1.0487)
    // ≈ 7,500 steps from d0 = 0.1: 10,000 epochs let every diverging cell get there.
    const result = await sweep(bowlCloud(50), { alpha: { min: 0.3, max: 3, count: 16 }, vs: null, epochs: 10_000 });
    const row = result.cells[0];
    const stable = result.alpha.filter((_, k) => row[k].diverged === 0);
    const unstable = result.alpha.filter((_, k) => row[k].diverged === 1);
    expect(stable.length + unstable.length).toBe(16); // every cell all or nothing
    const lastStable = stable.at(-1)!;
    const firstUnstable = unstable[0];
    expect(Math.max(...stable)).toBe(lastStable); // stable cells all below the unstable ones
    expect(lastStable).toBeLessThanOrEqual(1);
    expect(firstUnstable).toBeGreaterThan(1);
    // Adjacent grid points: the boundary is found within one grid step (a factor 10^(1/15)).
    expect(result.alpha.indexOf(firstUnstable) - result.alpha.indexOf(lastStable)).toBe(1);
    for (const k of result.alpha.keys()) if (result.alpha[k] < 1) expect(row[k].converged).toBe(1);
  });

  it('reports the median step of convergence as the closed form gives it', async () => {
    // One path from (0, 0), α = 0.1: step k sees the loss 5·0.64^(k−1) (the distance shrinks by 0.8 a
    // step), so |L_k − L_(k−1)| = 5·0.64^(k−2)·0.36 and the particle converges at the first k ≥ 2 where
    // that is below the tolerance (step 1 compares with no previous loss).
    const tolerance = 1e-6;
    let k = 2;
    while (!(5 * 0.64 ** (k - 2) * 0.36 < tolerance)) k++;
    const path = scenarioOf({
      version: 1,
      model: { kind: 'surface', fn: 'bowl' },
      init: { points: [[0, 0]] },
      optimizer: { kind: 'gd', alpha: 0.1 },
      tolerance,
      epochs: 100,
    });
    const result = await sweep(path, { alpha: { min: 0.1, max: 0.1, count: 1 }, vs: null });
    expect(result.cells).toEqual([[{ converged: 1, diverged: 0, medianSteps: k }]]);
  });

  it('gives each cell what `lab run` of that changed scenario gives (same seed, same cloud)', async () => {
    const scenario = bowlCloud(40, 1e-8);
    const result = await sweep(scenario, { alpha: { min: 0.2, max: 1.5, count: 3 }, vs: { field: 'clip.limit', min: 0.5, max: 2, count: 2 }, epochs: 60 });
    for (const [r, limit] of result.vs!.values.entries()) {
      for (const [c, alpha] of result.alpha.entries()) {
        const alone = await createDescent(scenarioOf({ ...scenario, optimizer: { kind: 'gd', alpha }, clip: { mode: 'norm', limit }, epochs: 60 }));
        alone.run(60);
        expect(result.cells[r][c].converged).toBe(alone.converged / alone.n);
        expect(result.cells[r][c].diverged).toBe(alone.diverged / alone.n);
      }
    }
  });
});

describe('notebook 001: the twelve observations, batches of 3', () => {
  it('shows η = 0.3 diverging and η = 0.1 converging (cells 10 and 16)', async () => {
    // Notebook 001 cell 10 prints nan for η = 0.3; cell 16 converges (tol 1e-8) near w = [1.5, 1.5], b = 0.1.
    const scenario = scenarioOf(findPreset('regression-eta-0.1')!.scenario);
    const result = await sweep(scenario, { alpha: { min: 0.1, max: 0.3, count: 2 }, vs: null });
    expect(result.alpha).toEqual([0.1, 0.3]);
    expect(result.cells[0][0]).toMatchObject({ converged: 1, diverged: 0 });
    expect(result.cells[0][1]).toEqual({ converged: 0, diverged: 1, medianSteps: null });
  });
});
