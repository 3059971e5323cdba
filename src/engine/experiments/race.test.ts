/**
 * The optimizer race: each group is exactly its optimizer run alone from the same seed, the results table
 * comes from the run, and a race replays exactly from a snapshot. Expected values are the lone runs'.
 */
import { describe, expect, it } from 'vitest';
import { findPreset } from '../../shared/presets';
import type { Scenario } from '../../shared/scenario';
import { validateScenario } from '../../shared/validate';
import { createDescent } from '../build';
import { Status, type Descent } from '../descent';
import { snapshotBytes, snapshotBytesOf, type DescentSnapshot } from '../snapshot';
import { createRace, groupNames, groupScenarios, type RaceDescent } from './race';

function scenarioOf(input: unknown): Scenario {
  const v = validateScenario(input);
  if (!v.ok) throw new Error(v.problems.join('\n'));
  return v.scenario;
}

const rosenbrockRace = scenarioOf({
  version: 1,
  name: 'race',
  model: { kind: 'surface', fn: 'rosenbrock' },
  init: { dist: 'gaussian', mean: [-1.5, 2], std: 0.4, count: 25 },
  optimizer: { kind: 'gd', alpha: 0.001 },
  groups: [
    { name: 'GD', optimizer: { kind: 'gd', alpha: 0.002 } },
    { optimizer: { kind: 'momentum', alpha: 0.001, beta: 0.9 } },
    { optimizer: { kind: 'adam', alpha: 0.05 } },
    { optimizer: { kind: 'gd', alpha: 0.01 } }, // too large for the valley's walls: some diverge
  ],
  tolerance: 1e-9,
  epochs: 400,
});

/** Group g's part of the race's parameter-major arrays, in the lone run's layout. */
function groupParams(race: RaceDescent, g: number): Float64Array {
  const n = race.perGroup;
  const out = new Float64Array(n * race.paramCount);
  for (let j = 0; j < race.paramCount; j++) out.set(race.params.subarray(j * race.n + g * n, j * race.n + (g + 1) * n), j * n);
  return out;
}

/** Steps a lone descent and notes the step at which each particle converges (the table's definition). */
function runAlone(descent: Descent, steps: number): number[] {
  const at = new Array<number>(descent.n).fill(0);
  for (let k = 0; k < steps && descent.running > 0; k++) {
    descent.advance();
    for (let i = 0; i < descent.n; i++) if (descent.status[i] === Status.converged && at[i] === 0) at[i] = descent.step;
  }
  return at;
}

describe('an optimizer race', () => {
  it('steps every group exactly as its optimizer alone from the same seed (a surface)', async () => {
    const race = await createRace(rosenbrockRace);
    const alone = await Promise.all(groupScenarios(rosenbrockRace).map((s) => createDescent(s)));
    // The identical starting cloud in every group.
    for (let g = 0; g < 4; g++) expect(groupParams(race, g)).toEqual(alone[0].params);
    for (let k = 0; k < 400; k++) {
      race.advance();
      for (const d of alone) if (d.running > 0) d.advance();
    }
    alone.forEach((d, g) => {
      expect(groupParams(race, g)).toEqual(d.params);
      expect(race.status.subarray(g * race.perGroup, (g + 1) * race.perGroup)).toEqual(d.status);
    });
    expect(race.diverged).toBe(alone.reduce((sum, d) => sum + d.diverged, 0));
  });

  it('shares the batches: a mini-batch race on notebook 001’s data matches each optimizer alone', async () => {
    const base = findPreset('regression-tolerance')!.scenario;
    const scenario = scenarioOf({
      ...base,
      init: { dist: 'gaussian', mean: [0, 1, 1], std: 1, count: 20 },
      groups: [{ optimizer: { kind: 'gd', alpha: 0.05 } }, { optimizer: { kind: 'rmsprop', alpha: 0.01 } }],
    });
    const race = await createRace(scenario);
    const alone = await Promise.all(groupScenarios(scenario).map((s) => createDescent(s)));
    for (let k = 0; k < 120; k++) {
      race.advance();
      for (const d of alone) if (d.running > 0) d.advance();
    }
    alone.forEach((d, g) => expect(groupParams(race, g)).toEqual(d.params));
  });

  const valleyRace = scenarioOf({
    ...rosenbrockRace,
    model: { kind: 'surface', fn: 'valley' },
    init: { dist: 'gaussian', mean: [3.5, 2], std: 0.5, count: 25 },
    groups: [{ optimizer: { kind: 'gd', alpha: 0.3 } }, { optimizer: { kind: 'momentum', alpha: 0.05 } }, { optimizer: { kind: 'gd', alpha: 2 } }],
    epochs: 300,
  });

  it.each([
    ['Rosenbrock', rosenbrockRace],
    ['the valley', valleyRace],
  ])('reports each group’s results as the lone runs give them (%s)', async (_, scenario) => {
    const race = await createRace(scenario);
    race.run(scenario.epochs);
    const summaries = race.groupSummaries();
    const scenarios = groupScenarios(scenario);
    for (const [g, s] of scenarios.entries()) {
      const alone = await createDescent(s);
      const at = runAlone(alone, s.epochs)
        .filter((step) => step > 0)
        .sort((a, b) => a - b);
      const losses = Array.from(alone.fullLoss()).filter(Number.isFinite);
      const k = at.length;
      expect(summaries[g]).toEqual({
        count: 25,
        converged: alone.converged,
        diverged: alone.diverged,
        running: alone.running,
        bestLoss: losses.length ? Math.min(...losses) : null,
        meanLoss: losses.length ? losses.reduce((a, b) => a + b, 0) / losses.length : null,
        reasons: alone.reasons,
        firstSteps: k ? at[0] : null,
        medianSteps: k === 0 ? null : k % 2 ? at[(k - 1) / 2] : (at[k / 2 - 1] + at[k / 2]) / 2,
      });
    }
    // Both races have something to report: on Rosenbrock the large-step GD loses particles; in the valley
    // (curvature limit α < 0.5 across it) GD at 0.3 and momentum converge; GD at 2 multiplies the distance across by |1 − 4·2| = 7 a step and overflows.
    if (scenario === rosenbrockRace) expect(summaries[3].diverged).toBeGreaterThan(0);
    else {
      expect(summaries[0].medianSteps).not.toBeNull();
      expect(summaries[1].medianSteps).not.toBeNull();
      expect(summaries[2].diverged).toBe(25);
    }
  });

  it('traces a particle of any group as that group alone traces it (lab run <race> --trace)', async () => {
    // Particle 60 of the whole cloud is particle 10 of group 2 (Adam), 25 a group.
    const race = await createRace(rosenbrockRace);
    const alone = await createDescent(groupScenarios(rosenbrockRace)[2]);
    race.traceParticle(60);
    alone.traceParticle(10);
    for (let k = 0; k < 30; k++) {
      race.advance();
      alone.advance();
    }
    expect(race.trace).toHaveLength(30);
    expect(race.trace).toEqual(alone.trace);
  });

  it('replays exactly from a snapshot (the timeline)', async () => {
    const race = await createRace(rosenbrockRace);
    for (let k = 0; k < 50; k++) race.advance();
    const snapshot = race.snapshot();
    for (let k = 0; k < 60; k++) race.advance();
    const params = race.params.slice();
    const summaries = race.groupSummaries();
    race.restore(snapshot);
    expect(race.step).toBe(50);
    for (let k = 0; k < 60; k++) race.advance();
    expect(race.params).toEqual(params);
    expect(race.groupSummaries()).toEqual(summaries);
  });

  it('counts its groups’ memory: snapshots and the run hold the combined arrays and every group’s', async () => {
    const race = await createRace(rosenbrockRace);
    for (let k = 0; k < 10; k++) race.advance();
    const snapshot = race.snapshot();
    const groups = (snapshot as DescentSnapshot & { groups: DescentSnapshot[] }).groups;
    // Each part counted by the same rule on its own: the race's combined arrays, then each group's snapshot.
    const own = snapshotBytes({ ...snapshot, groups: undefined } as DescentSnapshot);
    expect(snapshotBytes(snapshot)).toBe(groups.reduce((sum, g) => sum + snapshotBytes(g), own));
    expect(snapshotBytesOf(race)).toBe(snapshotBytes(snapshot));
    // The race's own arrays: the combined parameters, losses, previous losses, statuses, reasons and stopping
    // steps (it keeps no gradient of its own: each group steps itself), then every group's.
    expect(race.bytes).toBe(race.groups.reduce((sum, g) => sum + g.bytes, race.params.byteLength + race.n * (8 + 8 + 1 + 1 + 4)));
  });

  it('names its groups, a repeated name numbered', () => {
    expect(groupNames(rosenbrockRace)).toEqual(['GD', 'momentum α=0.001', 'adam α=0.05', 'gd α=0.01']);
    const twice = scenarioOf({
      ...rosenbrockRace,
      groups: [
        { name: 'A', optimizer: { kind: 'gd', alpha: 0.1 } },
        { name: 'A', optimizer: { kind: 'gd', alpha: 0.2 } },
      ],
    });
    expect(groupNames(twice)).toEqual(['A', 'A (2)']);
  });

  it('validates groups like the rest of a scenario file, naming the field', () => {
    const problems = (groups: unknown) => {
      const v = validateScenario({ ...rosenbrockRace, groups });
      return v.ok ? [] : v.problems;
    };
    const gd = { optimizer: { kind: 'gd', alpha: 0.1 } };
    expect(problems([gd])).toEqual(['groups: a race needs at least 2 groups']);
    expect(problems(Array(7).fill(gd))).toEqual(['groups: a race has at most 6 groups']);
    expect(problems([gd, { optimizer: { kind: 'gd', alpha: -1 } }])).toEqual(['groups[1].optimizer.alpha: must be a finite number > 0']);
    expect(problems([gd, { ...gd, colour: 'red' }])[0]).toMatch(/^groups\[1\]/);
  });
});

describe('the race presets', () => {
  /** A race preset run to its epochs: each group's summary, by group name. */
  async function finish(name: string) {
    const race = await createRace(scenarioOf(findPreset(name)!.scenario));
    race.run(race.scenario.epochs);
    const summaries = race.groupSummaries();
    return Object.fromEntries(race.names.map((n, g) => [n, summaries[g]]));
  }

  it('race-valley: momentum converges in well under half GD’s steps, as its lesson says', async () => {
    const r = await finish('race-valley');
    // Theory (the lesson): GD's slowest factor is 1 − 0.45·0.2 = 0.91 a step, momentum's about √β ≈ 0.71.
    expect(r.Momentum.medianSteps!).toBeLessThan(r.GD.medianSteps! / 2);
    for (const group of Object.values(r)) expect(group.converged).toBe(200);
  });

  it('race-rosenbrock: Adam alone meets the tolerance within 3,000 steps, as its lesson says', async () => {
    const r = await finish('race-rosenbrock');
    expect(r.Adam.converged).toBeGreaterThan(0);
    for (const name of ['GD', 'Momentum', 'Nesterov', 'RMSprop']) expect(r[name].converged).toBe(0);
  });

  it('race-beale: momentum converges first but loses about a fifth of its cloud, as its lesson says', async () => {
    const r = await finish('race-beale');
    const firsts = Object.values(r).map((s) => s.firstSteps ?? Infinity);
    expect(r.Momentum.firstSteps).toBe(Math.min(...firsts));
    expect(r.Momentum.diverged / 200).toBeGreaterThan(0.1);
    expect(r.Momentum.diverged / 200).toBeLessThan(0.3);
    for (const name of ['GD', 'AdaGrad', 'RMSprop', 'Adam']) expect(r[name].diverged).toBe(0);
  });

  it('race-saddle: momentum escapes fastest (the lowest mean loss), as its lesson says', async () => {
    const r = await finish('race-saddle');
    for (const name of ['GD', 'RMSprop', 'Adam']) expect(r.Momentum.meanLoss!).toBeLessThan(r[name].meanLoss!);
  });
});

describe('locating a particle', () => {
  it('finds the group descent and index that step particle i of the whole cloud', async () => {
    const race = await createRace(rosenbrockRace);
    for (let k = 0; k < 5; k++) race.advance();
    const { group, descent, index } = race.locate(2 * 25 + 7);
    expect([group, index]).toEqual([2, 7]);
    expect(descent.particle(index)).toEqual(race.particle(57));
  });
});
