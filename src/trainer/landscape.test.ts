/**
 * The trainer's `landscape` command (issue 16): the slice around a particle with the path the trainer
 * recorded, as long work with progress and a pause to cancel it, and its refusals. The slice's own numbers
 * are the engine's (src/engine/experiments/landscape.test.ts checks those against the Python reference):
 * here the trainer must hand the engine the same trajectory an independent run of the same scenario gives.
 */
import { describe, expect, it } from 'vitest';
import { createRun } from '../engine/experiments/race';
import { startLandscape } from '../engine/experiments/landscape';
import { finiteMedian, sharpness } from '../engine/experiments/sharpness';
import type { LandscapeEvent } from '../shared/landscape-messages';
import { eventSchema, messageProblems } from '../shared/messages';
import { findPreset } from '../shared/presets';
import { validateScenario } from '../shared/validate';
import { sharpnessReadout } from './landscape';
import { harness } from './testing';

/** Notebook 000's two-layer net: 14 parameters, one particle, one row of data. */
const net = findPreset('two-layer-net')!.scenario;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** A clock read 1 ms apart and slices of 3 ms: a 9-row grid takes several slices, with progress between them. */
const fakeTiming = () => {
  let time = 0;
  return { now: () => ++time, yield: nextTurn, sliceMs: 3, frameMs: 4 };
};

const netRun = () => {
  const checked = validateScenario(net);
  if (!checked.ok) throw new Error(checked.problems.join('\n'));
  return createRun(checked.scenario);
};

/** The parameters before each of `steps` steps of the scenario, then the final ones, from a run of its own. */
async function trajectoryOf(steps: number): Promise<Float64Array> {
  const descent = await netRun();
  const points: number[] = [];
  for (let s = 0; s < steps; s++) {
    points.push(...descent.particle(0));
    descent.advance();
  }
  points.push(...descent.particle(0));
  return Float64Array.from(points);
}

describe('the landscape command', () => {
  it('computes the engine’s slice on the path the run took, and sends typed arrays', async () => {
    const h = harness();
    await h.send({ type: 'load', scenario: net }, { type: 'step', count: 20 }, { type: 'landscape', directions: 'pca', grid: 9, span: 0.5 });
    const event = h.last('landscape') as LandscapeEvent;
    expect(messageProblems(eventSchema, event)).toBeNull();
    const trajectory = await trajectoryOf(20);
    const job = startLandscape((await netRun()).model, trajectory, {
      directions: 'pca',
      grid: 9,
      span: 0.5,
      seed: 0,
    });
    while (!job.advance(100));
    const expected = job.result();
    expect(event).toMatchObject({ directions: 'pca', particle: 0, grid: 9, span: 0.5 });
    expect(event.steps).toEqual(Int32Array.from({ length: 21 }, (_, s) => s)); // 21 points: before each step, then the last
    for (const key of ['center', 'd1', 'd2', 'a', 'b', 'loss', 'path', 'pathLoss'] as const) expect(event[key]).toEqual(expected[key]);
    expect(event.explained).toEqual(expected.explained);
    // The run was not stepped: its next frame is still at step 20.
    await h.send({ type: 'request-frame' });
    expect(h.frames().at(-1)!.step).toBe(20);
  });

  it('reports its progress in rows while it runs, in slices', async () => {
    const h = harness(fakeTiming());
    await h.send({ type: 'load', scenario: net }, { type: 'step', count: 3 }, { type: 'landscape', directions: 'filter', grid: 9, seed: 7 });
    const progress = h.events.filter((e) => e.type === 'landscape-progress');
    expect(progress.length).toBeGreaterThan(0);
    // 9 grid rows and the 4 path points in one chunk: 10 units of work.
    for (const p of progress) expect(p).toMatchObject({ total: 10 });
    const done = progress.map((p) => (p as { done: number }).done);
    expect(done).toEqual([...done].sort((x, y) => x - y));
    expect(h.last('landscape')!.grid).toBe(9);
  });

  it('is cancelled by a pause: an error says how far it got, and no slice is sent', async () => {
    const h = harness(fakeTiming());
    await h.send({ type: 'load', scenario: net }, { type: 'step', count: 3 });
    h.trainer.receive({ type: 'landscape', grid: 51 });
    await nextTurn();
    h.trainer.receive({ type: 'pause' });
    await h.trainer.idle();
    expect(h.last('error')!.message).toBe('the landscape was cancelled by a pause');
    expect(h.last('error')!.problems[0]).toMatch(/^landscape: \d+ of 52 rows were computed$/);
    expect(h.last('landscape')).toBeUndefined();
  });

  it('refuses bad options, one line naming the field, and the run goes on as it was', async () => {
    const h = harness();
    await h.send({ type: 'load', scenario: net });
    const refusal = async (command: Record<string, unknown>) => {
      await h.send({ type: 'landscape', ...command });
      return h.last('error')!.problems;
    };
    expect(await refusal({ directions: 'pca' })).toEqual(['directions: pca needs a path of at least 3 points; this one has 1']);
    expect(await refusal({ directions: 'axes', axes: [0, 14] })).toEqual(['axes: 14 is out of range: the model has 14 parameters (0 to 13)']);
    expect(await refusal({ directions: 'axes' })).toEqual(['axes: axes directions need two parameter indices']);
    expect(await refusal({ particle: 1 })).toEqual(['particle: particle 1 does not exist (the cloud has 1)']);
    expect((await refusal({ grid: 2 }))[0]).toMatch(/^grid: /);
    expect((await refusal({ span: 0 }))[0]).toMatch(/^span: /);
    await h.send({ type: 'load', scenario: findPreset('bowl')!.scenario }, { type: 'landscape' });
    expect(h.last('error')!.problems[0]).toMatch(/^model: the landscape is for models of more than two parameters/);
    expect(h.last('landscape')).toBeUndefined();
  });
});

describe('the sharpness under the slice', () => {
  /** An independent run of `scenario` for `steps` steps. */
  async function runOf(scenario: unknown, steps: number) {
    const checked = validateScenario(scenario);
    if (!checked.ok) throw new Error(checked.problems.join('\n'));
    const descent = await createRun(checked.scenario);
    for (let s = 0; s < steps; s++) descent.advance();
    return descent;
  }

  it('gives the particle’s λ_max and the cloud’s median, the engine’s numbers (30 rounds) for the same run', async () => {
    const scenario = findPreset('flat-sharp-minima')!.scenario;
    const h = harness();
    await h.send({ type: 'load', scenario }, { type: 'step', count: 16 }, { type: 'landscape', particle: 3, grid: 3 });
    const event = h.last('landscape')!;
    expect(messageProblems(eventSchema, event)).toBeNull();
    const descent = await runOf(scenario, 16);
    const lambda = sharpness(descent.model, descent.params, descent.n, { iterations: 30 });
    expect(event.sharpness).toEqual({ particle: lambda[3], median: finiteMedian(lambda) });
  });

  it('measures the particle alone past the bound of work for the whole cloud, and nothing past it for one network', async () => {
    const descent = await runOf(findPreset('flat-sharp-minima')!.scenario, 16);
    // One gradient pass: 65 parameters × 32 rows a network, 32 networks: 66,560.
    const perNetwork = 65 * 32;
    const own = sharpness(descent.model, Float64Array.from(descent.particle(7)), 1, { iterations: 30 });
    expect(sharpnessReadout(descent, 7, 32 * perNetwork - 1)).toEqual({ particle: own[0], median: null });
    expect(sharpnessReadout(descent, 7, perNetwork - 1)).toBeNull();
    expect(sharpnessReadout(descent, 7, 32 * perNetwork)!.median).not.toBeNull();
  });
});

describe('the landscape of a race', () => {
  it('puts each group’s best particle’s path on the one PCA plane of all of them, with its losses', async () => {
    const race = {
      ...net,
      name: 'race on the net',
      init: { dist: 'gaussian', mean: new Array(14).fill(0.5), std: 0.2, count: 3 },
      groups: [
        { name: 'GD', optimizer: { kind: 'gd', alpha: 0.5 } },
        { name: 'Momentum', optimizer: { kind: 'momentum', alpha: 0.5, beta: 0.9 } },
      ],
    };
    const h = harness();
    await h.send({ type: 'load', scenario: race }, { type: 'step', count: 12 }, { type: 'landscape', directions: 'pca', grid: 5 });
    const event = h.last('landscape')!;
    expect(messageProblems(eventSchema, event)).toBeNull();
    const groups = event.groups!;
    expect(groups.names).toEqual(['GD', 'Momentum']);
    // Particles 0–2 are GD's, 3–5 Momentum's (engine/experiments/race.ts: groups in order, the same cloud each).
    expect(groups.particles[0]).toBeLessThan(3);
    expect(groups.particles[1]).toBeGreaterThanOrEqual(3);
    expect(groups.paths.map((p) => p.length)).toEqual([26, 26]); // 13 points each, (a, b) a point
    // The overall best is one group's best: its path there is the event's own path, and the last point of
    // each path is its particle now, whose loss is the frame's.
    const own = groups.particles.indexOf(event.particle);
    expect(own).toBeGreaterThanOrEqual(0);
    expect(groups.paths[own]).toEqual(event.path);
    expect(groups.pathLosses[own]).toEqual(event.pathLoss);
  });
});
