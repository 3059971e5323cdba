/**
 * Undo of a replaced cloud (issue 22): an undoable load keeps the run it replaces, and `undo` resumes it
 * exactly (positions, optimizer state, history, playing), once; anything else that loads forgets it.
 */
import { describe, expect, it } from 'vitest';
import { findPreset } from '../shared/presets';
import { harness } from './testing';

// Adam on Rosenbrock (1,000 particles): its moments are state a reload would lose, so resuming it exactly
// shows that the run itself came back, not a rebuilt one.
const cloud = findPreset('rosenbrock')!.scenario;
const onePoint = { ...cloud, init: { points: [[0.5, 0.5]] } };

/** The frame after `count` more steps, as plain arrays to compare. */
async function after(h: ReturnType<typeof harness>, count: number) {
  await h.send({ type: 'step', count }, { type: 'request-frame' });
  const frame = h.last('frame')!;
  return { step: frame.step, positions: Array.from(frame.positions), losses: Array.from(frame.losses), summary: frame.summary };
}

describe('undo', () => {
  it('resumes the replaced run exactly: the same frames as a run that was never replaced', async () => {
    const straight = harness();
    await straight.send({ type: 'load', scenario: cloud });
    await after(straight, 30);
    const expected = await after(straight, 20);

    const h = harness();
    await h.send({ type: 'load', scenario: cloud });
    await after(h, 30);
    await h.send({ type: 'load', scenario: onePoint, undoable: true });
    expect(h.last('loaded')).toMatchObject({ count: 1, undo: true });
    await after(h, 5); // the new start runs a little before the undo
    await h.send({ type: 'undo' });
    expect(h.last('loaded')).toMatchObject({ count: 1000, undo: false });
    expect(await after(h, 20)).toEqual(expected);
    expect(expected.step).toBe(50);
  });

  it('brings back the playing state, and the history: a seek into the restored run replays it', async () => {
    const h = harness();
    await h.send({ type: 'load', scenario: cloud }, { type: 'step', count: 12 }, { type: 'play' });
    await h.send({ type: 'load', scenario: onePoint, undoable: true }, { type: 'request-frame' });
    expect(h.last('frame')!.status).toBe('paused'); // a load pauses
    await h.send({ type: 'undo' }, { type: 'pause' }, { type: 'request-frame' });
    const events = h.events.slice(h.events.findLastIndex((e) => e.type === 'loaded'));
    expect(events.some((e) => e.type === 'history' && e.furthest >= 12)).toBe(true);
    await h.send({ type: 'seek', step: 12 }, { type: 'request-frame' });
    expect(h.last('frame')).toMatchObject({ step: 12, status: 'paused' });
  });

  it('resumes playing when the replaced run was playing', async () => {
    const h = harness();
    await h.send({ type: 'load', scenario: cloud }, { type: 'play' });
    await h.send({ type: 'load', scenario: onePoint, undoable: true });
    await h.send({ type: 'undo' }, { type: 'request-frame' });
    expect(h.last('frame')!.status).toBe('running');
  });

  it('is refused with nothing to undo, and works once: a second undo is refused', async () => {
    const h = harness();
    await h.send({ type: 'load', scenario: cloud }, { type: 'undo' });
    expect(h.last('error')).toMatchObject({ message: 'nothing to undo' });
    await h.send({ type: 'load', scenario: onePoint, undoable: true }, { type: 'undo' });
    expect(h.last('loaded')).toMatchObject({ count: 1000, undo: false });
    const errors = h.events.filter((e) => e.type === 'error').length;
    await h.send({ type: 'undo' });
    expect(h.events.filter((e) => e.type === 'error')).toHaveLength(errors + 1);
    expect(h.last('loaded')!.count).toBe(1000);
  });

  it('is forgotten by any other load: a preset, a reset, a structural change', async () => {
    for (const forget of [{ type: 'load', scenario: cloud }, { type: 'reset' }, { type: 'set', path: 'init.count', value: 10 }]) {
      const h = harness();
      await h.send({ type: 'load', scenario: cloud }, { type: 'load', scenario: { ...cloud, init: { ...cloud.init, count: 5 } }, undoable: true });
      expect(h.last('loaded')!.undo).toBe(true);
      await h.send(forget);
      expect(h.last('loaded')!.undo, forget.type).toBe(false);
      await h.send({ type: 'undo' });
      expect(h.last('error')).toMatchObject({ message: 'nothing to undo' });
    }
  });
});
