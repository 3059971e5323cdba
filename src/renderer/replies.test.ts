import { describe, expect, it } from 'vitest';
import { noReasons } from '../shared/stopping';
import type { FrameEvent } from '../shared/messages';
import { LabError, Replies, type PageEvent } from './replies';

const summary = { count: 1, converged: 0, diverged: 0, running: 1, bestLoss: 1, meanLoss: 1, reasons: noReasons() };
const frame = (epoch: number): FrameEvent => ({
  type: 'frame',
  epoch,
  step: epoch,
  status: 'paused',
  positions: new Float32Array(2),
  losses: new Float32Array(1),
  statuses: new Uint8Array(1),
  summary,
  best: null,
  selected: null,
});
const pong = (id: number): PageEvent => ({ type: 'pong', id });
const error: PageEvent = { type: 'error', message: 'the change was refused', problems: ['optimizer.alpha: must be a finite number > 0'] };

/** Settles pending promise callbacks so that `settled` can be read. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
function track<T>(promise: Promise<T>) {
  const out: { value?: T; error?: unknown; settled: boolean } = { settled: false };
  promise.then(
    (value) => Object.assign(out, { value, settled: true }),
    (error) => Object.assign(out, { error, settled: true }),
  );
  return out;
}

describe('Replies', () => {
  it('uses negative ping ids, two per call, so they never meet a caller’s own', () => {
    const replies = new Replies();
    const a = replies.open(false);
    const b = replies.open(false);
    expect([a.before, a.after, b.before, b.after]).toEqual([-1, -2, -3, -4]);
  });

  it('resolves a call without a frame at its closing pong', async () => {
    const replies = new Replies();
    const call = replies.open(false);
    const result = track(call.reply);
    expect(replies.accept(pong(call.before))).toBe(true);
    await flush();
    expect(result.settled).toBe(false);
    expect(replies.accept(pong(call.after))).toBe(true);
    await flush();
    expect(result.value).toEqual({ loaded: null, frame: null });
    expect(replies.pending).toBe(0);
  });

  it('rejects with the trainer’s problems when an error comes between the pongs, and claims it', async () => {
    const replies = new Replies();
    const call = replies.open(true);
    replies.accept(pong(call.before));
    expect(replies.accept(error)).toBe(true);
    replies.accept(pong(call.after));
    await expect(call.reply).rejects.toThrow(/the change was refused:\n {2}optimizer\.alpha: must be a finite number > 0/);
  });

  it('leaves an error outside every bracket unclaimed', () => {
    const replies = new Replies();
    const call = replies.open(false);
    expect(replies.accept(error)).toBe(false); // before pong(before): an earlier command's
    replies.accept(pong(call.before));
    replies.accept(pong(call.after));
    expect(replies.accept(error)).toBe(false);
  });

  it('ignores a frame sent before the command was handled, and waits for the next one', async () => {
    const replies = new Replies();
    const call = replies.open(true);
    const result = track(call.reply);
    replies.accept(frame(1)); // in flight when the command was sent
    replies.accept(pong(call.before));
    replies.accept(pong(call.after)); // the trainer had no frame request pending
    await flush();
    expect(result.settled).toBe(false);
    const after = frame(101);
    replies.accept(after);
    await flush();
    expect(result.value?.frame).toBe(after);
  });

  it('takes a frame sent between the pongs and the loaded event that came with it', async () => {
    const replies = new Replies();
    const call = replies.open(true);
    const loaded: PageEvent = {
      type: 'loaded',
      scenario: { name: 'bowl' },
      paramNames: ['x', 'y'],
      count: 1,
      axes: ['x', 'y'],
      range: [
        [-1, 1],
        [-1, 1],
      ],
    };
    const shown = frame(0);
    for (const event of [pong(call.before), loaded, shown, pong(call.after)]) replies.accept(event);
    expect(await call.reply).toEqual({ loaded, frame: shown });
  });

  it('gives one frame to every call it comes after', async () => {
    const replies = new Replies();
    const first = replies.open(true);
    const second = replies.open(true);
    for (const id of [first.before, first.after, second.before, second.after]) replies.accept(pong(id));
    const shown = frame(7);
    replies.accept(shown);
    expect((await first.reply).frame).toBe(shown);
    expect((await second.reply).frame).toBe(shown);
  });

  it('rejects every call in flight when abandoned', async () => {
    const replies = new Replies();
    const call = replies.open(true);
    replies.abandon('The trainer stopped unexpectedly and was restarted.');
    await expect(call.reply).rejects.toBeInstanceOf(LabError);
    await expect(call.reply).rejects.toThrow('restarted');
    expect(replies.pending).toBe(0);
  });
});
