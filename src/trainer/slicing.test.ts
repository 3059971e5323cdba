/**
 * Issue 21: a busy trainer is not a hung one. Work is done in slices with a yield between them, so messages
 * are handled while a frame's steps (or a long `step(n)`) run. Time here is a fake clock that moves 1 ms
 * each time it is read, so where a slice ends depends on the code, never on the machine's speed; the yield
 * is the real event loop's (setImmediate), so that a test can slip a message in between two slices.
 */
import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../shared/frame-codec';
import type { TrainerCommand, TrainerEvent } from '../shared/messages';
import type { ScenarioInput } from '../shared/scenario';
import { runLong, runUntil, type SliceTiming } from './slices';
import { harness } from './testing';

/** Adam on Rosenbrock, the heavy run at 1/5000 of its size. */
const heavy: ScenarioInput = {
  version: 1,
  name: 'heavy',
  model: { kind: 'surface', fn: 'rosenbrock' },
  init: { dist: 'uniform', min: [-2, -1], max: [2, 3], count: 20 },
  optimizer: { kind: 'adam', alpha: 0.01 },
  tolerance: null,
  epochs: 10_000_000,
};

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A clock read 1 ms apart, short slices, and a count of the yields (how many slices the work took). */
function fakeTiming(overrides: Partial<SliceTiming> = {}) {
  let time = 0;
  const counts = { yields: 0 };
  const timing: Partial<SliceTiming> = {
    now: () => ++time,
    yield: () => (counts.yields++, nextTurn()),
    // Chunks of 1, 2, 4 … 32 steps, then 32s until the 16th reading: about 130 steps a slice.
    sliceMs: 16,
    frameMs: 40,
    ...overrides,
  };
  return { timing, counts };
}

describe('runUntil', () => {
  it('takes `count` steps when the clock allows, and stops when the step says the run is over', () => {
    let steps = 0;
    expect(
      runUntil(
        1000,
        Infinity,
        () => 0,
        () => (steps++, true),
      ),
    ).toBe(1000);
    expect(
      runUntil(
        1000,
        Infinity,
        () => 0,
        () => steps++ < 1500,
      ),
    ).toBe(500);
  });

  it('stops at the first clock reading past `until`, after at least one step', () => {
    let time = 0;
    // Readings 1, then 2 after one step (a chunk of 1 that took 1 ms of the 2 left: it does not grow), 3,
    // then 4 after another step: 4 ≥ until, so 2 steps.
    expect(
      runUntil(
        1000,
        4,
        () => ++time,
        () => true,
      ),
    ).toBe(2);
    expect(
      runUntil(
        1000,
        -1,
        () => 0,
        () => true,
      ),
    ).toBe(1);
  });
});

describe('runLong', () => {
  const timing = (): SliceTiming => {
    let time = 0;
    return { now: () => ++time, yield: nextTurn, sliceMs: 16, frameMs: 40 };
  };

  it('ends when the step says there is no more to do, not stopped', async () => {
    let steps = 0;
    const result = await runLong(timing(), { count: 10_000, step: () => steps++ < 700, progress: () => {}, stopped: () => false });
    expect(result).toEqual({ done: 700, stopped: false });
  });

  it('asks whether it is stopped after each yield, and stops there; progress is told the steps done', async () => {
    let yields = 0;
    const told: number[] = [];
    const t = timing();
    const result = await runLong(
      { ...t, yield: () => (yields++, t.yield()) },
      { count: 1_000_000, step: () => true, progress: (done) => told.push(done), stopped: () => yields === 5 },
    );
    expect(result.stopped).toBe(true);
    expect(result.done).toBeGreaterThan(0);
    expect(result.done).toBeLessThan(1_000_000);
    expect(told.length).toBeGreaterThan(0);
    expect(told.every((done) => done > 0 && done <= result.done)).toBe(true);
  });
});

describe('slicing keeps the run exact', () => {
  // The same commands, unsliced (a clock that never moves: each piece of work is one slice) and in slices
  // of a few steps: the same steps in the same order, so the same numbers to the last bit.
  const commands: TrainerCommand[] = [
    { type: 'load', scenario: heavy },
    { type: 'step', count: 3000 },
    { type: 'set', path: 'optimizer.alpha', value: 0.002 }, // after the 3000 steps, however they were sliced
    { type: 'step', count: 1000 },
    { type: 'speed', stepsPerFrame: 2000 },
    { type: 'play' },
    { type: 'request-frame' },
  ];
  const run = async (timing: Partial<SliceTiming>) => {
    const h = harness(timing);
    await h.send(...commands);
    return { frame: h.last('frame')!, progress: h.events.filter((e) => e.type === 'progress') };
  };

  it('a run in hundreds of slices ends exactly where the same run in one go does', async () => {
    const whole = fakeTiming({ now: () => 0, frameMs: Infinity });
    const sliced = fakeTiming({ frameMs: Infinity });
    const [a, b] = [await run(whole.timing), await run(sliced.timing)];
    expect(whole.counts.yields).toBe(1); // the played frame's one slice, then the loop's turn
    expect(sliced.counts.yields).toBeGreaterThan(40); // 6000 steps, about 130 a slice
    expect(b.frame.step).toBe(6000);
    expect(a.frame.step).toBe(6000);
    expect(b.frame.summary).toEqual(a.frame.summary);
    expect(b.frame.best).toEqual(a.frame.best);
    expect(decodeFrame(b.frame).positions).toEqual(decodeFrame(a.frame).positions);
  });
});

describe('messages between slices while playing', () => {
  const playing = async (timing: Partial<SliceTiming>) => {
    const h = harness(timing);
    await h.send({ type: 'load', scenario: heavy }, { type: 'speed', stepsPerFrame: 10_000 }, { type: 'play' });
    return h;
  };

  it('a ping queued during a 10,000-step frame is answered before the frame’s steps finish', async () => {
    const h = await playing(fakeTiming({ frameMs: Infinity }).timing);
    h.trainer.receive({ type: 'request-frame' });
    await nextTurn(); // the frame's first slice has run; the trainer waits for its next turn
    h.trainer.receive({ type: 'ping', id: 7 });
    await h.trainer.idle();
    const order = h.events.filter((e) => e.type === 'pong' || e.type === 'frame').map((e) => e.type);
    expect(order).toEqual(['pong', 'frame']);
    expect(h.last('frame')!.step).toBe(10_000); // and the frame still has all its steps
  });

  it('a pause between slices stops the frame’s steps where they are, and a step then takes one more', async () => {
    const h = await playing(fakeTiming({ frameMs: Infinity }).timing);
    h.trainer.receive({ type: 'request-frame' });
    await nextTurn();
    await h.send({ type: 'pause' });
    expect(h.frames()).toHaveLength(1);
    const paused = h.last('frame')!;
    expect(paused.status).toBe('paused');
    expect(paused.step).toBeGreaterThan(0);
    expect(paused.step).toBeLessThan(10_000);
    await h.send({ type: 'step', count: 1 }, { type: 'request-frame' });
    expect(h.last('frame')).toMatchObject({ step: paused.step + 1, status: 'paused' });
  });

  it('a frame whose steps run late goes out with the steps done so far, and the next request carries on', async () => {
    const h = await playing(fakeTiming().timing); // a frame's steps are cut at 40 fake ms
    for (let k = 0; k < 3; k++) await h.send({ type: 'request-frame' });
    const steps = h.frames().map((f) => f.step);
    expect(steps).toHaveLength(3);
    expect(steps[0]).toBeGreaterThan(0);
    expect(steps[2]).toBeLessThan(10_000);
    expect(steps[1]).toBeGreaterThan(steps[0]);
    expect(steps[2]).toBeGreaterThan(steps[1]);
    expect(h.frames().every((f) => f.status === 'running')).toBe(true);
  });

  it('a change between slices is answered before the frame’s steps finish', async () => {
    const h = await playing(fakeTiming({ frameMs: Infinity }).timing);
    h.trainer.receive({ type: 'request-frame' });
    await nextTurn();
    h.trainer.receive({ type: 'set', path: 'optimizer.alpha', value: 0 }); // refused: its answer is an error
    await h.trainer.idle();
    expect(h.events.filter((e) => e.type === 'error' || e.type === 'frame').map((e) => e.type)).toEqual(['error', 'frame']);
    expect(h.last('frame')!.step).toBe(10_000);
  });

  it('a seek between slices stops playing and shows the step sought', async () => {
    const h = await playing(fakeTiming({ frameMs: Infinity }).timing);
    h.trainer.receive({ type: 'request-frame' });
    await nextTurn();
    await h.send({ type: 'seek', step: 0 });
    expect(h.frames().map((f) => [f.step, f.status])).toEqual([[0, 'paused']]);
  });
});

describe('a long step(n)', () => {
  it('reports progress as it goes: the run’s step and how many of its steps are done', async () => {
    const h = harness(fakeTiming().timing);
    await h.send({ type: 'load', scenario: heavy }, { type: 'step', count: 2000 }, { type: 'request-frame' });
    const progress = h.events.filter((e) => e.type === 'progress') as { step: number; done: number; count: number }[];
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((p) => p.count === 2000 && p.step === p.done && p.done < 2000)).toBe(true);
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    expect(h.last('frame')!.step).toBe(2000);
  });

  it('is cancelled by a pause that arrives while it runs: the steps taken stay, and the step is refused', async () => {
    const h = harness(fakeTiming().timing);
    await h.send({ type: 'load', scenario: heavy }, { type: 'request-frame' });
    h.trainer.receive({ type: 'step', count: 1_000_000 });
    await nextTurn();
    await nextTurn();
    await h.send({ type: 'pause' }, { type: 'request-frame' });
    const error = h.last('error')!;
    expect(error.message).toBe('the steps were cancelled by a pause');
    const taken = Number(/^step: (\d+) of 1000000 steps were taken$/.exec(error.problems[0])![1]);
    expect(taken).toBeGreaterThan(0);
    expect(h.last('frame')).toMatchObject({ step: taken, status: 'paused' });
  });

  it('keeps the order of commands: a pause sent before the step was begun does not cancel it', async () => {
    const h = harness(fakeTiming().timing);
    await h.send({ type: 'load', scenario: heavy }, { type: 'pause' }, { type: 'step', count: 500 }, { type: 'request-frame' });
    expect(h.last('error')).toBeUndefined();
    expect(h.last('frame')!.step).toBe(500);
  });
});

describe('a long seek', () => {
  /**
   * Leaves the run's history no room for a snapshot, so that every seek replays from step 0 (rebuilt from the
   * scenario, free): a cloud big enough for the trainer to decide that itself would take seconds a step.
   */
  const noSnapshots = (h: ReturnType<typeof harness>) => ((h.trainer as unknown as { history: { budget: number } }).history.budget = 0);
  /** The heavy run loaded and stepped 3000 times, in slices of about 130 steps (fakeTiming). */
  const stepped = async () => {
    const h = harness(fakeTiming().timing);
    await h.send({ type: 'load', scenario: heavy });
    noSnapshots(h);
    await h.send({ type: 'step', count: 3000 }, { type: 'request-frame' });
    expect(h.last('frame')!.step).toBe(3000);
    return h;
  };
  /** The frame of a run stepped `step` times in one go: what a seek there must show exactly. */
  const reference = async (step: number) => {
    const h = harness({ now: () => 0 });
    await h.send({ type: 'load', scenario: heavy }, { type: 'step', count: step }, { type: 'request-frame' });
    return h.last('frame')!;
  };

  it('replays in slices, reporting its progress as a seek, and lands exactly on the step sought', async () => {
    const h = await stepped();
    const before = h.events.length;
    await h.send({ type: 'seek', step: 2500 }, { type: 'request-frame' });
    const progress = h.events.slice(before).filter((e) => e.type === 'progress') as Extract<TrainerEvent, { type: 'progress' }>[];
    expect(progress.length).toBeGreaterThan(1);
    // Replayed from step 0 (no snapshot): the run's step is the steps replayed so far, of 2500.
    expect(progress.every((p) => p.kind === 'seek' && p.count === 2500 && p.step === p.done && p.done < 2500)).toBe(true);
    const frame = h.last('frame')!;
    const expected = await reference(2500);
    expect(frame).toMatchObject({ step: 2500, status: 'paused' });
    expect(decodeFrame(frame).positions).toEqual(decodeFrame(expected).positions);
    expect(frame.summary).toEqual(expected.summary);
  });

  it('is cancelled by a pause: the trainer says so, and shows the step the replay had reached, exactly', async () => {
    const h = await stepped();
    h.trainer.receive({ type: 'seek', step: 2500 });
    await nextTurn();
    await nextTurn();
    await h.send({ type: 'pause' }, { type: 'request-frame' });
    const error = h.last('error')!;
    expect(error.message).toBe('the seek was cancelled by a pause');
    const reached = Number(/^seek: replayed to step (\d+) of the 2500 sought$/.exec(error.problems[0])![1]);
    expect(reached).toBeGreaterThan(0);
    expect(reached).toBeLessThan(2500);
    const frame = h.last('frame')!;
    expect(frame).toMatchObject({ step: reached, status: 'paused' });
    expect(decodeFrame(frame).positions).toEqual(decodeFrame(await reference(reached)).positions);
    // The history beyond stays: a seek on reaches the furthest step, 3000.
    await h.send({ type: 'seek', step: 3000 }, { type: 'request-frame' });
    expect(h.last('frame')!.step).toBe(3000);
  });

  it('is superseded by a newer seek: no answer of its own, and one frame, of the newer seek’s step', async () => {
    const h = await stepped();
    const before = h.events.length;
    h.trainer.receive({ type: 'request-frame' });
    h.trainer.receive({ type: 'seek', step: 2500 });
    await nextTurn();
    await nextTurn();
    await h.send({ type: 'ping', id: 1 }, { type: 'seek', step: 1000 }, { type: 'ping', id: 2 });
    const after = h.events.slice(before).filter((e) => e.type !== 'progress');
    expect(after.map((e) => e.type)).toEqual(['pong', 'frame', 'pong']);
    const frame = h.last('frame')!;
    expect(frame).toMatchObject({ step: 1000, status: 'paused' });
    expect(decodeFrame(frame).positions).toEqual(decodeFrame(await reference(1000)).positions);
  });

  it('a seek behind another command supersedes nothing: the command applies where the first seek lands', async () => {
    const h = await stepped();
    h.trainer.receive({ type: 'seek', step: 2500 });
    await nextTurn();
    await h.send({ type: 'step', count: 1 }, { type: 'request-frame' });
    expect(h.last('frame')!.step).toBe(2501);
    h.trainer.receive({ type: 'seek', step: 2000 });
    await nextTurn();
    await h.send({ type: 'step', count: 1 }, { type: 'seek', step: 100 }, { type: 'request-frame' });
    expect(h.last('frame')!.step).toBe(100);
    expect(h.last('error')).toBeUndefined();
    // The step after the seek to 2000 recorded a new future from there: the history ends at 2001.
    expect(h.last('history')!.furthest).toBe(2001);
  });

  it('a malformed seek supersedes nothing: the running one reaches its step', async () => {
    const h = await stepped();
    h.trainer.receive({ type: 'seek', step: 2500 });
    await nextTurn();
    await h.send({ type: 'seek', step: -1 }, { type: 'request-frame' });
    expect(h.last('error')!.message).toBe('malformed message');
    expect(h.last('frame')!.step).toBe(2500);
  });
});
