/**
 * The rules and options of CONTRACTS §9 (PyTorch's torch.optim, and Lion): their settings as the scenario
 * takes them (defaults from each class's documentation, refusals naming the field), and the state each
 * keeps. Their trajectories against scripts/reference/reference.py are in ./optimizers.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../shared/validate';
import type { ScenarioInput } from '../shared/scenario';
import { Optimizer, stateArraysOf } from './optimizers';
import { descentOf } from './testing';

const bowl = (optimizer: object): ScenarioInput => ({
  version: 1,
  model: { kind: 'surface', fn: 'bowl' },
  init: { points: [[0, 0]] },
  optimizer: optimizer as ScenarioInput['optimizer'],
  epochs: 10,
});

function optimizerOf(optimizer: object) {
  const result = validateScenario(bowl(optimizer));
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.scenario.optimizer;
}

function problemsOf(optimizer: object): string[] {
  const result = validateScenario(bowl(optimizer));
  return result.ok ? [] : result.problems;
}

describe('torch.optim settings (CONTRACTS §9)', () => {
  it('fills in PyTorch’s defaults', () => {
    // torch.optim.SGD: weight_decay 0, dampening 0; RMSprop: momentum 0, centered False; Adam: weight_decay 0,
    // amsgrad False; AdamW: weight_decay 0.01; NAdam: momentum_decay 4e-3; RAdam: betas (0.9, 0.999); Lion (Chen
    // et al. 2023, and the lion-pytorch package): betas (0.9, 0.99), weight decay 0.
    expect(optimizerOf({ kind: 'gd', alpha: 0.1 })).toEqual({ kind: 'gd', alpha: 0.1, weightDecay: 0 });
    expect(optimizerOf({ kind: 'momentum', alpha: 0.1 })).toEqual({ kind: 'momentum', alpha: 0.1, beta: 0.9, weightDecay: 0, dampening: 0 });
    expect(optimizerOf({ kind: 'rmsprop', alpha: 0.1 })).toEqual({ kind: 'rmsprop', alpha: 0.1, rho: 0.99, eps: 1e-8, momentum: 0, centered: false });
    expect(optimizerOf({ kind: 'adam', alpha: 0.1 })).toEqual({
      kind: 'adam',
      alpha: 0.1,
      beta1: 0.9,
      beta2: 0.999,
      eps: 1e-8,
      weightDecay: 0,
      amsgrad: false,
    });
    expect(optimizerOf({ kind: 'adamw', alpha: 0.1 })).toEqual({ kind: 'adamw', alpha: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.01 });
    expect(optimizerOf({ kind: 'nadam', alpha: 0.1 })).toEqual({ kind: 'nadam', alpha: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8, momentumDecay: 0.004 });
    expect(optimizerOf({ kind: 'radam', alpha: 0.1 })).toEqual({ kind: 'radam', alpha: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 });
    expect(optimizerOf({ kind: 'lion', alpha: 0.1 })).toEqual({ kind: 'lion', alpha: 0.1, beta1: 0.9, beta2: 0.99, weightDecay: 0 });
  });

  it.each([
    [{ kind: 'adamw', alpha: 0.1, beta1: 1 }, 'optimizer.beta1: must be a number from 0 up to 1 (not 1)'],
    [{ kind: 'nadam', alpha: 0.1, beta2: 1.5 }, 'optimizer.beta2: must be a number from 0 up to 1 (not 1)'],
    [{ kind: 'lion', alpha: 0.1, beta2: -0.1 }, 'optimizer.beta2: must be a number from 0 up to 1 (not 1)'],
    [{ kind: 'rmsprop', alpha: 0.1, momentum: 1 }, 'optimizer.momentum: must be a number from 0 up to 1 (not 1)'],
    [{ kind: 'gd', alpha: 0.1, weightDecay: -0.01 }, 'optimizer.weightDecay: must be a finite number ≥ 0'],
    [{ kind: 'adam', alpha: 0.1, weightDecay: -1 }, 'optimizer.weightDecay: must be a finite number ≥ 0'],
    [{ kind: 'momentum', alpha: 0.1, dampening: 2 }, 'optimizer.dampening: must be a number from 0 to 1'],
    [{ kind: 'nadam', alpha: 0.1, momentumDecay: -1 }, 'optimizer.momentumDecay: must be a finite number ≥ 0'],
    [{ kind: 'adam', alpha: 0.1, amsgrad: 'yes' }, 'optimizer.amsgrad: must be true or false'],
    [{ kind: 'adagrad', alpha: 0.1, weightDecay: 0.1 }, 'optimizer.weightDecay: unknown key (a typo? see docs/scenario.md)'],
  ])('refuses %j naming the field', (optimizer, problem) => {
    expect(problemsOf(optimizer)).toContain(problem);
  });

  it('accepts β = 0, which PyTorch allows (no memory of the past)', () => {
    expect(problemsOf({ kind: 'adamw', alpha: 0.1, beta1: 0, beta2: 0 })).toEqual([]);
  });
});

describe('the state each keeps', () => {
  it('plain Adam keeps two arrays; AMSGrad adds its running maximum of v, switched on or off in place', () => {
    const size = 10;
    const adam = new Optimizer(optimizerOf({ kind: 'adam', alpha: 0.1 }), size);
    expect(adam.stateBytes).toBe(2 * size * 8);
    adam.configure(optimizerOf({ kind: 'adam', alpha: 0.1, amsgrad: true }));
    expect(adam.stateBytes).toBe(3 * size * 8);
    expect(stateArraysOf(adam.spec)).toBe(3);
    adam.configure(optimizerOf({ kind: 'adam', alpha: 0.1 }));
    expect(adam.stateBytes).toBe(2 * size * 8);
    expect(new Optimizer(optimizerOf({ kind: 'rmsprop', alpha: 0.1 }), size).stateBytes).toBe(3 * size * 8);
    expect(new Optimizer(optimizerOf({ kind: 'lion', alpha: 0.1 }), size).stateBytes).toBe(size * 8);
  });

  it('AMSGrad steps with the largest v so far: on the bowl from (0, 0), the first step is α·sign(g) for both (closed form)', async () => {
    // At t = 1, m̂ = g and v̂ = g², so the step is α·g/(|g| + ε): both variants move (0, 0) to about (0.1, 0.1).
    for (const amsgrad of [false, true]) {
      const d = await descentOf(bowl({ kind: 'adam', alpha: 0.1, amsgrad }));
      d.advance();
      expect(d.particle(0)[0]).toBeCloseTo(0.1, 7);
      expect(d.particle(0)[1]).toBeCloseTo(0.1, 7);
    }
  });

  it('Lion moves each coordinate by exactly α a step while the sign holds (sign of the interpolated momentum)', async () => {
    // From (0, 0) on the bowl, g = (−2, −4): every component of β₁m + (1−β₁)g stays negative for the first steps.
    const d = await descentOf(bowl({ kind: 'lion', alpha: 0.01 }));
    for (let k = 1; k <= 5; k++) {
      d.advance();
      expect(d.particle(0)[0]).toBeCloseTo(0.01 * k, 12);
      expect(d.particle(0)[1]).toBeCloseTo(0.01 * k, 12);
    }
  });
});
