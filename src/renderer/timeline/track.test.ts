/** The timeline's state: the furthest step as the trainer tells it, and seeks sent one at a time, latest first. */
import { describe, expect, it } from 'vitest';
import { Track } from './track';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the furthest step', () => {
  it('grows with the run and stays put when the run is replayed to an earlier step', () => {
    const track = new Track(async () => {});
    for (const step of [0, 10, 40]) track.frame(step);
    track.frame(20); // a seek's frame
    expect([track.position, track.furthest]).toEqual([20, 40]);
  });

  it('follows the trainer when a step forward inside the history makes it forget what came after', () => {
    const track = new Track(async () => {});
    for (const step of [0, 40, 20, 21]) track.frame(step);
    expect(track.furthest).toBe(40); // the frame alone cannot tell: the trainer's event does
    track.history(21);
    expect([track.position, track.furthest]).toEqual([21, 21]);
  });

  it('never shows a furthest step behind the step shown', () => {
    const track = new Track(async () => {});
    track.frame(30);
    track.history(12);
    expect(track.furthest).toBe(30);
  });

  it('goes back to 0 on a new run', () => {
    const track = new Track(async () => {});
    track.frame(40);
    track.loaded();
    track.frame(0);
    expect([track.position, track.furthest]).toEqual([0, 0]);
  });
});

describe('seeking', () => {
  it('sends one seek at a time, and after it only the latest position asked for', async () => {
    const sent: number[] = [];
    const gates: ReturnType<typeof deferred>[] = [];
    const track = new Track((step) => {
      sent.push(step);
      const gate = deferred();
      gates.push(gate);
      return gate.promise;
    });
    const first = track.seek(5);
    void track.seek(6);
    void track.seek(7);
    expect(sent).toEqual([5]);
    expect(track.seeking).toBe(true);
    gates[0].resolve();
    await Promise.resolve();
    await Promise.resolve();
    expect(sent).toEqual([5, 7]);
    gates[1].resolve();
    await first;
    expect(track.seeking).toBe(false);
  });

  it('frames during a seek do not move the furthest step back', () => {
    const track = new Track(() => new Promise(() => {}));
    for (const step of [0, 40]) track.frame(step);
    void track.seek(10);
    track.frame(10);
    track.frame(12);
    expect(track.furthest).toBe(40);
  });
});
