/**
 * The trainer stepping its cloud on threads (issue 17): the frames a page gets are the same bytes with no
 * threads and with 1, 2 and 3, through play, a hot change, a pause, a seek back and play again (a race's too); a thread that
 * fails is recovered from. The threads here run in this process (./serve.ts behind a message queue, each
 * message cloned as a worker's would be); node-host-threads.test.ts runs real worker threads. The expected
 * frames are the trainer's own without threads, which trainer.test.ts and the engine's tests hold to the references.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findPreset } from '../../shared/presets';
import type { ScenarioInput } from '../../shared/scenario';
import type { TrainerCommand, TrainerEvent } from '../../shared/messages';
import { Trainer } from '../trainer';
import { inProcessPool as threadsHere } from './in-process-pool.testing';
import type { PoolHost } from './pool';

/** Threads in this process (./in-process-pool.testing.ts), splitting small clouds as the command line does. */
const inProcessPool = (cores: number, fail?: (thread: number, order: number) => boolean) => threadsHere(cores, { particlesPerThread: 1024, fail });

/** A clock that never moves: slices and frames end by their step counts, never by the machine's speed. */
const frozen = { now: () => 0, yield: () => new Promise<void>((resolve) => setImmediate(resolve)) };

const bytes = (a: { buffer: ArrayBufferLike; byteOffset: number; byteLength: number }) =>
  Buffer.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)).toString('base64');

/** Everything a frame shows: its step and status, and a hash of the rest (a mismatch then prints short). */
function fingerprint(e: Extract<TrainerEvent, { type: 'frame' }>) {
  const shown = {
    step: e.step,
    epoch: e.epoch,
    status: e.status,
    positions: bytes(e.positions),
    losses: bytes(e.losses),
    statuses: bytes(e.statuses),
    summary: e.summary,
    best: e.best && { index: e.best.index, params: bytes(e.best.params) },
  };
  return `${e.step} ${e.status} ${createHash('sha256').update(JSON.stringify(shown)).digest('base64')}`;
}

/** Plays the script through a trainer, asking for a frame after each command and until each play is done. */
async function frames(script: TrainerCommand[], pool?: PoolHost) {
  const events: TrainerEvent[] = [];
  const trainer = new Trainer({ post: (e) => events.push(e) }, frozen, pool);
  for (const command of script) {
    trainer.receive(command);
    trainer.receive({ type: 'request-frame' });
    await trainer.idle();
    // While it plays, a frame per request, until the run is done or paused by the script's next command.
    const status = () => events.findLast((e) => e.type === 'frame')?.status;
    for (let k = 0; k < 40 && command.type === 'play' && status() === 'running'; k++) {
      trainer.receive({ type: 'request-frame' });
      await trainer.idle();
    }
  }
  const shown = events.filter((e) => e.type === 'frame').map(fingerprint);
  return { shown, events };
}

const cloud = (count: number, optimizer: ScenarioInput['optimizer'], epochs: number): ScenarioInput => ({
  version: 1,
  name: 'threads',
  model: { kind: 'surface', fn: 'rosenbrock' },
  init: { dist: 'gaussian', mean: [-1.5, 2], std: 0.5, count },
  optimizer,
  epochs,
  tolerance: 1e-9,
});

// Adam on Rosenbrock, 4,096 particles (up to 4 blocks of 1,024): a step(n), a rate change while paused, a seek back, a new future.
const adamScript: TrainerCommand[] = [
  { type: 'load', scenario: cloud(4096, { kind: 'adam', alpha: 0.05 }, 40) },
  { type: 'speed', stepsPerFrame: 3 },
  { type: 'step', count: 5 },
  { type: 'play' },
  { type: 'pause' },
  { type: 'set', path: 'optimizer.alpha', value: 0.02 },
  { type: 'seek', step: 10 },
  { type: 'play' },
];

describe('the trainer on threads', () => {
  it('sends the same frames with no threads and with 1, 2 and 3', async () => {
    const expected = await frames(adamScript);
    expect(expected.shown.length).toBeGreaterThan(10);
    expect(expected.shown.at(-1)).toMatch(/^40 done /);
    for (const cores of [1, 2, 3]) {
      const pool = inProcessPool(cores);
      const got = await frames(adamScript, pool);
      expect(got.shown).toEqual(expected.shown);
      expect(pool.spawned).toBe(cores === 1 ? 0 : cores);
      expect(got.events.filter((e) => e.type === 'threads').at(-1)).toEqual({ type: 'threads', used: cores, allowed: cores, cores, shared: true });
    }
  });

  it('steps a race on threads, each group split in blocks: the same frames with no threads and with 2 and 3', async () => {
    // The bowl (z = (x−1)² + (y−2)²) from 3,072 particles (three threads of 1,024), three groups: plain descent at α = 0.5 lands on the
    // minimum at once (its factor 1 − 2α is 0), so its group stops and is no longer ordered; the others run on.
    const race: ScenarioInput = {
      ...cloud(3072, { kind: 'gd', alpha: 0.5 }, 30),
      model: { kind: 'surface', fn: 'bowl' },
      groups: [
        { optimizer: { kind: 'gd', alpha: 0.5 } },
        { optimizer: { kind: 'momentum', alpha: 0.01, beta: 0.9 } },
        { optimizer: { kind: 'adam', alpha: 0.05 } },
      ],
    };
    const script: TrainerCommand[] = [
      { type: 'load', scenario: race },
      { type: 'speed', stepsPerFrame: 3 },
      { type: 'step', count: 4 },
      { type: 'play' },
      { type: 'pause' },
      { type: 'seek', step: 6 },
      { type: 'play' },
    ];
    const expected = await frames(script);
    const last = expected.events.findLast((e) => e.type === 'frame')!;
    expect(last.groups?.map((g) => g.running)).toEqual([0, 3072, 3072]);
    expect(expected.shown.at(-1)).toMatch(/^30 done /);
    for (const cores of [2, 3]) {
      const pool = inProcessPool(cores);
      const got = await frames(script, pool);
      expect(got.shown).toEqual(expected.shown);
      expect(pool.spawned).toBe(cores);
      expect(got.events.filter((e) => e.type === 'threads').at(-1)).toMatchObject({ used: cores });
    }
  });

  it('steps a cloud too small for two threads, and a race of such groups, on its own thread', async () => {
    const pool = inProcessPool(4);
    // 2,047 particles: under two threads' 1,024. A race of 4 × 1,024 (each group under two threads' share).
    const race = structuredClone(findPreset('race-valley')!.scenario) as ScenarioInput;
    race.init = { dist: 'gaussian', mean: [0, 0], std: 1, count: 1024 };
    race.epochs = 3;
    const { events } = await frames(
      [{ type: 'load', scenario: cloud(2047, { kind: 'adam', alpha: 0.05 }, 5) }, { type: 'play' }, { type: 'load', scenario: race }, { type: 'play' }],
      pool,
    );
    expect(pool.spawned).toBe(0);
    expect(events.find((e) => e.type === 'loaded' && e.count === 4096)).toBeDefined();
    expect(events.filter((e) => e.type === 'threads')).toMatchObject([
      { used: 1, allowed: 4 },
      { used: 1, allowed: 4 },
    ]);
  });

  it('takes the setting: at most `count` threads, every core again with null', async () => {
    const pool = inProcessPool(3);
    const trainer = new Trainer({ post: (e) => events.push(e) }, frozen, pool);
    const events: TrainerEvent[] = [];
    for (const command of [
      { type: 'threads', count: 2 },
      { type: 'load', scenario: cloud(4096, { kind: 'gd', alpha: 0.001 }, 5) },
      { type: 'threads', count: null },
    ]) {
      trainer.receive(command);
      await trainer.idle();
    }
    expect(events.filter((e) => e.type === 'threads').map((e) => (e as { used: number }).used)).toEqual([1, 2, 3]);
  });

  it('a thread that fails: the run is taken back, said, and goes on on one thread to the same frames', async () => {
    const expected = await frames(adamScript);
    // Thread 2 fails at its third order: the order's steps are half done when it does.
    const got = await frames(
      adamScript,
      inProcessPool(2, (thread, order) => thread === 1 && order === 3),
    );
    const errors = got.events.filter((e) => e.type === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      message: expect.stringContaining('a thread of the trainer failed') as string,
      problems: ['thread 2 failed: injected fault'],
    });
    expect(got.events.filter((e) => e.type === 'threads').at(-1)).toMatchObject({ used: 1, shared: false });
    // The frames of the steps the failed order took are not shown; every frame after is the run's own.
    const last = (shown: typeof expected.shown) => shown.slice(-5);
    expect(last(got.shown)).toEqual(last(expected.shown));
  });
});
