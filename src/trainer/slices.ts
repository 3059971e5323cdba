/**
 * Time-bounded work for the trainer (issue 21): steps run in slices of a few tens of milliseconds, and the
 * trainer yields to its event loop between slices so that messages get in (a pause, a hot change, the
 * supervisor's ping). A host's event loop answers nothing while a slice runs: a slice must stay short.
 *
 * Time is injected (`SliceTiming`), so that tests decide when a slice ends by a fake clock and never by
 * the machine's speed.
 */

export interface SliceTiming {
  /** Milliseconds, monotonic. */
  now(): number;
  /** Resolves once the event loop has had a chance to deliver the messages waiting for it. */
  yield(): Promise<void>;
  /** The longest a slice of steps runs before the trainer yields (default 25 ms). */
  sliceMs: number;
  /** While playing, the longest a frame's steps run before a frame goes out with the steps done so far (250 ms). */
  frameMs: number;
}

type Scope = {
  performance?: { now(): number };
  setImmediate?: (callback: () => void) => unknown;
  MessageChannel?: new () => { port1: { onmessage: (() => void) | null }; port2: { postMessage(message: unknown): void } };
};
const scope = globalThis as unknown as Scope;

/**
 * The host's way to let messages in: setImmediate where there is one (Node, Electron's utility process: it
 * runs after the poll phase that delivers IPC), else a message to itself (a Web Worker, where a nested
 * setTimeout(0) is clamped to 4 ms and would cost a sixth of a 25 ms slice), else setTimeout(0).
 */
function hostYield(): () => Promise<void> {
  if (typeof scope.setImmediate === 'function') {
    const setImmediate = scope.setImmediate;
    return () => new Promise((resolve) => void setImmediate(resolve));
  }
  if (typeof scope.MessageChannel === 'function') {
    const channel = new scope.MessageChannel();
    const waiting: (() => void)[] = [];
    channel.port1.onmessage = () => waiting.shift()?.();
    return () =>
      new Promise((resolve) => {
        waiting.push(resolve);
        channel.port2.postMessage(null);
      });
  }
  return () => new Promise((resolve) => setTimeout(resolve, 0));
}

/** The real clock and event loop, with the defaults above. */
export function hostTiming(overrides: Partial<SliceTiming> = {}): SliceTiming {
  return {
    now: () => (scope.performance ? scope.performance.now() : Date.now()),
    yield: hostYield(),
    sliceMs: 25,
    frameMs: 250,
    ...overrides,
  };
}

/**
 * Runs `step` up to `count` times, until it returns false or the clock passes `until`; returns the steps
 * taken. The clock is read after a chunk of steps, not after each one (a step of one particle takes well
 * under a microsecond): a chunk doubles while it takes less than a quarter of the time left.
 */
export function runUntil(count: number, until: number, now: () => number, step: () => boolean): number {
  let taken = 0;
  let chunk = 1;
  while (taken < count) {
    const started = now();
    const end = Math.min(count, taken + chunk);
    while (taken < end && step()) taken++;
    if (taken < end) break; // the run stopped (done, every particle stopped)
    const time = now();
    if (time >= until) break;
    if ((time - started) * 4 < until - time) chunk *= 2;
  }
  return taken;
}

/** One long piece of work for `runLong`: a `step(n)`, or a seek's replay. */
export interface LongWork {
  /** Steps to take. */
  readonly count: number;
  /** One step; false when no more can be taken (the run is done, the replay has arrived). */
  step(): boolean;
  /** Told about every `frameMs` while the work lasts: the steps done so far. */
  progress(done: number): void;
  /** Asked after each yield: true stops the work there (a pause, a newer seek). */
  stopped(): boolean;
}

/**
 * Runs a long piece of work in slices of `sliceMs`, yielding to the event loop between them, so that the
 * messages that stop it get in. Resolves with the steps done and whether it was stopped before its end.
 */
export async function runLong(timing: SliceTiming, work: LongWork): Promise<{ done: number; stopped: boolean }> {
  const { now, sliceMs, frameMs } = timing;
  let done = 0;
  let ended = false;
  const step = () => work.step() || ((ended = true), false);
  let reported = now();
  for (;;) {
    done += runUntil(work.count - done, now() + sliceMs, now, step);
    if (done >= work.count || ended) return { done, stopped: false };
    if (now() - reported >= frameMs) {
      reported = now();
      work.progress(done);
    }
    await timing.yield();
    if (work.stopped()) return { done, stopped: true };
  }
}
