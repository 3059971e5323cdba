/** The panel's list of a race's groups (issue 22: not one “Gradient descent, α 0.01” during a race). */
import { describe, expect, it } from 'vitest';
import { findPreset } from '../../shared/presets';
import { validateScenario } from '../../shared/validate';
import { raceGroupLines } from './race-groups';

describe('raceGroupLines', () => {
  it('lists each group of race-beale with its optimizer as the panel names it, α and its other settings (defaults filled in)', () => {
    const validation = validateScenario(findPreset('race-beale')!.scenario);
    if (!validation.ok) throw new Error(validation.problems.join('\n'));
    const groups = validation.scenario.groups!;
    expect(raceGroupLines(groups, ['GD', 'Momentum', 'AdaGrad', 'RMSprop', 'Adam'])).toEqual([
      'GD: Gradient descent, α 0.01',
      'Momentum: Momentum, α 0.005, β 0.9',
      'AdaGrad: Adagrad, α 0.5',
      // The defaults of CONTRACTS §1 (PyTorch's): RMSprop's ρ 0.99, Adam's β₁ 0.9 and β₂ 0.999.
      'RMSprop: RMSprop, α 0.01, ρ 0.99',
      'Adam: Adam, α 0.05, β₁ 0.9, β₂ 0.999',
    ]);
  });

  it('takes the names the race shows (a repeated name numbered), and shows set defaults such as Adam’s β₁', () => {
    const groups = [
      { name: 'A', optimizer: { kind: 'adam', alpha: 0.1, beta1: 0.8, beta2: 0.99 } },
      { name: 'A', optimizer: { kind: 'gd', alpha: 0.2 } },
    ] as never;
    expect(raceGroupLines(groups, ['A', 'A (2)'])).toEqual(['A: Adam, α 0.1, β₁ 0.8, β₂ 0.99', 'A (2): Gradient descent, α 0.2']);
  });
});
