import { describe, expect, it } from 'vitest';
import { noReasons } from '../../shared/stopping';
import { findPreset } from '../../shared/presets';
import { validateScenario } from '../../shared/validate';
import type { LabState } from '../lab';
import { cardLines, LossTrace } from './sidebar';

function stateOf(preset: string): LabState {
  const result = validateScenario(findPreset(preset)!.scenario);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return {
    loaded: true,
    stepping: null,
    name: preset,
    epoch: 12,
    step: 12,
    status: 'paused',
    summary: { count: 400, converged: 380, diverged: 3, running: 17, bestLoss: 1.5e-7, meanLoss: 0.0123, reasons: noReasons() },
    scenario: result.scenario,
  };
}

describe('cardLines', () => {
  it('names the settings the panel shows and the readouts, from the state', () => {
    const lines = new Map(cardLines(stateOf('bowl-cloud')));
    const scenario = stateOf('bowl-cloud').scenario!;
    expect([...lines.keys()]).toEqual([
      'Scenario',
      'Optimizer',
      'Learning rate α',
      'Batch size',
      'Clip',
      'Init',
      'Seed',
      'Epoch',
      'Mean loss',
      'Best loss',
      'Converged',
      'Diverged',
    ]);
    expect(lines.get('Learning rate α')).toBe(String(scenario.optimizer.alpha));
    expect(lines.get('Seed')).toBe(String(scenario.seed));
    expect(lines.get('Mean loss')).toBe('0.0123');
    expect(lines.get('Best loss')).toBe('1.500e-7');
    expect(lines.get('Converged')).toBe('380 of 400');
  });

  it('names the optimizer, its settings, the clip and the init as the panel does (issue 22: “gd” read as a typo)', () => {
    expect(new Map(cardLines(stateOf('bowl-cloud'))).get('Optimizer')).toBe('Gradient descent');
    expect(new Map(cardLines(stateOf('bowl-cloud'))).get('Init')).toBe('Uniform');
    // Adam's defaults (CONTRACTS §1, PyTorch's): β₁ 0.9, β₂ 0.999, ε 1e-8.
    expect(new Map(cardLines(stateOf('rosenbrock'))).get('Optimizer')).toBe('Adam · β₁ 0.9 · β₂ 0.999 · ε 1e-8');
    expect(new Map(cardLines(stateOf('noisy-line-clip'))).get('Clip')).toBe('by value, 1000');
  });

  it('shows only the readouts before anything is loaded', () => {
    const state: LabState = {
      loaded: false,
      stepping: null,
      name: '',
      epoch: 0,
      step: 0,
      status: 'paused',
      summary: { count: 0, converged: 0, diverged: 0, running: 0, bestLoss: null, meanLoss: null, reasons: noReasons() },
      scenario: null,
    };
    expect(cardLines(state).map(([label]) => label)).toEqual(['Scenario', 'Epoch', 'Mean loss', 'Best loss', 'Converged', 'Diverged']);
  });
});

describe('LossTrace', () => {
  it('keeps one point per step, and non-finite losses as gaps', () => {
    const trace = new LossTrace();
    trace.push(0, 5, 1);
    trace.push(0, 5, 1); // the same picture again
    trace.push(1, Number.NaN, 0.5);
    expect(trace.steps).toEqual([0, 1]);
    expect(trace.means).toEqual([5, null]);
  });

  it('uses a log scale for positive losses (log10 of 1e-4 … 10 is −4 … 1) and a linear one otherwise', () => {
    const trace = new LossTrace();
    trace.push(0, 10, 1e-4);
    expect(trace.scale()).toEqual({ log: true, min: -4, max: 1 });
    trace.push(1, -2, -3); // the saddle's losses go below zero
    expect(trace.scale()).toEqual({ log: false, min: -3, max: 10 });
    expect(new LossTrace().scale()).toBeNull();
  });
});
