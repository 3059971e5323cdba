/**
 * An optimizer race through the trainer: the groups are told once (names and each particle's group) in
 * `loaded`, each frame carries one summary per group, and replay and hot changes work on a race as on any run.
 */
import { describe, expect, it } from 'vitest';
import { createRace } from '../engine/experiments/race';
import { findPreset } from '../shared/presets';
import { validateScenario } from '../shared/validate';
import { harness } from './testing';

const valleyRace = findPreset('race-valley')!.scenario;

describe('a race in the trainer', () => {
  it('tells the groups once, in `loaded`: names and the group of each particle', async () => {
    const h = harness();
    await h.send({ type: 'load', scenario: valleyRace });
    const loaded = h.last('loaded')!;
    expect(loaded.count).toBe(4 * 200);
    expect(loaded.groups!.names).toEqual(['GD', 'Momentum', 'Nesterov', 'Adam']);
    const of = loaded.groups!.of;
    expect(of.length).toBe(800);
    expect([of[0], of[199], of[200], of[599], of[600], of[799]]).toEqual([0, 0, 1, 2, 3, 3]);
  });

  it('sends each group’s summary with every frame, as the engine’s race computes it', async () => {
    const h = harness();
    await h.send({ type: 'load', scenario: valleyRace }, { type: 'step', count: 60 }, { type: 'request-frame' });
    const frame = h.last('frame')!;
    const check = validateScenario(valleyRace);
    if (!check.ok) throw new Error(check.problems.join('\n'));
    const race = await createRace(check.scenario);
    for (let k = 0; k < 60; k++) race.advance();
    expect(frame.step).toBe(60);
    expect(frame.groups).toEqual(race.groupSummaries());
    expect(frame.summary.count).toBe(800);
  });

  it('sends no groups for a plain run', async () => {
    const h = harness();
    await h.send({ type: 'load', scenario: findPreset('valley')!.scenario }, { type: 'request-frame' });
    expect(h.last('loaded')!.groups).toBeUndefined();
    expect(h.last('frame')!.groups).toBeUndefined();
  });

  it('replays a race exactly (seek back, then forward)', async () => {
    const h = harness();
    await h.send({ type: 'load', scenario: valleyRace }, { type: 'step', count: 80 }, { type: 'request-frame' });
    const at80 = h.last('frame')!.groups;
    await h.send({ type: 'seek', step: 20 }, { type: 'request-frame' });
    expect(h.last('frame')!.step).toBe(20);
    await h.send({ type: 'seek', step: 80 }, { type: 'request-frame' });
    expect(h.last('frame')!.groups).toEqual(at80);
  });

  it('hands a hot change (the tolerance) to every group', async () => {
    const h = harness();
    await h.send(
      { type: 'load', scenario: valleyRace },
      { type: 'set', path: 'tolerance', value: 1e-3 },
      { type: 'step', count: 40 },
      { type: 'request-frame' },
    );
    // With a tolerance 10⁷ times coarser, every group has stopped some particles within 40 steps.
    for (const group of h.last('frame')!.groups!) expect(group.converged).toBeGreaterThan(0);
  });
});

describe('changing a race', () => {
  it('refuses a change to the top-level optimizer, which a race does not step with', async () => {
    const h = harness();
    await h.send({ type: 'load', scenario: valleyRace }, { type: 'set', path: 'optimizer.alpha', value: 0.01 });
    expect(h.last('error')).toEqual({
      type: 'error',
      message: 'the change was refused',
      problems: ['optimizer.alpha: a race steps each group with its own optimizer; change "groups" (the Race tab) instead'],
    });
  });

  it('restarts the race with the new groups when a group changes', async () => {
    const h = harness();
    await h.send(
      { type: 'load', scenario: valleyRace },
      { type: 'step', count: 5 },
      { type: 'set', path: 'groups.0.optimizer.alpha', value: 0.1 },
      { type: 'request-frame' },
    );
    expect(h.last('frame')!.step).toBe(0);
    expect((h.last('loaded')!.scenario as { groups: { optimizer: { alpha: number } }[] }).groups[0].optimizer.alpha).toBe(0.1);
  });
});
