/**
 * The stop rules of CONTRACTS §5 on closed-form cases. The bowl f = (x − 1)² + (y − 2)² from (0, 0) under
 * gradient descent at rate α multiplies its distance to (1, 2) by 1 − 2α a step, so after k updates its
 * loss is 5·(1 − 2α)²ᵏ (0.64ᵏ at α = 0.1, 81ᵏ at α = 5) and its gradient norm 2·√5·|1 − 2α|ᵏ. Step s of
 * the engine reads the loss of the point after s − 1 updates, and a particle that stops keeps that point.
 */
import { describe, expect, it } from 'vitest';
import { presets } from '../shared/presets';
import type { ScenarioInput } from '../shared/scenario';
import { defaultDivergence, stopReasons } from '../shared/stopping';
import { computeBasins, divergedLabel } from './experiments/basins';
import { createRun, RaceDescent } from './experiments/race';
import { planSweep, runSweep } from './experiments/sweep';
import { reasonNames, statusNames, type Descent } from './descent';
import { descentOf, scenarioOf } from './testing';

const bowl = (alpha: number, stop: Record<string, unknown> = {}, epochs = 400): ScenarioInput => ({
  version: 1,
  model: { kind: 'surface', fn: 'bowl' },
  init: { points: [[0, 0]] },
  optimizer: { kind: 'gd', alpha },
  epochs,
  stop: stop as ScenarioInput['stop'],
});

/** Runs the scenario; particle 0's status, reason and stop step. */
async function ending(input: ScenarioInput) {
  const d = await descentOf(input, true);
  d.run(d.scenario.epochs);
  return { d, status: statusNames[d.status[0]], reason: reasonNames[d.reason[0]], at: d.stoppedAt[0] };
}

/** The first k ≥ 0 with 5·r^k on the given side of x: the updates it takes, from logarithms. */
const updatesUntil = (ratio: number, x: number) => Math.ceil(Math.log(x / 5) / Math.log(ratio));

describe('stop rules on the bowl (closed form)', () => {
  it('the loss after k updates at α = 0.1 is 5·0.64ᵏ (the trace, the formula behind every case below)', async () => {
    const { d } = await ending(bowl(0.1, {}, 30));
    d.trace.forEach((entry, k) => expect(entry.loss).toBeCloseTo(5 * 0.64 ** k, 12));
  });

  it('the issue’s case: α = 5 diverges by the default threshold at step 54, within its 100 epochs', async () => {
    // 5·81⁵² = 8.7e99 < 1e100 ≤ 5·81⁵³ = 7.1e101: the 53rd update's point is the first past it, read at step 54.
    expect(updatesUntil(81, defaultDivergence)).toBe(53);
    const { d, status, reason, at } = await ending(bowl(5, {}, 100));
    expect([status, reason, at]).toEqual(['diverged', 'divergence', 54]);
    expect(d.trace).toHaveLength(53);
    expect(d.summary().reasons).toMatchObject({ divergence: 1 });
    expect(d.summary()).toMatchObject({ diverged: 1, converged: 0, running: 0 });
  });

  it('a lower divergence threshold stops it sooner: 1e6 after 3 updates (5·81² = 32 805 < 1e6 ≤ 5·81³)', async () => {
    expect(updatesUntil(81, 1e6)).toBe(3);
    expect(await ending(bowl(5, { divergence: 1e6 }))).toMatchObject({ reason: 'divergence', at: 4 });
  });

  it('divergence null keeps only the non-finite test: (y − 2)² = 4·81ᵏ overflows after 162 updates', async () => {
    // 4·81^k > 1.797e308 ⟺ k > (308.2547 − 0.6021)/1.9085 = 161.2.
    expect(Math.ceil((Math.log10(Number.MAX_VALUE) - Math.log10(4)) / Math.log10(81))).toBe(162);
    expect(await ending(bowl(5, { divergence: null }))).toMatchObject({ status: 'diverged', reason: 'nonFinite', at: 163 });
  });

  it('belowLoss 1e-6 converges at α = 0.1 after 35 updates (5·0.64³⁴ = 1.3e-6 > 1e-6 ≥ 5·0.64³⁵)', async () => {
    expect(updatesUntil(0.64, 1e-6)).toBe(35);
    expect(await ending(bowl(0.1, { belowLoss: 1e-6 }))).toMatchObject({ status: 'converged', reason: 'belowLoss', at: 36 });
  });

  it('gradNorm 1e-3 converges at α = 0.1 after 38 updates (2·√5·0.8ᵏ ≤ 1e-3 first at k = 38)', async () => {
    const k = Math.ceil(Math.log(1e-3 / (2 * Math.sqrt(5))) / Math.log(0.8));
    expect(k).toBe(38);
    expect(await ending(bowl(0.1, { gradNorm: 1e-3 }))).toMatchObject({ status: 'converged', reason: 'gradNorm', at: k + 1 });
  });

  it('patience k at α = 1 stalls at step k + 1: the particle swings between (0, 0) and (2, 4), loss 5 exactly', async () => {
    for (const patience of [1, 3, 10]) {
      expect(await ending(bowl(1, { patience }))).toMatchObject({ status: 'converged', reason: 'patience', at: patience + 1 });
    }
  });

  it('minDelta: with patience 1 at α = 0.1 a step improves while 0.36·5·0.64ᵏ > 1e-3, until k = 17', async () => {
    // Step s improves on step s − 1 by 5·0.64^(s−2)·0.36: at most 1e-3 first at s − 2 = 17.
    const k = Math.ceil(Math.log(1e-3 / 1.8) / Math.log(0.64));
    expect(k).toBe(17);
    expect(await ending(bowl(0.1, { patience: 1, minDelta: 1e-3 }))).toMatchObject({ reason: 'patience', at: k + 2 });
  });

  it('the tolerance keeps its meaning and its place: it stops before belowLoss would', async () => {
    // |5·0.64ᵏ − 5·0.64ᵏ⁻¹| = 1.8·0.64ᵏ⁻¹ < 1e-3 first at k − 1 = 17: step 19, before the loss is below 1e-9.
    const d = await descentOf({ ...bowl(0.1, { belowLoss: 1e-9 }), tolerance: 1e-3 });
    d.run(400);
    expect([reasonNames[d.reason[0]], d.stoppedAt[0]]).toEqual(['tolerance', 19]);
  });
});

describe('stop rules on a cloud', () => {
  const cloud = (stop: Record<string, unknown>): ScenarioInput => ({
    version: 1,
    model: { kind: 'surface', fn: 'rastrigin' },
    init: { dist: 'gaussian', mean: [0, 0], std: 2, count: 500 },
    optimizer: { kind: 'gd', alpha: 0.01 },
    epochs: 300,
    seed: 3,
    stop: stop as ScenarioInput['stop'],
  });

  it('the reasons add up to converged + diverged, and each particle’s reason matches its status', async () => {
    // Rastrigin at α = 0.005 from a wide cloud: some particles settle in a pit (gradNorm), those that start
    // with a loss past 200 are named diverged at once, and the rest still bounce at the end.
    const d = await descentOf({
      ...cloud({ gradNorm: 1e-2, patience: 10, divergence: 200 }),
      init: { dist: 'gaussian', mean: [0, 0], std: 5, count: 500 },
      optimizer: { kind: 'gd', alpha: 0.005 },
    });
    d.run(300);
    const s = d.summary();
    expect(stopReasons.reduce((sum, r) => sum + s.reasons[r], 0)).toBe(s.converged + s.diverged);
    expect([s.reasons.gradNorm, s.reasons.divergence, s.running].every((count) => count > 0)).toBe(true);
    for (let i = 0; i < d.n; i++) {
      const reason = reasonNames[d.reason[i]];
      if (reason === null) expect(statusNames[d.status[i]]).toBe('running');
      else expect(statusNames[d.status[i]]).toBe(['nonFinite', 'divergence'].includes(reason) ? 'diverged' : 'converged');
    }
  });

  it('a hot change of the rules (patience switched on mid-run) replays exactly from a snapshot', async () => {
    const d = await descentOf(cloud({}));
    d.run(20);
    d.configure({ stop: { ...d.scenario.stop, patience: 5, minDelta: 1e-4 } });
    const snapshot = d.snapshot();
    d.run(120);
    const first = { params: d.params.slice(), reason: d.reason.slice(), at: d.stoppedAt.slice(), summary: d.summary() };
    expect(first.summary.reasons.patience).toBeGreaterThan(0);
    d.restore(snapshot);
    d.run(120);
    expect({ params: d.params.slice(), reason: d.reason.slice(), at: d.stoppedAt.slice(), summary: d.summary() }).toEqual(first);
  });

  it('is deterministic: the same scenario gives the same reasons and steps', async () => {
    const runs = await Promise.all(
      [0, 1].map(async () => {
        const d = await descentOf(cloud({ patience: 8 }));
        d.run(150);
        return [d.reason.slice(), d.stoppedAt.slice()];
      }),
    );
    expect(runs[0]).toEqual(runs[1]);
  });
});

describe('one rule in every experiment: the bowl at α = 5 blows up within 100 steps', () => {
  // 5·81ᵏ passes the default 1e100 after 53 updates, long before float64 overflows (162): with only the
  // non-finite test these runs would count nothing as diverged in their 100 steps.
  const fast = bowl(5, {}, 100);

  it('the stability map counts the cell diverged', async () => {
    const scenario = scenarioOf(fast);
    const planned = planSweep(scenario, { alpha: { min: 5, max: 5, count: 1 }, vs: null });
    if (!planned.ok) throw new Error(planned.problems.join('\n'));
    const result = await runSweep(scenario, planned.plan);
    expect(result.cells[0][0]).toMatchObject({ converged: 0, diverged: 1 });
  });

  it('basins label every start diverged', async () => {
    // Four starts over [−3, 5] × [−2, 6]: none on the minimum (1, 2), where the gradient is zero.
    const result = (await computeBasins(scenarioOf(fast), { resolution: 4 }))!;
    expect([...result.labels].every((label) => label === divergedLabel)).toBe(true);
  });

  it('a race counts the blown-up group diverged, by divergence', async () => {
    const race = await createRun(
      scenarioOf({
        ...fast,
        groups: [
          { name: 'slow', optimizer: { kind: 'gd', alpha: 0.1 } },
          { name: 'fast', optimizer: { kind: 'gd', alpha: 5 } },
        ],
      }),
    );
    race.run(100);
    const [slow, blown] = (race as RaceDescent).groupSummaries();
    expect(slow).toMatchObject({ diverged: 0, running: 1 });
    expect(blown).toMatchObject({ diverged: 1, reasons: { divergence: 1 } });
  });
});

/**
 * Every preset, its cloud cut to at most 2 000 particles, and a cloud of networks to 10 (each particle's rules
 * are its own, so fewer particles check the same thing: a classifier preset's 100 networks took 2.5 minutes here).
 */
function smaller(input: ScenarioInput): ScenarioInput {
  const init = input.init as { count?: number };
  const mlp = input.model.kind === 'mlp';
  const most = mlp ? 10 : 2000;
  const fewer = init.count !== undefined && init.count > most ? { ...input, init: { ...input.init, count: most } as ScenarioInput['init'] } : input;
  // A network's run is the same prefix whatever its length: the classifiers' first 100 epochs (the spiral's
  // 300 epochs of batches of 32 took 12 s of the suite on a busy machine, for a loss that never blows up).
  return mlp && fewer.epochs !== undefined && fewer.epochs > 100 ? { ...fewer, epochs: 100 } : fewer;
}

async function finished(input: ScenarioInput): Promise<Descent> {
  const d = await createRun(scenarioOf(input));
  d.run(d.scenario.epochs);
  return d;
}

describe('the default divergence threshold and the presets', () => {
  // A preset's run under the default must be its run with only the non-finite test (divergence null), except
  // that a particle which blew up may be named diverged sooner: what converges today, and every notebook
  // number, is untouched.
  for (const preset of presets) {
    it(`${preset.name}: the same run as with divergence null, up to blown-up particles stopping sooner`, async () => {
      const input = smaller(preset.scenario);
      const [defaults, only] = await Promise.all([finished(input), finished({ ...input, stop: { ...(input.stop ?? {}), divergence: null } })]);
      for (let i = 0; i < defaults.n; i++) {
        if (reasonNames[defaults.reason[i]] === 'divergence') {
          expect(reasonNames[only.reason[i]], `${preset.name} particle ${i}`).toBe('nonFinite');
          continue;
        }
        expect([defaults.status[i], defaults.reason[i], defaults.stoppedAt[i]], `${preset.name} particle ${i}`).toEqual([
          only.status[i],
          only.reason[i],
          only.stoppedAt[i],
        ]);
        expect(defaults.particle(i), `${preset.name} particle ${i}`).toEqual(only.particle(i));
      }
    });
  }
});
