import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../shared/scenario';
import { Status, statusNames, type Descent } from '../descent';
import { descentOf, expectClose, scenarioOf } from '../testing';
import { createRun } from './race';
import { decomposeStep, type StepDecomposition } from './microscope';

/** Notebook 001's 12 observations (cell 6), y = 1.5·x1 + 1.5·x2 + 0.1. */
const data = {
  x: [
    [1, 2],
    [3, 1],
    [1, 1],
    [0, 1],
    [2, 2],
    [-2, 3],
    [1, 2],
    [-1, -0.5],
    [0.5, 1.2],
    [2, 1],
    [-2, 3],
    [-1, 1],
  ],
  y: [4.6, 6.1, 3.1, 1.6, 6.1, 1.6, 4.6, -2.15, 2.65, 4.6, 1.6, 0.1],
};

const optimizers: ScenarioInput['optimizer'][] = [
  { kind: 'gd', alpha: 0.05, schedule: { kind: 'step', every: 3, gamma: 0.5 } },
  { kind: 'momentum', alpha: 0.03, beta: 0.9 },
  { kind: 'nesterov', alpha: 0.03, beta: 0.8 },
  { kind: 'adagrad', alpha: 0.3 },
  { kind: 'rmsprop', alpha: 0.05, rho: 0.9 },
  { kind: 'adam', alpha: 0.1, beta1: 0.8, beta2: 0.99 },
];
const clips: ScenarioInput['clip'][] = [null, { mode: 'value', limit: 2 }, { mode: 'norm', limit: 3 }];

function scenario(optimizer: ScenarioInput['optimizer'], clip: ScenarioInput['clip']): ScenarioInput {
  return {
    version: 1,
    name: 'microscope',
    model: { kind: 'linear', bias: true },
    data,
    init: { dist: 'gaussian', mean: [0, 1, 1], std: 2, count: 7 },
    optimizer,
    // Batches of 5 of 12 rows: two full batches and a short one each epoch, reshuffled every epoch.
    batch: { size: 5, shuffle: true, dropLast: false },
    clip,
    freeze: [1],
    tolerance: 1e-6,
    epochs: 50,
    seed: 3,
  };
}

/** The engine's own optimizer state for particle i after the step, by the decomposition's names. */
function engineState(descent: Descent, i: number, kind: string): Record<string, number[]> {
  const { s1, s2 } = descent.snapshot().optimizer;
  const col = (a: Float64Array | null) => Array.from({ length: descent.paramCount }, (_, j) => a![j * descent.n + i]);
  if (kind === 'gd') return {};
  if (kind === 'adam') return { m: col(s1), v: col(s2) };
  return kind === 'adagrad' || kind === 'rmsprop' ? { s: col(s1) } : { v: col(s1) };
}

describe('one step under the microscope', () => {
  for (const optimizer of optimizers) {
    for (const clip of clips) {
      it(`equals the engine's step and state: ${optimizer.kind}, clip ${clip ? clip.mode : 'off'}, one weight frozen`, async () => {
        const descent = await descentOf(scenario(optimizer, clip));
        for (let k = 0; k < 12; k++) {
          const parts: StepDecomposition[] = [];
          for (let i = 0; i < descent.n; i++) parts.push(decomposeStep(descent, i));
          descent.advance();
          for (let i = 0; i < descent.n; i++) {
            const part = parts[i];
            const label = `step ${part.step}, particle ${i}`;
            expect(part.statusAfter, label).toBe(statusNames[descent.status[i]]);
            expectClose(descent.particle(i), part.after, 1e-15, `${label} params`);
            const state = engineState(descent, i, optimizer.kind);
            for (const [name, values] of Object.entries(state)) expectClose(values, part.stateAfter[name as 'v']!, 1e-15, `${label} ${name}`);
            if (part.statusBefore !== 'running') continue;
            expect(descent.loss[i], label).toBe(part.loss);
            // descent.grad holds what the optimizer was given: the gradient after freezing and clipping.
            expectClose(
              Array.from({ length: descent.paramCount }, (_, j) => descent.grad[j * descent.n + i]),
              part.adjusted,
              1e-15,
              `${label} adjusted`,
            );
            expect(part.adjusted[1]).toBe(0);
            if (part.stopped === null)
              expectClose(
                part.delta,
                part.after.map((p, j) => p - part.params[j]),
                0,
                label,
              );
          }
        }
      });
    }
  }

  for (const preset of ['two-layer-net', 'neuron-inputs-outputs', 'noisy-line-minibatch', 'rosenbrock']) {
    it(`equals the engine's step on the ${preset} preset, with Adam, for 20 steps`, async () => {
      const descent = await descentOf(preset);
      descent.configure({ optimizer: { kind: 'adam', alpha: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0, amsgrad: false } });
      const particles = Math.min(descent.n, 5);
      for (let k = 0; k < 20; k++) {
        const parts = Array.from({ length: particles }, (_, i) => decomposeStep(descent, i));
        descent.advance();
        for (let i = 0; i < particles; i++) {
          expectClose(descent.particle(i), parts[i].after, 1e-15, `${preset} step ${k + 1} particle ${i}`);
          const state = engineState(descent, i, 'adam');
          expectClose(state.m, parts[i].stateAfter.m!, 1e-15, 'm');
          expectClose(state.v, parts[i].stateAfter.v!, 1e-15, 'v');
        }
      }
    });
  }

  it('takes a race particle’s step from its own group: the race’s step moves it to the same place', async () => {
    const race = await createRun(scenarioOf('race-valley'));
    const last = race.n - 1; // in the last group, with that group's optimizer
    for (let k = 0; k < 5; k++) {
      const part = decomposeStep(race, last);
      race.advance();
      expect(part.particle).toBe(last);
      expectClose(race.particle(last), part.after, 1e-15, `race step ${k + 1}`);
    }
  });

  it('clips as CONTRACTS §1 says: value clamps each component, norm scales to the limit', async () => {
    const byValue = decomposeStep(await descentOf(scenario({ kind: 'gd', alpha: 0.01 }, { mode: 'value', limit: 0.5 })), 0);
    byValue.gradient.forEach((g, j) => expect(byValue.adjusted[j]).toBe(j === 1 ? 0 : Math.min(Math.max(g, -0.5), 0.5)));
    const byNorm = decomposeStep(await descentOf(scenario({ kind: 'gd', alpha: 0.01 }, { mode: 'norm', limit: 0.5 })), 0);
    const norm = Math.hypot(byNorm.adjusted[0], byNorm.adjusted[1], byNorm.adjusted[2]);
    expect(byNorm.clipScale).toBeLessThan(1);
    expect(norm).toBeCloseTo(0.5, 12);
  });

  it('shows the batch gradient beside the full-data gradient, which equals a full-batch run’s', async () => {
    const descent = await descentOf(scenario({ kind: 'gd', alpha: 0.01 }, null));
    const part = decomposeStep(descent, 2);
    expect(part.rows).toHaveLength(5);
    expect(part.fullGradient).not.toBeNull();
    // The same start with the whole data in one batch: its first traced gradient is the full-data gradient.
    const whole = await descentOf(
      { ...scenario({ kind: 'gd', alpha: 0.01 }, null), init: { points: [Array.from(part.params)] }, batch: { size: null }, freeze: [] },
      true,
    );
    whole.advance();
    expectClose(part.fullGradient!, whole.trace[0].grad, 1e-15, 'full gradient');
    expect(part.fullLoss).toBe(whole.trace[0].loss);
    expect(Array.from(part.gradient)).not.toEqual(Array.from(part.fullGradient!));
  });

  it('reproduces the notebook’s first neuron epoch: prediction 0.86, error 0.0196, deltas [−1.19, −0.091, −0.168]', async () => {
    // Notebook 000, cell 86: "Epoch 0 | Prediction 0.8600000000000001 | Error 0.01959999999999997",
    // "Weights [ 0.1119   0.20091 -0.09832] | Weight Deltas [-1.19  -0.091 -0.168]".
    const part = decomposeStep(await descentOf('neuron-three-inputs'), 0);
    expect(part.epoch).toBe(0);
    expect(part.loss).toBe(0.01959999999999997);
    expectClose(part.gradient, [-1.19, -0.091, -0.168], 1e-12, 'deltas');
    expectClose(part.after, [0.1119, 0.20091, -0.09832], 1e-12, 'weights');
    expect(part.fullGradient).toBeNull();
  });

  it('says why a stopped particle does not move', async () => {
    const descent = await descentOf({
      version: 1,
      name: 'b',
      model: { kind: 'surface', fn: 'bowl' },
      init: { points: [[1, 2]] },
      optimizer: { kind: 'gd', alpha: 0.1 },
      tolerance: 0.5,
      epochs: 10,
    });
    descent.advance();
    descent.advance(); // at the minimum the loss stays 0: the second step converges
    expect(descent.status[0]).toBe(Status.converged);
    const part = decomposeStep(descent, 0);
    expect(part.statusBefore).toBe('converged');
    expect(part.stopped).toMatch(/converged/);
    expect(Array.from(part.delta)).toEqual([0, 0]);
  });
});
