/**
 * The claims the presets' lesson texts (./presets.ts) and the lessons' "look" lines (./lessons.ts) make, each
 * run headless with the engine and held to the number the text states. Claims checked elsewhere are not
 * repeated here: the notebooks' printed numbers in ../engine/notebooks.test.ts, the races' in
 * ../engine/experiments/race.test.ts, and how each "try this" ends in ./lessons.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { createDescent, datasetOf } from '../engine/build';
import { statusNames } from '../engine/descent';
import { beale } from '../engine/surfaces';
import { withValueAt } from './paths';
import { findLesson } from './lessons';
import { findPreset, presets } from './presets';
import { validateScenario } from './validate';

/** A preset's run, ready to step, with `changes` applied as `descentLab.set` applies them. */
async function runOf(name: string, changes: Record<string, unknown> = {}) {
  let scenario: unknown = findPreset(name)!.scenario;
  for (const [path, value] of Object.entries(changes)) {
    const next = withValueAt(scenario, path, value);
    if (!next.ok) throw new Error(next.problem);
    scenario = next.scenario;
  }
  const validation = validateScenario(scenario);
  if (!validation.ok) throw new Error(validation.problems.join('\n'));
  return { descent: await createDescent(validation.scenario), scenario: validation.scenario };
}

/** Parameter j of particle i. */
const param = (d: { params: Float64Array; n: number }, i: number, j: number) => d.params[j * d.n + i];

describe('noisy-line-clip (notebook 002): the text matches its axes and its run', () => {
  it('names only the parameters its axes show (b and w1, the slope being w1), as every linear preset must', async () => {
    for (const preset of presets.filter((p) => p.scenario.model.kind === 'linear')) {
      const { descent } = await runOf(preset.name);
      const lesson = findLesson(preset.name);
      const texts = [preset.lesson, lesson?.look ?? '', ...(lesson?.tries.map((t) => t.expect) ?? [])].join(' ');
      for (const name of texts.match(/\bw\d\b/g) ?? []) expect(descent.model.paramNames, `${preset.name} speaks of ${name}`).toContain(name);
    }
    expect(findPreset('noisy-line-clip')!.lesson).toContain('ŷ = b + w1·x');
  });

  it('curvature along w1 is about 6,700, so α·6,700 = 3.35 > 2 (the largest eigenvalue of the Hessian (2/m)·AᵀA)', async () => {
    const { scenario } = await runOf('noisy-line-clip');
    const data = datasetOf(scenario)!;
    let sx = 0;
    let sxx = 0;
    for (let i = 0; i < data.rows; i++) {
      sx += data.x[i];
      sxx += data.x[i] * data.x[i];
    }
    // A = [1, x]: (2/m)·AᵀA = 2·[[1, x̄], [x̄, mean x²]]; its eigenvalues in closed form.
    const [a, b, c] = [2, (2 * sx) / data.rows, (2 * sxx) / data.rows];
    const largest = (a + c + Math.sqrt((a - c) ** 2 + 4 * b * b)) / 2;
    expect(largest).toBeGreaterThan(6650);
    expect(largest).toBeLessThan(6750);
    expect(0.0005 * largest).toBeGreaterThan(2);
    expect(0.0005 * largest).toBeCloseTo(3.35, 2);
  });

  it('falls from 14,233 to 355 in four steps, then w1 jumps 0.5 every step and the loss zig-zags (455/706 at step 10, 499/641 at 1,000) above the least-squares 352', async () => {
    const { descent } = await runOf('noisy-line-clip');
    const lossAt = (epoch: number) => {
      descent.run(epoch);
      return descent.fullLoss()[0];
    };
    expect(descent.fullLoss()[0]).toBeCloseTo(14233, 0);
    expect(lossAt(4)).toBeCloseTo(355, 0);
    expect(lossAt(9)).toBeCloseTo(706, 0);
    expect(lossAt(10)).toBeCloseTo(455, 0);
    let w1 = param(descent, 0, 1);
    let lowest = Infinity;
    for (let epoch = 11; epoch <= 999; epoch++) {
      const loss = lossAt(epoch);
      lowest = Math.min(lowest, loss);
      // One clipped step: α·1000 = 0.5 exactly, the slope's gradient never falls under the clip.
      expect(Math.abs(param(descent, 0, 1) - w1)).toBeCloseTo(0.5, 12);
      w1 = param(descent, 0, 1);
    }
    expect(lossAt(999)).toBeCloseTo(641, 0);
    expect(lossAt(1000)).toBeCloseTo(499, 0);
    // Never back near the least-squares fit's 351.74 (next test): the lowest loss of the zig-zag is its 455.
    expect(lowest).toBeGreaterThan(454);
  });

  it('“Try α = 0.0002”: the loss comes down to 352, the least-squares fit (closed form 351.74)', async () => {
    const { descent, scenario } = await runOf('noisy-line-clip', { 'optimizer.alpha': 0.0002 });
    const data = datasetOf(scenario)!;
    const m = data.rows;
    let [sx, sy, sxx, sxy] = [0, 0, 0, 0];
    for (let i = 0; i < m; i++) {
      sx += data.x[i];
      sy += data.y[i];
      sxx += data.x[i] ** 2;
      sxy += data.x[i] * data.y[i];
    }
    const w = (m * sxy - sx * sy) / (m * sxx - sx * sx);
    const b = (sy - w * sx) / m;
    let squares = 0;
    for (let i = 0; i < m; i++) squares += (b + w * data.x[i] - data.y[i]) ** 2;
    expect(squares / m).toBeCloseTo(351.74, 2);
    descent.run(scenario.epochs);
    expect(descent.fullLoss()[0]).toBeCloseTo(352, 0);
  });
});

describe('regression-eta-0.3 (notebook 001 cell 10)', () => {
  it('is marked diverged at step 556, by the divergence threshold, before its weights stop being numbers', async () => {
    const { descent, scenario } = await runOf('regression-eta-0.3');
    descent.run(scenario.epochs);
    expect(descent.reasonOf(0)).toBe('divergence');
    expect(descent.stoppedAt[0]).toBe(556);
    for (let j = 0; j < descent.paramCount; j++) expect(Number.isFinite(param(descent, 0, j))).toBe(true);
  });
});

describe('the surfaces’ lessons', () => {
  it('bowl-cloud: with α = 0.1 every start contracts by 0.8 a step towards (1, 2) (closed form 1 − 2α)', async () => {
    const { descent } = await runOf('bowl-cloud');
    const distance = (i: number) => Math.hypot(param(descent, i, 0) - 1, param(descent, i, 1) - 2);
    for (let step = 1; step <= 5; step++) {
      const before = Array.from({ length: descent.n }, (_, i) => distance(i));
      descent.run(step);
      for (let i = 0; i < descent.n; i++) expect(distance(i) / before[i]).toBeCloseTo(0.8, 12);
    }
  });

  it('bowl-cloud: at α = 2 the whole cloud passes the divergence threshold between steps 105 and 109', async () => {
    const { descent, scenario } = await runOf('bowl-cloud', { 'optimizer.alpha': 2 });
    descent.run(scenario.epochs);
    expect(descent.diverged).toBe(descent.n);
    // Loss L·9ᵏ with |1 − 2α| = 3: the starts' losses (0 to 41 on this square) pass 1e100 within a few steps.
    expect(Math.min(...descent.stoppedAt)).toBe(105);
    expect(Math.max(...descent.stoppedAt)).toBe(109);
  });

  it('saddle: the loss falls without bound, yet no particle counts as diverged; |y| grows by 1 + 2α = 1.1 a step', async () => {
    const { descent, scenario } = await runOf('saddle');
    descent.run(scenario.epochs - 1);
    const y = Array.from({ length: descent.n }, (_, i) => param(descent, i, 1));
    descent.run(scenario.epochs);
    // ∂z/∂y = −2y, so y ← y + 2αy: exactly 1.1 each step.
    for (let i = 0; i < descent.n; i++) expect(param(descent, i, 1) / y[i]).toBeCloseTo(1.1, 12);
    const summary = descent.summary();
    expect(summary.diverged).toBe(0);
    expect(summary.running).toBe(descent.n);
    expect(summary.meanLoss!).toBeCloseTo(-6.6e38, -37);
  });

  it('himmelblau: the cloud splits into four basins, each of the four minima reached', async () => {
    const { descent, scenario } = await runOf('himmelblau');
    descent.run(scenario.epochs);
    // The four minima (Himmelblau 1972; the three irrational ones to 6 decimals).
    const minima = [
      [3, 2],
      [-2.805118, 3.131312],
      [-3.77931, -3.283186],
      [3.584428, -1.848126],
    ];
    const counts = minima.map(() => 0);
    for (let i = 0; i < descent.n; i++) {
      const k = minima.findIndex(([x, y]) => Math.hypot(param(descent, i, 0) - x, param(descent, i, 1) - y) < 1e-3);
      expect(k, `particle ${i}`).toBeGreaterThanOrEqual(0);
      counts[k]++;
    }
    for (const count of counts) expect(count).toBeGreaterThan(descent.n / 8);
  });

  it('rastrigin: only the starts in the central dimple (|x|, |y| < 0.5), 18 of 2,000, reach (0, 0)', async () => {
    const { descent, scenario } = await runOf('rastrigin');
    const central = Array.from({ length: descent.n }, (_, i) => Math.abs(param(descent, i, 0)) < 0.5 && Math.abs(param(descent, i, 1)) < 0.5);
    descent.run(scenario.epochs);
    const loss = descent.fullLoss();
    const reached = Array.from(loss, (l) => l < 1e-6);
    expect(reached).toEqual(central);
    expect(central.filter(Boolean)).toHaveLength(18);
  });

  it('valley: at α = 0.45 the across coordinate flips sign and shrinks by 1 − 0.45·4 = −0.8 a step (curvature 4, limit 2/4 = 0.5)', async () => {
    const { descent } = await runOf('valley');
    for (let step = 1; step <= 5; step++) {
      const y = Array.from({ length: descent.n }, (_, i) => param(descent, i, 1));
      descent.run(step);
      for (let i = 0; i < descent.n; i++) expect(param(descent, i, 1) / y[i]).toBeCloseTo(-0.8, 12);
    }
  });

  it('booth: every start converges at α = 0.1, below 2/18 ≈ 0.111 (Hessian [[10, 8], [8, 10]], eigenvalues 18 and 2), and every loss grows at 0.115', async () => {
    const below = await runOf('booth', { 'optimizer.alpha': 0.1 });
    below.descent.run(below.scenario.epochs);
    expect(below.descent.converged).toBe(below.descent.n);
    const above = await runOf('booth', { 'optimizer.alpha': 0.115 });
    const start = above.descent.fullLoss();
    above.descent.run(above.scenario.epochs);
    const end = above.descent.fullLoss();
    for (let i = 0; i < above.descent.n; i++) expect(end[i]).toBeGreaterThan(start[i]);
  });

  it('beale: the minimum is (3, 0.5), and gradients on the square differ by orders of magnitude', () => {
    const g = { dx: 0, dy: 0 };
    expect(beale(3, 0.5, g)).toBe(0);
    const norms: number[] = [];
    for (let x = -4.5; x <= 4.5; x += 0.5)
      for (let y = -4.5; y <= 4.5; y += 0.5) {
        beale(x, y, g);
        norms.push(Math.hypot(g.dx, g.dy));
      }
    const nonzero = norms.filter((n) => n > 0);
    expect(Math.max(...nonzero) / Math.min(...nonzero)).toBeGreaterThan(1e4);
  });
});

describe('tolerance off: what the run shows', () => {
  it('neuron-frozen-weight ends at loss 1e-5 with no particle converged: no stop rule that converges is on', async () => {
    const { descent, scenario } = await runOf('neuron-frozen-weight');
    expect(scenario.tolerance).toBeNull();
    descent.run(scenario.epochs);
    // (1 − α·|x|²)^(2·100) · 0.9801 with α·|x|² = 0.03·1.8625 (the two unfrozen inputs): 9.935e-6.
    expect(descent.fullLoss()[0]).toBeCloseTo(0.9801 * (1 - 0.03 * 1.8625) ** 200, 15);
    expect(statusNames[descent.status[0]]).toBe('running');
  });
});
