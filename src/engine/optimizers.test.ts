/**
 * Every optimizer, clip mode, freeze and schedule against trajectories from scripts/reference/reference.py,
 * an independent plain-Python implementation of CONTRACTS §1 (regenerate: `npm run fixtures`).
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../shared/scenario';
import reference from './fixtures/reference.json';
import { stopReasons } from '../shared/stopping';
import { Status, statusNames } from './descent';
import { descentOf, expectClose } from './testing';

type Case = (typeof reference.optimizers)[number];

function scenarioFor(c: Case): ScenarioInput {
  return {
    version: 1,
    name: c.name,
    model: { kind: 'surface', fn: c.surface },
    init: { points: [c.start] },
    optimizer: c.optimizer as ScenarioInput['optimizer'],
    clip: c.clip as ScenarioInput['clip'],
    freeze: c.freeze,
    tolerance: c.tolerance,
    stop: c.stop as ScenarioInput['stop'],
    epochs: c.steps,
  };
}

describe('optimizer trajectories match the reference script', () => {
  it.each(reference.optimizers.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const d = await descentOf(scenarioFor(c));
    for (let k = 0; k < c.params.length; k++) {
      d.advance();
      expectClose([d.loss[0]], [c.loss[k]], 1e-12, `loss at step ${k + 1}`);
      expectClose(d.particle(0), c.params[k] as number[], 1e-12, `params after step ${k + 1}`);
    }
    d.run(c.steps);
    expect(statusNames[d.status[0]]).toBe(c.status);
    // CONTRACTS §5: why it stopped, and at which step (the step whose loss or update stopped it).
    expect(d.reasonOf(0)).toBe(c.reason);
    expect(d.status[0] === Status.running ? null : d.stoppedAt[0]).toBe(c.stopStep);
    // A stopping step applies no update, so the last recorded parameters are still the particle's.
    if (c.status !== 'running') expectClose(d.particle(0), c.params[c.params.length - 1] as number[], 1e-12, 'final');
  });

  it('covers every optimizer kind, both clip modes, freezing, every schedule and every stop rule', () => {
    const kinds = new Set(reference.optimizers.map((c) => c.optimizer.kind));
    expect([...kinds].sort()).toEqual(['adagrad', 'adam', 'adamw', 'gd', 'lion', 'momentum', 'nadam', 'nesterov', 'radam', 'rmsprop']);
    const schedules = reference.optimizers.map((c) => (c.optimizer as { schedule?: { kind: string } }).schedule?.kind).filter(Boolean);
    expect(new Set(schedules)).toEqual(new Set(['step', 'exponential', 'cosine', 'constant']));
    expect(new Set(reference.optimizers.map((c) => c.clip?.mode ?? 'none'))).toEqual(new Set(['none', 'value', 'norm']));
    expect(reference.optimizers.some((c) => c.freeze.length > 0)).toBe(true);
    expect(new Set(reference.optimizers.map((c) => c.status))).toEqual(new Set(['running', 'converged', 'diverged']));
    expect(new Set(reference.optimizers.map((c) => c.reason))).toEqual(new Set([null, ...stopReasons]));
  });
});

describe('diverged particles', () => {
  it('a loss that overflows marks the particle diverged and the run carries on with the others', async () => {
    // α = 1.5 on the bowl multiplies the distance by |1 − 2α| = 2 each step (closed form): it must diverge;
    // α = 0.1 multiplies it by 0.8 and must not.
    const d = await descentOf({
      version: 1,
      model: { kind: 'surface', fn: 'bowl' },
      init: { points: [[0, 0]] },
      optimizer: { kind: 'gd', alpha: 1.5 },
      epochs: 5000,
    });
    d.run(5000);
    expect(d.status[0]).toBe(Status.diverged);
    const mixed = await descentOf({
      version: 1,
      model: { kind: 'surface', fn: 'bowl' },
      init: {
        points: [
          [0, 0],
          [1e200, 0],
          [3, 3],
        ],
      },
      optimizer: { kind: 'gd', alpha: 0.1 },
      epochs: 50,
    });
    mixed.run(50);
    expect([...mixed.status]).toEqual([Status.running, Status.diverged, Status.running]);
    expect(mixed.summary()).toMatchObject({ count: 3, diverged: 1, running: 2 });
    expect(Number.isFinite(mixed.summary().meanLoss)).toBe(true);
  });

  it('NaN and Infinity starting points are diverged at once, without throwing', async () => {
    const d = await descentOf({
      version: 1,
      model: { kind: 'surface', fn: 'rosenbrock' },
      init: { points: [[0, 0]] },
      optimizer: { kind: 'adam', alpha: 0.1 },
      epochs: 3,
    });
    d.params[0] = NaN;
    d.run(3);
    expect(d.status[0]).toBe(Status.diverged);
    expect(d.summary()).toMatchObject({ diverged: 1, bestLoss: null });
  });
});
