/**
 * The page's landscape on the trainer's threads (issue 17): the grid's rows spread over the threads give the
 * same event, bytes for bytes, as the trainer's own thread with 1, 2 and 3 threads; a pause stops handing
 * out rows and nothing hangs; a thread that fails is said, and the landscape is computed on one thread. The
 * threads run in this process (./serve.ts behind a message queue, each message cloned as a worker's would
 * be), as in ./trainer-threads.test.ts. The expected events are the trainer's own without threads, which
 * ../landscape.test.ts holds to the engine's job and the engine's tests to the Python reference.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LandscapeEvent } from '../../shared/landscape-messages';
import type { TrainerCommand, TrainerEvent } from '../../shared/messages';
import { findPreset } from '../../shared/presets';
import type { SliceTiming } from '../slices';
import { Trainer } from '../trainer';
import { inProcessPool as threadsHere } from './in-process-pool.testing';
import type { PoolHost } from './pool';

/** Threads in this process (./in-process-pool.testing.ts), counting the row ranges each is asked for. */
const inProcessPool = (cores: number, fail?: (thread: number, rowsOrder: number) => boolean) => threadsHere(cores, { counted: 'landscape-rows', fail });

/** A clock read 1 ms apart and frames of 4 ms: progress goes out while the rows come back. */
const ticking = (): Partial<SliceTiming> => {
  let time = 0;
  return { now: () => ++time, yield: () => new Promise<void>((resolve) => setImmediate(resolve)), sliceMs: 3, frameMs: 4 };
};

/** A trainer behind a recording port, with the pool (none: its own thread only). */
function harness(pool?: PoolHost) {
  const events: TrainerEvent[] = [];
  const trainer = new Trainer({ post: (e) => events.push(e) }, ticking(), pool);
  const send = async (...commands: TrainerCommand[]) => {
    for (const c of commands) trainer.receive(c);
    await trainer.idle();
  };
  const all = <T extends TrainerEvent['type']>(type: T) => events.filter((e) => e.type === type) as Extract<TrainerEvent, { type: T }>[];
  return { trainer, events, send, all };
}

/** Every field of a landscape event, its arrays as bytes: a hash, so that a mismatch prints short. */
function fingerprint(e: LandscapeEvent): string {
  const shown = Object.entries(e).map(([key, value]) => [key, ArrayBuffer.isView(value) ? Buffer.from(value.buffer).toString('base64') : value]);
  return createHash('sha256').update(JSON.stringify(shown)).digest('base64');
}

// The two-layer net (14 parameters, one particle, PCA of its path) and a linear fit of 200 particles on data
// drawn from the seed (filter directions): each thread builds the model and its data again from the scenario.
const cases: [string, TrainerCommand[]][] = [
  [
    'the two-layer net',
    [
      { type: 'load', scenario: findPreset('two-layer-net')!.scenario },
      { type: 'step', count: 20 },
      { type: 'landscape', directions: 'pca', grid: 17, span: 0.5 },
    ],
  ],
  [
    'a linear fit of 200 particles',
    [
      { type: 'load', scenario: findPreset('regression-tolerance')!.scenario },
      { type: 'step', count: 5 },
      { type: 'landscape', directions: 'filter', grid: 11, seed: 3 },
    ],
  ],
];

describe('the landscape on the trainer’s threads', () => {
  it.each(cases)('%s: the same event with no threads and with 1, 2 and 3', async (_, script) => {
    const own = harness();
    await own.send(...script);
    const expected = own.all('landscape');
    expect(expected).toHaveLength(1);
    expect(expected[0].loss.some(Number.isFinite)).toBe(true);
    for (const cores of [1, 2, 3]) {
      const pool = inProcessPool(cores);
      const h = harness(pool);
      await h.send(...script);
      expect(h.all('error')).toEqual([]);
      expect(h.all('landscape').map(fingerprint)).toEqual(expected.map(fingerprint));
      // One thread is the trainer's own; more, and every one of them took rows.
      expect(pool.spawned).toBe(cores === 1 ? 0 : cores);
      for (const orders of pool.counts) expect(orders).toBeGreaterThan(0);
      const done = h.all('landscape-progress').map((p) => p.done);
      expect(done.length).toBeGreaterThan(0);
      expect(done).toEqual([...done].sort((x, y) => x - y));
    }
  });

  it('a pause stops handing out rows: the landscape is cancelled, nothing hangs, and the threads take the next one', async () => {
    const [, script] = cases[0];
    const pool = inProcessPool(2);
    const h = harness(pool);
    await h.send(...script.slice(0, 2));
    h.trainer.receive({ type: 'landscape', directions: 'filter', grid: 101 });
    await new Promise<void>((resolve) => setImmediate(resolve));
    h.trainer.receive({ type: 'pause' });
    await h.trainer.idle();
    expect(h.all('error').map((e) => e.message)).toEqual(['the landscape was cancelled by a pause']);
    const [, rows] = /^landscape: (\d+) of 102 rows were computed$/.exec(h.all('error')[0].problems[0])!;
    expect(Number(rows)).toBeLessThan(101);
    expect(h.all('landscape')).toEqual([]);
    // The rows under way came back before the trainer moved on: 13 rows a hand-out (⌈101 / 8⌉), 8 hand-outs in all.
    expect(pool.counts.reduce((x, y) => x + y)).toBeLessThan(8);
    const own = harness();
    await own.send(...script);
    await h.send(script[2]);
    expect(h.all('landscape').map(fingerprint)).toEqual(own.all('landscape').map(fingerprint));
  });

  it('a thread that fails is said, the threads are given up, and the landscape is the same from the trainer’s own thread', async () => {
    const [, script] = cases[0];
    const own = harness();
    await own.send(...script);
    // Thread 2 fails at its second range of rows, while thread 1 still takes rows.
    const pool = inProcessPool(2, (thread, order) => thread === 1 && order === 2);
    const h = harness(pool);
    await h.send(...script);
    expect(h.all('error')).toEqual([
      { type: 'error', message: 'a thread of the trainer failed: the landscape is computed on one thread', problems: ['thread 2 failed: injected fault'] },
    ]);
    expect(h.all('threads').at(-1)).toMatchObject({ used: 1, shared: false });
    expect(h.all('landscape').map(fingerprint)).toEqual(own.all('landscape').map(fingerprint));
    // The next one is the trainer's own from the start: no thread is asked again.
    const asked = pool.counts.slice();
    await h.send(script[2]);
    expect(pool.counts).toEqual(asked);
    expect(h.all('landscape').map(fingerprint)).toEqual([...own.all('landscape'), ...own.all('landscape')].map(fingerprint));
  });
});
