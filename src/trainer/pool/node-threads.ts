/**
 * The trainer's threads under Node (Electron's utility process; the forked host of the tests): worker
 * threads that run the host's own entry script again, which sees `workerData` and serves a block
 * (./serve.ts) instead of starting a trainer.
 */
import { availableParallelism } from 'node:os';
import { Worker, type MessagePort } from 'node:worker_threads';
import { poolThreadName, type FromThread, type ToThread } from './messages';
import type { PoolHost } from './pool';
import { serveBlocks } from './serve';

/** Threads running `entry` (the host's script), one a core at most. */
export function nodePoolHost(entry: URL): PoolHost {
  return {
    cores: availableParallelism(),
    spawn(listener) {
      const worker = new Worker(entry, { workerData: poolThreadName });
      worker.on('message', (reply: FromThread) => listener.message(reply));
      worker.on('error', (error) => listener.failed(error.message));
      // Once terminated this changes nothing; before, the thread died without a word (process.exit, a kill).
      worker.on('exit', (code) => listener.failed(`it stopped (exit code ${code})`));
      return { post: (message) => worker.postMessage(message), terminate: () => void worker.terminate() };
    },
  };
}

/** Whether this script runs as one of the trainer's threads (its `workerData` says so). */
export const isPoolThread = (isMainThread: boolean, workerData: unknown): boolean => !isMainThread && workerData === poolThreadName;

/**
 * Serves the trainer from a worker thread. With DESCENT_TRAINER_THREAD_FAULT (tests of a thread that fails:
 * node-host-threads.test.ts) every thread but the first's fails at its first order of steps: `exit`, or `throw`.
 */
export function serveNodeThread(port: MessagePort): null {
  const fault = process.env.DESCENT_TRAINER_THREAD_FAULT;
  let first = true;
  serveBlocks({
    post: (message) => port.postMessage(message),
    listen: (handler) =>
      port.on('message', (message: ToThread) => {
        if (message.type === 'build') first = message.block.from === 0;
        else if (!first && fault === 'exit') process.exit(3);
        else if (!first && fault === 'throw') throw new Error('injected fault');
        handler(message);
      }),
  });
  return null;
}
