/** The classifier presets (./classifier-scenarios.ts): each a valid cloud of softmax networks with a held-out share. */
import { describe, expect, it } from 'vitest';
import { findPreset } from './presets';
import { validateScenario } from './validate';

describe('the classifier presets', () => {
  // Parameters per network, Σ (in·out + out) over the layers: [2,8,2] 24 + 18; [2,16,16,2] 48 + 272 + 34; [4,8,3] 40 + 27.
  it.each([
    ['circle-classifier', 42, 100],
    ['xor-classifier', 42, 100],
    ['spiral-classifier', 354, 50],
    ['iris-classifier', 67, 100],
  ])('%s: %i parameters a network, %i networks, softmax cross-entropy, a fifth of the rows held out', (name, params, count) => {
    const result = validateScenario(findPreset(name)!.scenario);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const { model, init, data } = result.scenario;
    expect(model).toMatchObject({ kind: 'mlp', output: 'softmax' });
    expect(init).toMatchObject({ dist: 'gaussian', count });
    expect((init as { mean: number[] }).mean).toHaveLength(params);
    expect(data).toMatchObject({ test: 0.2 });
    expect(findPreset(name)!.group).toBe('networks');
  });
});
