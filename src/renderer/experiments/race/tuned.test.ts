/** The results table's α column: the α each group raced at, tuned (the range tried and the rule) or as given. */
import { describe, expect, it } from 'vitest';
import { findPreset } from '../../../shared/presets';
import type { Scenario } from '../../../shared/scenario';
import type { TuneResult, TuneTrial } from '../../../shared/tune-messages';
import { validateScenario } from '../../../shared/validate';
import { alphaText, groupAlphas } from './tuned';

const check = validateScenario(findPreset('race-valley')!.scenario);
if (!check.ok) throw new Error(check.problems.join('\n'));
const race: Scenario = check.scenario;
const trial = (alpha: number): TuneTrial => ({ alpha, medianSteps: null, converged: 0, diverged: 0, meanLoss: 1 });

/** A tuning of race-valley that picked 0.3 for every group from the grid 0.03, 0.3, 3. */
function tuning(pickedBy: TuneResult['criterion'] = 'median-steps'): TuneResult {
  const picked = race.groups!.map((group) => ({ ...group, optimizer: { ...group.optimizer, alpha: 0.3 } }));
  return {
    criterion: 'median-steps',
    decades: 1,
    count: 3,
    epochs: 300,
    groups: picked.map((group, g) => ({ name: `g${g}`, given: race.groups![g].optimizer.alpha, alpha: 0.3, pickedBy, trials: [0.03, 0.3, 3].map(trial) })),
    scenario: { ...race, groups: picked },
    notes: [],
  };
}

describe('the α column', () => {
  it('says each group’s α as given when the race was not tuned (race-valley’s own α)', () => {
    expect(groupAlphas(race, null).map(alphaText)).toEqual(['0.45 as given', '0.5 as given', '0.35 as given', '0.1 as given']);
  });

  it('says tuned, the range tried and the rule, for the race a tuning produced', () => {
    const result = tuning();
    expect(groupAlphas(result.scenario, result).map(alphaText)[0]).toBe('0.3 tuned (0.03–3, 3 tried, by median steps)');
  });

  it('says where the steps criterion fell back to the final loss', () => {
    const result = tuning('final-loss');
    expect(alphaText(groupAlphas(result.scenario, result)[1])).toBe('0.3 tuned (0.03–3, 3 tried, by final loss, none reached the tolerance)');
  });

  it('shows a race changed since the tuning as given', () => {
    const result = tuning();
    const edited = { ...result.scenario, groups: result.scenario.groups!.map((g, k) => (k === 0 ? { ...g, optimizer: { ...g.optimizer, alpha: 0.2 } } : g)) };
    expect(groupAlphas(edited, result).map(alphaText)[0]).toBe('0.2 as given');
    expect(groupAlphas(race, result).map(alphaText)[1]).toBe('0.5 as given');
  });
});
