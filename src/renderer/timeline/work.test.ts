/** What the long-work indicator says, from the trainer's progress reports. */
import { describe, expect, it } from 'vitest';
import { LongWork, workText } from './work';

describe('workText', () => {
  it('counts a step(n) in steps, with thousands separated', () => {
    expect(workText({ kind: 'step', step: 13_400, done: 3_400, count: 10_000 })).toBe('Stepping 3,400 / 10,000');
  });

  it('takes a report without a kind for a step (the trainer’s events before the kind existed)', () => {
    expect(workText({ step: 5, done: 5, count: 1_000_000 })).toBe('Stepping 5 / 1,000,000');
  });

  it('names a seek’s target: the replay began at step − done and ends count steps later', () => {
    // A replay from a snapshot at step 3,000 to step 8,000: 5,000 steps, 3,400 of them done, at step 6,400.
    expect(workText({ kind: 'seek', step: 6_400, done: 3_400, count: 5_000 })).toBe('Seeking step 8,000: 3,400 / 5,000 replayed');
  });
});

describe('LongWork', () => {
  it('shows nothing until a report, then its text and fill, and nothing once it has ended', () => {
    const work = new LongWork();
    expect([work.text, work.fraction]).toEqual([null, 0]);
    work.progress({ kind: 'step', step: 2_500, done: 2_500, count: 10_000 });
    expect([work.text, work.fraction]).toEqual(['Stepping 2,500 / 10,000', 0.25]);
    work.ended();
    expect([work.text, work.fraction]).toEqual([null, 0]);
  });

  it('asks for a stop once while work runs, says so, and forgets it when the work ends', () => {
    const work = new LongWork();
    expect(work.stop()).toBe(false); // nothing to stop
    work.progress({ kind: 'seek', step: 100, done: 100, count: 400 });
    expect(work.stop()).toBe(true);
    expect(work.stop()).toBe(false); // one pause is enough
    expect(work.text).toBe('Seeking step 400: 100 / 400 replayed · stopping…');
    work.progress({ kind: 'seek', step: 150, done: 150, count: 400 }); // a report sent before the pause arrived
    expect(work.stopping).toBe(true);
    work.ended();
    expect(work.stopping).toBe(false);
    work.progress({ kind: 'step', step: 1, done: 1, count: 2 });
    expect(work.stop()).toBe(true);
  });
});
