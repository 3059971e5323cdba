/** `lab race-tune`, in-process: each group's pick as the engine's tuning makes it, and exit 2 for what the options must change. */
import { describe, expect, it } from 'vitest';
import { planTune, runTune } from '../engine/experiments/tune';
import { findPreset } from '../shared/presets';
import { validateScenario } from '../shared/validate';
import { lab } from './testing';

describe('lab race-tune', () => {
  it('prints the tuning the Race tab makes: each group’s pick, its trials and the race at those α', async () => {
    const r = await lab(['race-tune', 'race-valley', '--count', '3', '--epochs', '60', '--by-loss']);
    expect(r.code).toBe(0);
    const check = validateScenario(findPreset('race-valley')!.scenario);
    if (!check.ok) throw new Error(check.problems.join('\n'));
    const planned = planTune(check.scenario, { criterion: 'final-loss', decades: 2, count: 3, epochs: 60 });
    if (!planned.ok) throw new Error(planned.problems.join('\n'));
    expect(r.json()).toEqual(JSON.parse(JSON.stringify(await runTune(check.scenario, planned.plan))));
    expect(r.json().groups.map((g: { trials: unknown[] }) => g.trials.length)).toEqual([3, 3, 3, 3]);
  });

  it('exits 2 for a count out of range, a scenario without groups, and the steps criterion without a tolerance', async () => {
    const count = await lab(['race-tune', 'race-valley', '--count', '1']);
    expect(count.code).toBe(2);
    expect(count.stderr).toContain('--count: must be an integer from 2 to 50, not 1');
    const plain = await lab(['race-tune', 'valley']);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('race-tune needs a race (a scenario with at least 2 groups)');
    const tolerance = await lab(['race-tune', 'race-valley', '--set', 'tolerance=null']);
    expect(tolerance.code).toBe(2);
    expect(tolerance.stderr).toContain('(set a tolerance, or add --by-loss)');
    expect((await lab(['race-tune', 'race-valley', '--fast'])).code).toBe(2);
  });
});
