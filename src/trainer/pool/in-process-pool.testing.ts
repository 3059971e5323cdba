/**
 * The trainer's threads in this process, for tests: ./serve.ts behind a message queue, each message cloned as
 * a worker's would be, a turn of the event loop each way. Counts the messages of one type each thread is
 * sent, and `fail(k, n)` makes thread k fail, as a crashed worker does, at its n-th such message (from 1).
 */
import type { FromThread, ToThread } from './messages';
import type { PoolHost } from './pool';
import { serveBlocks } from './serve';

const later = (f: () => void) => void setImmediate(f);

export interface InProcessPoolOptions {
  /** The fewest particles a thread steps (PoolHost.particlesPerThread); the trainer's own when left out. */
  particlesPerThread?: number;
  /** The messages counted (and failed at): orders of steps unless told. */
  counted?: ToThread['type'];
  fail?: (thread: number, nth: number) => boolean;
}

export function inProcessPool(cores: number, options: InProcessPoolOptions = {}): PoolHost & { spawned: number; counts: number[] } {
  const { counted = 'steps', fail = () => false } = options;
  const host = {
    cores,
    ...(options.particlesPerThread !== undefined && { particlesPerThread: options.particlesPerThread }),
    spawned: 0,
    /** Messages of the counted type each thread was sent. */
    counts: [] as number[],
    spawn(listener: Parameters<PoolHost['spawn']>[0]) {
      const k = host.spawned++;
      host.counts[k] = 0;
      let dead = false;
      let handler: (message: ToThread) => void = () => {};
      serveBlocks({ post: (reply: FromThread) => later(() => dead || listener.message(structuredClone(reply))), listen: (h) => (handler = h) });
      return {
        post: (message: ToThread) =>
          later(() => {
            if (dead) return;
            if (message.type === counted && fail(k, ++host.counts[k])) return ((dead = true), listener.failed('injected fault'));
            handler(structuredClone(message));
          }),
        terminate: () => void (dead = true),
      };
    },
  };
  return host;
}
