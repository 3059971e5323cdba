/**
 * The trainer in a real child process (child_process.fork of the bundled node host, the test stand-in for
 * Electron's utility process): frames as typed arrays, hot changes, reset, flow control with a slow consumer,
 * the child's memory over thousands of frames, and a storm of injected crashes caught by the supervisor.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TrainerSupervisor, type TrainerProcess } from '../main/supervisor';
import { decodeFrame } from '../shared/frame-codec';
import type { FrameMessage, TrainerCommand, TrainerEvent } from '../shared/messages';
import { findPreset } from '../shared/presets';
import type { ScenarioInput } from '../shared/scenario';
// @ts-expect-error: a plain .mjs script without type declarations
import { buildNodeTrainer } from '../../scripts/build-node-trainer.mjs';

type Message = TrainerEvent | { type: 'memory'; rss: number; heapUsed: number; arrayBuffers: number };

/** A forked node host as a TrainerProcess, keeping what it sends until the test takes it. */
class ForkedTrainer implements TrainerProcess {
  readonly child: ChildProcess;
  private inbox: Message[] = [];
  private waiters: (() => void)[] = [];
  private listeners: ((message: unknown) => void)[] = [];
  exitReason: string | null = null;

  constructor(entry: string, private readonly keep = true) {
    // A small old space makes the `oom` fault die in a fraction of a second; --expose-gc steadies `memory`.
    this.child = fork(entry, [], {
      serialization: 'advanced',
      execArgv: ['--max-old-space-size=64', '--expose-gc'],
      env: { ...process.env, DESCENT_TRAINER_FAULTS: '1' },
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'], // injected crashes print stacks: keep the report quiet
    });
    children.add(this.child);
    this.child.on('message', (message: Message) => {
      if (this.keep) this.inbox.push(message);
      for (const listener of this.listeners) listener(message);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.child.on('exit', (code, signal) => (this.exitReason = signal ? `signal ${signal}` : `exit code ${code}`));
    this.child.on('error', () => {}); // a send racing the child's death: its exit says what happened
  }
  post(message: unknown): void {
    if (this.child.connected) this.child.send(message as TrainerCommand);
  }
  onMessage(listener: (message: unknown) => void): void {
    this.listeners.push(listener);
  }
  onExit(listener: (reason: string) => void): void {
    this.child.on('exit', () => listener(this.exitReason!));
  }
  kill(): void {
    this.child.kill('SIGKILL'); // certain to end a host stuck in a busy loop
  }
  /** The first kept message of this type (earlier ones of other types stay kept). */
  async next<T extends Message['type']>(type: T, timeoutMs = 10_000): Promise<Extract<Message, { type: T }>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.inbox.findIndex((m) => m.type === type);
      if (index >= 0) return this.inbox.splice(index, 1)[0] as Extract<Message, { type: T }>;
      if (Date.now() > deadline) throw new Error(`no "${type}" within ${timeoutMs} ms (exit: ${this.exitReason})`);
      await new Promise<void>((wake) => (this.waiters.push(wake), setTimeout(wake, 50)));
    }
  }
  async frame(): Promise<FrameMessage> {
    this.post({ type: 'request-frame' });
    return this.next('frame');
  }
}

const children = new Set<ChildProcess>();
let entry = '';

beforeAll(async () => {
  entry = await buildNodeTrainer(); // ≈ 1.5 s
}, 60_000);
afterEach(() => {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
});
afterAll(() => rmSync(dirname(entry), { recursive: true, force: true }));

const bowlCloud = findPreset('bowl-cloud')!.scenario;
const onePoint: ScenarioInput = { version: 1, name: 'one', model: { kind: 'surface', fn: 'bowl' }, init: { points: [[0, 0]] }, optimizer: { kind: 'gd', alpha: 0.1 }, epochs: 100 };

describe('the trainer in a forked process', () => {
  it('loads a preset and streams frames whose positions are Uint16 codes, 2·count of them', async () => {
    const trainer = new ForkedTrainer(entry);
    trainer.post({ type: 'load', scenario: bowlCloud });
    expect(await trainer.next('loaded')).toMatchObject({ count: 1000, scenario: { name: 'bowl-cloud' } });
    trainer.post({ type: 'play' });
    for (let k = 1; k <= 5; k++) {
      const frame = await trainer.frame();
      expect(frame.positions).toBeInstanceOf(Uint16Array); // shared/frame-codec.ts
      expect(frame.positions.length).toBe(2000);
      expect(frame.step).toBe(k);
    }
  });

  it('applies a hot learning-rate change at the next step: α 0.1 then 0.5 from (0, 0) lands on (1, 2)', async () => {
    const trainer = new ForkedTrainer(entry);
    trainer.post({ type: 'load', scenario: onePoint });
    trainer.post({ type: 'step', count: 1 });
    // One step of α = 0.1 on (x−1)² + (y−2)²: (0, 0) − 0.1·(−2, −4) = (0.2, 0.4).
    expect([...decodeFrame(await trainer.frame()).positions]).toEqual([Math.fround(0.2), Math.fround(0.4)]);
    trainer.post({ type: 'set', path: 'optimizer.alpha', value: 0.5 });
    trainer.post({ type: 'step', count: 1 });
    // Closed form: each step multiplies the distance to (1, 2) by 1 − 2α, which is 0 for α = 0.5.
    const frame = await trainer.frame();
    expect(frame.step).toBe(2);
    expect([...decodeFrame(frame).positions]).toEqual([1, 2]);
  });

  it('returns to the initial cloud on reset', async () => {
    const trainer = new ForkedTrainer(entry);
    trainer.post({ type: 'load', scenario: bowlCloud });
    // Decoded: on the bowl, gd shrinks the cloud toward (1, 2) uniformly, and codes (relative to each frame's
    // own scales) would not see it.
    const initial = decodeFrame(await trainer.frame());
    trainer.post({ type: 'step', count: 10 });
    expect(decodeFrame(await trainer.frame()).positions).not.toEqual(initial.positions);
    trainer.post({ type: 'reset' });
    const reset = decodeFrame(await trainer.frame());
    expect(reset.step).toBe(0);
    expect(reset.positions).toEqual(initial.positions);
  });
});

describe('flow control and memory', () => {
  const tenThousand: ScenarioInput = { ...bowlCloud, name: 'ten-thousand', init: { dist: 'uniform', min: [-3, -2], max: [5, 6], count: 10_000 }, epochs: 10_000_000, tolerance: null };

  /** A playing 10k-particle trainer and a consumer that takes whatever frames have arrived. */
  function playingCloud() {
    const trainer = new ForkedTrainer(entry, false);
    let pending: FrameMessage[] = [];
    let received = 0;
    let wake = () => {};
    trainer.onMessage((message) => {
      if ((message as Message).type === 'frame') pending.push(message as FrameMessage), received++, wake();
    });
    trainer.post({ type: 'load', scenario: tenThousand });
    trainer.post({ type: 'play' });
    const take = async () => {
      while (pending.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const taken = pending;
      pending = [];
      return taken;
    };
    /** Frames as fast as the trainer makes them; returns the time per frame. */
    const fullSpeed = async (count: number) => {
      const started = performance.now();
      for (let k = 0; k < count; k++) trainer.post({ type: 'request-frame' }), await take();
      return (performance.now() - started) / count;
    };
    // Listens until the memory reply itself: other messages (a late frame, a history event) may come first.
    const memory = () =>
      new Promise<Extract<Message, { type: 'memory' }>>((resolve) => {
        const listener = (m: Message) => {
          if (m.type !== 'memory') return;
          trainer.child.off('message', listener);
          resolve(m);
        };
        trainer.child.on('message', listener);
        trainer.post({ type: 'fault', kind: 'memory' });
      });
    return { trainer, take, fullSpeed, memory, received: () => received };
  }

  it('a consumer 5× slower than the trainer never has more than two frames pending, and gets only what it asked for', async () => {
    const cloud = playingCloud();
    await cloud.fullSpeed(100); // the load and the JIT's warm-up stay out of the measured pace
    const producerMs = await cloud.fullSpeed(100);
    let mostPending = 0;
    for (let k = 0; k < 300; k++) {
      cloud.trainer.post({ type: 'request-frame' });
      await sleep(5 * producerMs); // the consumer's own work: five frames' worth of the trainer's time
      const taken = await cloud.take();
      mostPending = Math.max(mostPending, taken.length);
      expect(taken.at(-1)!.positions.length).toBe(20_000);
    }
    console.info(`flow: ${producerMs.toFixed(2)} ms per frame at 10k particles; consumer waits ${(5 * producerMs).toFixed(1)} ms; most pending ${mostPending}`);
    expect(mostPending).toBeLessThanOrEqual(2);
    expect(cloud.received()).toBe(500); // one frame per request: nothing unasked
  }, 30_000);

  it('keeps the child’s memory flat over 4000 frames of a 10k-particle cloud', async () => {
    const cloud = playingCloud();
    await cloud.fullSpeed(300); // warm-up: JIT, the serializer's buffers
    const before = await cloud.memory();
    const samples = [before];
    for (let k = 0; k < 4; k++) await cloud.fullSpeed(1000), samples.push(await cloud.memory());
    const after = samples.at(-1)!;
    const row = (key: 'heapUsed' | 'arrayBuffers' | 'rss') => `${key} ${samples.map((s) => mb(s[key])).join(' → ')} MB`;
    console.info(`memory after each 1000 frames (after a GC): ${row('heapUsed')}; ${row('arrayBuffers')}; ${row('rss')}`);
    // Bounds, after a GC: the JS heap grows by less than 20 % of its warmed-up size; typed arrays by less than
    // 4 MB (a frame is 130 kB, so 4000 kept frames would be 520 MB; a few MB of serializer buffers come and go);
    // rss by less than 64 MB (it measured a one-time step of ≈ 15 MB around frame 3000, then flat).
    expect(after.heapUsed).toBeLessThan(before.heapUsed * 1.2);
    expect(after.arrayBuffers).toBeLessThan(before.arrayBuffers + 4 * 2 ** 20);
    expect(after.rss).toBeLessThan(before.rss + 64 * 2 ** 20);
  }, 120_000); // ≈ 5 s alone; the whole suite shares two cores with it
});

describe('supervised crashes', () => {
  // 52 crashes, interleaved; the expected reason of each kind is what the supervisor's notice quotes.
  // A hang injected before the new child's first pong is reported as one "within 5 s of starting": both are right.
  const expected = { exit: 'exit code 3', throw: 'exit code 1', abort: 'signal SIGABRT', oom: 'signal SIGABRT', hang: /no answer (for 1\.5 s|within 5 s of starting)/ };
  const counts = { exit: 12, throw: 12, abort: 12, oom: 10, hang: 6 };
  const kinds = Array.from({ length: 12 }, (_, round) => (Object.keys(counts) as (keyof typeof counts)[]).filter((kind) => round < counts[kind])).flat();

  it(`detects ${kinds.length} injected crashes and restarts each time with the same scenario, speed and play state`, async () => {
    const notices: string[] = [];
    let latest!: ForkedTrainer;
    const supervisor = new TrainerSupervisor({
      spawn: () => (latest = new ForkedTrainer(entry)),
      onStarted: (_process, notice) => notice && notices.push(notice),
      onGaveUp: (reason) => notices.push(reason),
      // Wide enough that a busy machine (the whole suite on two cores) never passes for a hang before an exit is seen.
      heartbeatMs: 250,
      hangMs: 1500,
      startupMs: 5000, // booting a child takes 150–300 ms here, more when the machine is busy
      maxCrashes: 1000, // the give-up policy has its own unit tests
    });
    supervisor.start();
    latest.post({ type: 'load', scenario: bowlCloud });
    latest.post({ type: 'speed', stepsPerFrame: 7 });
    latest.post({ type: 'play' });
    expect((await latest.frame()).step).toBe(7); // by now the supervisor holds the checkpoint of `play`

    const timings: Record<string, number[]> = {};
    for (const [index, kind] of kinds.entries()) {
      const crashed = latest;
      const started = performance.now();
      crashed.post({ type: 'fault', kind });
      while (latest === crashed) await sleep(2);
      const detected = performance.now() - started;
      // A hang is restarted paused (never replayed into the work that hung it); any other crash plays on.
      const hung = kind === 'hang';
      expect(notices[index]).toMatch(hung ? /^The trainer stopped answering \((.*)\) and was restarted with your scenario, paused\.$/ : /^The trainer stopped unexpectedly \((.*)\) and was restarted with your scenario\.$/);
      expect(notices[index]).toMatch(expected[kind]);
      expect(await latest.next('loaded')).toMatchObject({ count: 1000, scenario: { name: 'bowl-cloud' } });
      if (hung) {
        expect(await latest.frame()).toMatchObject({ step: 0, status: 'paused' });
        latest.post({ type: 'play' }); // as the user would: speed 7 was restored
      }
      // A frame after the replay: speed 7 and play were restored, so the first requested frame is step 7.
      const frame = await latest.frame();
      expect(frame).toMatchObject({ step: 7, status: 'running' });
      expect(frame.positions.length).toBe(2000);
      (timings[kind] ??= []).push(detected);
      if (crashed.child.exitCode === null && crashed.child.signalCode === null) await new Promise((resolve) => crashed.child.once('exit', resolve));
    }
    supervisor.dispose();
    expect(notices).toHaveLength(kinds.length);
    const mean = (values: number[]) => (values.reduce((a, b) => a + b, 0) / values.length).toFixed(0);
    console.info(`crash → restart (ms, mean of each kind): ${Object.entries(timings).map(([kind, t]) => `${kind} ${mean(t)}`).join(', ')}`);
  }, 180_000); // ≈ 20 s alone (6 hangs at 1.5 s each); the whole suite shares two cores with it
});

describe('a heavy run under the supervisor (issue 21)', () => {
  // The issue's run: 100,000 Adam particles on Rosenbrock at 10,000 steps a frame, both within the panel's
  // limits. Its 10,000 steps take about 11 s; unsliced, the host answered no ping meanwhile and was killed.
  const heavy: ScenarioInput = {
    version: 1,
    name: 'heavy',
    model: { kind: 'surface', fn: 'rosenbrock' },
    init: { dist: 'uniform', min: [-2, -1], max: [2, 3], count: 100_000 },
    optimizer: { kind: 'adam', alpha: 0.01 },
    tolerance: null,
    epochs: 10_000_000,
  };

  it('is never taken for a hang, sends frames as it goes, and pauses before the frame’s steps are done', async () => {
    const notices: string[] = [];
    let latest!: ForkedTrainer;
    let spawned = 0;
    const supervisor = new TrainerSupervisor({
      spawn: () => (spawned++, (latest = new ForkedTrainer(entry))),
      onStarted: (_process, notice) => notice && notices.push(notice),
      onGaveUp: (reason) => notices.push(reason),
      // The default heartbeat, and a hang limit well inside one unsliced 10,000-step frame (≈ 11 s here).
      heartbeatMs: 1000,
      hangMs: 3000,
      startupMs: 10_000,
    });
    supervisor.start();
    latest.post({ type: 'load', scenario: heavy });
    latest.post({ type: 'speed', stepsPerFrame: 10_000 });
    latest.post({ type: 'play' });
    expect(await latest.next('loaded', 30_000)).toMatchObject({ count: 100_000 });
    // Eight frames: each cut short by time (fewer steps than 10,000 a frame), the run moving on each time.
    const steps: number[] = [];
    for (let k = 0; k < 8; k++) {
      latest.post({ type: 'request-frame' });
      const frame = await latest.next('frame', 20_000);
      expect(frame.status).toBe('running');
      steps.push(frame.step);
    }
    expect(steps.every((step, k) => step > (k ? steps[k - 1] : 0) && step < 10_000 * (k + 1))).toBe(true);
    // A pause while a frame's steps run: its frame shows fewer steps than the frame would have had.
    latest.post({ type: 'request-frame' });
    await sleep(100);
    latest.post({ type: 'pause' });
    const paused = await latest.next('frame', 20_000);
    expect(paused.status).toBe('paused');
    expect(paused.step).toBeLessThan(steps.at(-1)! + 10_000);
    expect(spawned).toBe(1);
    expect(notices).toEqual([]);
    supervisor.dispose();
    console.info(`heavy run: frames at steps ${steps.join(', ')}; paused at ${paused.step}`);
  }, 120_000);

  // A measurement, not a test (performance is measured, never asserted on time): the issue's "done when",
  // with the supervisor's defaults (1 s heartbeat, 5 s hang). DESCENT_MEASURE_HEAVY=1 npx vitest run src/trainer/node-host.test.ts -t measure
  it.runIf(process.env.DESCENT_MEASURE_HEAVY === '1')('measure: 30 s of the heavy run under the default supervisor', async () => {
    let spawned = 0;
    let latest!: ForkedTrainer;
    const supervisor = new TrainerSupervisor({ spawn: () => (spawned++, (latest = new ForkedTrainer(entry))), onStarted: () => {}, onGaveUp: () => {} });
    supervisor.start();
    latest.post({ type: 'load', scenario: heavy });
    latest.post({ type: 'speed', stepsPerFrame: 10_000 });
    latest.post({ type: 'play' });
    await latest.next('loaded', 30_000);
    const started = performance.now();
    let last = started;
    let longest = 0;
    let frames = 0;
    let step = 0;
    while (performance.now() - started < 30_000) {
      latest.post({ type: 'request-frame' });
      step = (await latest.next('frame', 30_000)).step;
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      frames++;
    }
    latest.post({ type: 'request-frame' });
    await sleep(100);
    const pausedAt = performance.now();
    latest.post({ type: 'pause' });
    let paused = await latest.next('frame', 30_000);
    while (paused.status !== 'paused') paused = await latest.next('frame', 30_000);
    const pauseMs = performance.now() - pausedAt;
    supervisor.dispose();
    console.info(`heavy run, 30 s: ${frames} frames up to step ${step}, longest gap ${longest.toFixed(0)} ms; processes started ${spawned}; pause answered in ${pauseMs.toFixed(0)} ms (step ${paused.step})`);
    expect(spawned).toBe(1);
  }, 120_000);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
