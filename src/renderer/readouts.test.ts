/** The Converged readout says "off" when no rule could mark a particle converged (issue 22: "Converged 0" at loss 1e-5). */
import { describe, expect, it } from 'vitest';
import { findPreset } from '../shared/presets';
import { validateScenario } from '../shared/validate';
import { convergedText } from './readouts';

function scenarioOf(name: string, changes: Record<string, unknown> = {}) {
  const input = findPreset(name)!.scenario as Record<string, unknown>;
  const validation = validateScenario({ ...input, ...changes });
  if (!validation.ok) throw new Error(validation.problems.join('\n'));
  return validation.scenario;
}

describe('convergedText', () => {
  it('reads "off" with the tolerance and every converging stop rule off (neuron-frozen-weight, tolerance null)', () => {
    expect(convergedText(0, scenarioOf('neuron-frozen-weight'))).toBe('off');
  });

  it('reads the count once any converging rule is on: tolerance, below loss, gradient norm or patience', () => {
    expect(convergedText(0, scenarioOf('himmelblau'))).toBe('0');
    expect(convergedText(0, scenarioOf('bowl', { stop: { belowLoss: 1e-6 } }))).toBe('0');
    expect(convergedText(0, scenarioOf('bowl', { stop: { gradNorm: 1e-6 } }))).toBe('0');
    expect(convergedText(0, scenarioOf('bowl', { stop: { patience: 5 } }))).toBe('0');
  });

  it('keeps a count that is not zero (a rule switched off after particles converged) and reads it before a scenario loads', () => {
    expect(convergedText(3, scenarioOf('bowl'))).toBe('3');
    expect(convergedText(0, null)).toBe('0');
  });
});
