/**
 * The trainer's threads: each holds a descent over one block of the shared cloud (./serve.ts), one per group
 * of a race, and steps it when the trainer orders. A thread that fails (an error it reports, an uncaught one, its end) fails the
 * order it was given with a ThreadFailure; the others are let finish theirs first, so that nothing is still
 * writing the shared arrays when the trainer takes the run back.
 */
import { adoptSteps, sharedBuffersOf, type StepOrder } from '../../engine/parallel/block-steps';
import type { Block } from '../../engine/parallel/split';
import type { Descent } from '../../engine/descent';
import { RaceDescent } from '../../engine/experiments/race';
import type { FromThread, ToThread } from './messages';

/** A started thread as the pool sees it. */
export interface PoolThread {
  post(message: ToThread): void;
  terminate(): void;
}

/** What a host tells the pool about one of its threads: each reply, and its failure (an uncaught error, an exit). */
export interface ThreadListener {
  message(reply: FromThread): void;
  failed(reason: string): void;
}

/** How a host starts a thread (a nested Web Worker, a worker thread), and how many cores it has. */
export interface PoolHost {
  cores: number;
  /** The fewest particles a thread steps (default `particlesPerTrainerThread`; tests split small clouds). */
  particlesPerThread?: number;
  spawn(listener: ThreadListener): PoolThread;
}

/** A thread failed: its order is lost, and the pool with it. */
export class ThreadFailure extends Error {}

type Reply<T extends FromThread['type']> = Extract<FromThread, { type: T }>;

class Thread {
  private readonly waiting: { resolve(reply: FromThread): void; reject(error: Error): void }[] = [];
  private failure: string | null = null;
  readonly handle: PoolThread;

  constructor(
    spawn: PoolHost['spawn'],
    private readonly name: string,
  ) {
    this.handle = spawn({
      message: (reply) => (reply.type === 'failed' ? this.fail(reply.message) : this.waiting.shift()?.resolve(reply)),
      failed: (reason) => this.fail(reason),
    });
  }

  ask<T extends FromThread['type']>(message: ToThread): Promise<Reply<T>> {
    if (this.failure !== null) return Promise.reject(new ThreadFailure(`${this.name} failed: ${this.failure}`));
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve: resolve as (reply: FromThread) => void, reject });
      this.handle.post(message);
    });
  }

  private fail(reason: string): void {
    this.failure ??= reason;
    for (const waiter of this.waiting.splice(0)) waiter.reject(new ThreadFailure(`${this.name} failed: ${reason}`));
  }
}

export class StepPool {
  private threads: Thread[] = [];
  /** The run the threads' descents are built over, and its blocks. */
  private bound: { descent: Descent; blocks: string } | null = null;

  constructor(private readonly host: PoolHost) {}

  /**
   * Steps `descent`'s blocks on the threads as `orders` say, one order per cloud of cloudsOf(descent) (null:
   * that cloud is not stepped); the descent then stands where the blocks ended. A race's groups are ordered
   * all at once: each thread steps its block of each in turn, and the race adopts its groups' ends.
   */
  async steps(descent: Descent, blocks: readonly Block[], orders: readonly (StepOrder | null)[]): Promise<void> {
    const key = JSON.stringify(blocks);
    if (this.bound?.descent !== descent || this.bound.blocks !== key) await this.bind(descent, blocks, key);
    const threads = this.threads.slice(0, blocks.length);
    const asked = orders.flatMap((order, part) =>
      order ? [{ part, replies: threads.map((thread) => thread.ask<'done'>({ type: 'steps', order, part })) }] : [],
    );
    // Every reply is waited for before any is adopted: no thread may still be writing when the trainer does.
    const ends = await settled(asked.flatMap(({ replies }) => replies));
    const clouds = cloudsOf(descent);
    asked.forEach(({ part }, k) =>
      adoptSteps(
        clouds[part],
        ends.slice(k * threads.length, (k + 1) * threads.length).map((reply) => reply.end),
      ),
    );
    if (descent instanceof RaceDescent) descent.adoptGroups();
  }

  /**
   * Asks thread `k` (started if need be) for work besides the run's steps (a landscape's rows:
   * ./landscape-rows.ts). Its block's descent, if it has one, stays as it was.
   */
  ask<T extends FromThread['type']>(k: number, message: ToThread): Promise<Reply<T>> {
    while (this.threads.length <= k) this.threads.push(new Thread((listener) => this.host.spawn(listener), `thread ${this.threads.length + 1}`));
    return this.threads[k].ask<T>(message);
  }

  /** Every thread stopped; a later order starts new ones. */
  dispose(): void {
    for (const thread of this.threads) thread.handle.terminate();
    this.threads = [];
    this.bound = null;
  }

  /** Each thread builds its block's descent over the run's shared arrays (with the settings now in force). */
  private async bind(descent: Descent, blocks: readonly Block[], key: string): Promise<void> {
    this.bound = null;
    while (this.threads.length < blocks.length) this.threads.push(new Thread((listener) => this.host.spawn(listener), `thread ${this.threads.length + 1}`));
    // Part by part, in order: a thread's build of part 0 drops what it held for the run before.
    for (const [part, cloud] of cloudsOf(descent).entries()) {
      const buffers = sharedBuffersOf(cloud);
      if (!buffers) throw new ThreadFailure('the run is not in shared memory');
      const scenario = { ...cloud.scenario, ...cloud.hotSettings };
      await settled(blocks.map((block, k) => this.threads[k].ask<'built'>({ type: 'build', scenario, buffers, block, part })));
    }
    this.bound = { descent, blocks: key };
  }
}

/**
 * The clouds the threads step for a run, each split in the same blocks: a race's groups (each stepped as a
 * plain cloud is; a group shares only its start cloud and batches with the others, so each block of each
 * group steps the same bits as the race's lockstep on one thread), else the run itself.
 */
export function cloudsOf(descent: Descent): readonly Descent[] {
  return descent instanceof RaceDescent ? descent.groups : [descent];
}

/** Every reply, once all are in (a thread still stepping must be done before the trainer writes again); else the first failure. */
async function settled<T>(replies: Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(replies);
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((result) => (result as PromiseFulfilledResult<T>).value);
}
