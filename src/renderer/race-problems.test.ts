/** A race's validation problems name each group as the page shows it (issue 22). */
import { describe, expect, it } from 'vitest';
import { groupNames } from '../engine/experiments/race';
import { findPreset } from '../shared/presets';
import { validateScenario } from '../shared/validate';
import { groupName, nameGroupProblems } from './race-problems';
import { wiredLab } from './wired-lab.testing';

/** race-beale with a few fields broken, and the validator's own problem lines for it. */
function broken(change: (groups: Record<string, unknown>[]) => void) {
  const scenario = structuredClone(findPreset('race-beale')!.scenario) as unknown as { optimizer: unknown; groups: Record<string, unknown>[] };
  change(scenario.groups);
  scenario.optimizer = scenario.groups[0].optimizer; // as the Race tab builds it: the first group's
  const validation = validateScenario(scenario);
  if (validation.ok) throw new Error('expected problems');
  return { scenario, problems: validation.problems };
}

describe('nameGroupProblems', () => {
  it('names the group by its name and number, and the field as the panel does', () => {
    // race-beale's groups: GD, Momentum, AdaGrad, RMSprop, Adam.
    const { scenario, problems } = broken((g) => ((g[4].optimizer as { alpha: number }).alpha = -1));
    expect(problems).toEqual(['groups[4].optimizer.alpha: must be a finite number > 0']);
    expect(nameGroupProblems(problems, scenario)).toEqual(['Adam (group 5): learning rate α must be a finite number > 0']);
  });

  it('names every field a group can get wrong: its name, optimizer, β, β₁, an unknown key', () => {
    const { scenario, problems } = broken((g) => {
      g[1].name = '';
      (g[1].optimizer as { beta: number }).beta = 2;
      (g[2].optimizer as { kind: string }).kind = 'sgd';
      (g[4].optimizer as { beta1: number }).beta1 = 1;
      (g[3].optimizer as { typo: number }).typo = 1;
    });
    const named = nameGroupProblems(problems, scenario);
    expect(named).toContain('momentum α=0.005 (group 2): name must not be empty');
    expect(named).toContain('momentum α=0.005 (group 2): momentum β must be a number in (0, 1)');
    expect(named).toContain('AdaGrad (group 3): optimizer must be one of gd, momentum, nesterov, adagrad, rmsprop, adam, adamw, nadam, radam, lion');
    expect(named).toContain('Adam (group 5): β₁ must be a number in (0, 1)');
    expect(named).toContain('RMSprop (group 4): optimizer.typo: unknown key (a typo? see docs/scenario.md)');
    expect(named.some((line) => line.includes('groups['))).toBe(false);
  });

  it('says a first-group problem once: the top-level optimizer of a race is the same object', () => {
    const { scenario, problems } = broken((g) => ((g[0].optimizer as { alpha: number }).alpha = 0));
    expect(problems).toEqual(['optimizer.alpha: must be a finite number > 0', 'groups[0].optimizer.alpha: must be a finite number > 0']);
    expect(nameGroupProblems(problems, scenario)).toEqual(['GD (group 1): learning rate α must be a finite number > 0']);
  });

  it('leaves the race-wide lines, and every line of a scenario without groups, as they are', () => {
    const { scenario, problems } = broken((g) => g.splice(1));
    expect(nameGroupProblems(problems, scenario)).toEqual(problems);
    expect(problems.some((p) => p.startsWith('groups: '))).toBe(true);
    expect(nameGroupProblems(['optimizer.alpha: must be a finite number > 0'], findPreset('bowl')!.scenario)).toEqual([
      'optimizer.alpha: must be a finite number > 0',
    ]);
  });
});

describe('groupName', () => {
  it('is the name the race itself gives a valid group (engine groupNames), for named and unnamed groups', () => {
    const scenario = structuredClone(findPreset('race-valley')!.scenario);
    delete (scenario.groups![2] as { name?: string }).name;
    const validation = validateScenario(scenario);
    if (!validation.ok) throw new Error(validation.problems.join('\n'));
    const shown = groupNames(validation.scenario);
    expect(validation.scenario.groups!.map((g, i) => groupName(g, i))).toEqual(shown);
    expect(shown[2]).toBe('nesterov α=0.35');
  });

  it('is the group’s number when nothing of it can be read', () => {
    expect(groupName(null, 2)).toBe('Group 3');
  });
});

describe('Lab', () => {
  const wired = () => wiredLab().lab;

  it('rejects a race whose group is wrong naming the group, from a load and from a set of groups', async () => {
    const lab = wired();
    const race = structuredClone(findPreset('race-beale')!.scenario);
    await lab.load(race);
    const groups = structuredClone(race.groups!);
    groups[2].optimizer.alpha = -1;
    await expect(lab.set('groups', groups)).rejects.toMatchObject({ problems: ['AdaGrad (group 3): learning rate α must be a finite number > 0'] });
    await expect(lab.load({ ...race, groups })).rejects.toMatchObject({ problems: ['AdaGrad (group 3): learning rate α must be a finite number > 0'] });
  });
});
