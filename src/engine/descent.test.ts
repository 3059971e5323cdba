/** The cloud as a whole: determinism, hot changes, the trace, the summary and the memory budget. */
import { noReasons } from '../shared/stopping';
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../shared/scenario';
import { Status } from './descent';
import { descentOf, runOf } from './testing';

const cloud = (seed: number, extra: Partial<ScenarioInput> = {}): ScenarioInput => ({
  version: 1,
  model: { kind: 'linear', bias: true },
  data: { generate: 'line', n: 40, xmin: 0, xmax: 1, slope: 2, intercept: 1, noise: 0.3 },
  init: { dist: 'gaussian', mean: [0, 0], std: 1, count: 50 },
  optimizer: { kind: 'momentum', alpha: 0.05 },
  batch: { size: 8 },
  epochs: 20,
  seed,
  ...extra,
});

describe('determinism', () => {
  it('the same seed gives bit-identical clouds (data, init and shuffling all drawn from it)', async () => {
    const [a, b] = await Promise.all([runOf(cloud(5)), runOf(cloud(5))]);
    expect(Buffer.from(a.params.buffer).equals(Buffer.from(b.params.buffer))).toBe(true);
  });

  it('another seed gives another run', async () => {
    const [a, b] = await Promise.all([runOf(cloud(5)), runOf(cloud(6))]);
    expect(Buffer.from(a.params.buffer).equals(Buffer.from(b.params.buffer))).toBe(false);
  });

  it('the particle count does not change the data or the shuffling: particle 0 moves the same', async () => {
    const few = await runOf(cloud(5, { init: { points: [[0, 0]] } }));
    const many = await runOf(
      cloud(5, {
        init: {
          points: [
            [0, 0],
            [1, 1],
            [2, 2],
          ],
        },
      }),
    );
    expect(many.particle(0)).toEqual(few.particle(0));
  });
});

describe('steps, epochs and the trace', () => {
  it('counts ⌈rows / batch⌉ steps per epoch', async () => {
    const d = await runOf(cloud(1, { epochs: 3 }));
    expect(d.batchesPerEpoch).toBe(5);
    expect([d.step, d.epoch]).toEqual([15, 3]);
  });

  it('records, for each applied update, the parameters before it, its batch loss and the gradient applied', async () => {
    const d = await descentOf(
      { version: 1, model: { kind: 'surface', fn: 'bowl' }, init: { points: [[0, 0]] }, optimizer: { kind: 'gd', alpha: 0.1 }, epochs: 2 },
      true,
    );
    d.run(2);
    // Closed form on (x−1)² + (y−2)² from (0, 0): L = 5, g = (−2, −4); then (0.2, 0.4), L = 3.2, g = (−1.6, −3.2).
    expect(d.trace[0]).toEqual({ step: 1, epoch: 0, params: [0, 0], loss: 5, grad: [-2, -4] });
    expect(d.trace[1].step).toBe(2);
    expect(d.trace[1].params[0]).toBeCloseTo(0.2, 15);
    expect(d.trace[1].loss).toBeCloseTo(3.2, 14);
  });

  it('freezing holds a parameter exactly while the others move', async () => {
    const d = await runOf(cloud(3, { freeze: [1] }));
    const start = await descentOf(cloud(3, { freeze: [1] }));
    for (let i = 0; i < d.n; i++) expect(d.params[d.n + i]).toBe(start.params[start.n + i]);
    expect(d.params[0]).not.toBe(start.params[0]);
  });
});

describe('hot changes', () => {
  it('a new learning rate is used by the very next step, with no reset', async () => {
    const d = await descentOf({
      version: 1,
      model: { kind: 'surface', fn: 'bowl' },
      init: { points: [[0, 0]] },
      optimizer: { kind: 'gd', alpha: 0.1 },
      epochs: 10,
    });
    d.advance();
    d.configure({ optimizer: { kind: 'gd', alpha: 0.5, weightDecay: 0 } });
    d.advance();
    // From (0.2, 0.4), α = 0.5 on the bowl jumps to the minimum (1, 2) in one step (closed form: 1 − 2α = 0).
    expect(d.particle(0)).toEqual([1, 2]);
    expect(d.step).toBe(2);
  });

  it('clipping switched on mid-run limits the next step', async () => {
    const d = await descentOf({
      version: 1,
      model: { kind: 'surface', fn: 'bowl' },
      init: { points: [[-99, 2]] },
      optimizer: { kind: 'gd', alpha: 0.1 },
      epochs: 10,
    });
    d.configure({ clip: { mode: 'norm', limit: 1 } });
    d.advance();
    expect(d.particle(0)[0]).toBeCloseTo(-99 + 0.1, 12); // g = (−200, 0) clipped to length 1
  });
});

describe('tolerance and status', () => {
  it('converged particles stop moving and are counted', async () => {
    const d = await runOf({
      version: 1,
      model: { kind: 'surface', fn: 'bowl' },
      init: { dist: 'uniform', min: [-1, -1], max: [3, 3], count: 30 },
      optimizer: { kind: 'gd', alpha: 0.2 },
      tolerance: 1e-9,
      epochs: 1000,
    });
    expect(d.converged).toBe(30);
    expect(d.epoch).toBeLessThan(1000);
    expect(d.summary()).toMatchObject({ count: 30, converged: 30, running: 0, diverged: 0 });
    expect(d.summary().bestLoss!).toBeLessThan(1e-8);
    const before = d.particle(0);
    expect(d.advance()).toBe(false);
    expect(d.particle(0)).toEqual(before);
  });

  it('summary counts are consistent and the loss statistics skip diverged particles', async () => {
    const d = await runOf({
      version: 1,
      model: { kind: 'surface', fn: 'saddle' },
      init: {
        points: [
          [1, 0],
          [1, 0.5],
        ],
      },
      optimizer: { kind: 'gd', alpha: 0.5 },
      epochs: 2000,
    });
    expect([...d.status]).toEqual([Status.running, Status.diverged]);
    // Particle 0 sits on the ridge y = 0: x halves to 0 (1 − 2α = 0), so its loss is exactly 0.
    // Particle 1's y doubles a step (1 + 2α), so its loss x² − y² falls to −∞: not finite (the divergence
    // threshold is for losses that grow).
    const reasons = { ...noReasons(), nonFinite: 1 };
    expect(d.summary()).toEqual({ count: 2, converged: 0, diverged: 1, running: 1, bestLoss: 0, meanLoss: 0, reasons });
  });
});

describe('memory', () => {
  it('1,000,000 particles of a two-parameter surface with Adam hold well under 200 MB', async () => {
    const d = await descentOf({
      version: 1,
      model: { kind: 'surface', fn: 'rosenbrock' },
      init: { dist: 'uniform', min: [-2, -1], max: [2, 3], count: 1_000_000 },
      optimizer: { kind: 'adam', alpha: 0.01 },
      epochs: 1,
    });
    d.advance();
    // The fused step keeps no gradient: 2 parameters × 8 bytes × 3 arrays (θ, m, v) + 2 losses × 8 + 1 status
    // byte + 1 reason byte + 4 bytes of the stopping step = 70 bytes a particle.
    expect(d.bytes).toBe(70_000_000);
    // A step through the separate passes (here, with a tolerance) makes the gradient: 16 bytes a particle more.
    d.configure({ tolerance: 1e-12 });
    d.advance();
    expect(d.bytes).toBe(86_000_000);
    expect(d.bytes).toBeLessThan(100e6);
  });
});
