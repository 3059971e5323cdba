/**
 * For tests: a job's pool with its workers in this process. Each worker is the real worker side (./cells.ts)
 * of the job; every message is structured-cloned (as postMessage does) and delivered on a later turn of the
 * event loop, worker by worker, so the order in which cells come back depends on the workers' count.
 */
import { runCellPool, type CellPoolJob, type PoolWorker } from '../engine/parallel/cell-pool';
import { serveCells, type Prepared } from './cells';

export interface InProcessPool {
  /** The workers opened, and how many of them were terminated. */
  opened: number;
  terminated: number;
}

/** Runs a job on `workers` in-process workers. */
export function runInProcess<C, V, R>(
  prepare: (command: unknown) => Promise<Prepared<C, V>>,
  command: unknown,
  workers: number,
  merge: (context: C, values: V[]) => R,
  progress?: (done: number, total: number) => void,
): CellPoolJob<R> & InProcessPool {
  const counts = { opened: 0, terminated: 0 };
  const job = runCellPool<C, V, R>({
    workers,
    command,
    merge,
    progress,
    open: (events): PoolWorker => {
      counts.opened++;
      let live = true;
      const later = (deliver: () => void) => setTimeout(() => live && deliver(), 0);
      const handle = serveCells('job', prepare, (reply) => later(() => events.message(structuredClone(reply))));
      return {
        post: (message) => later(() => void handle(structuredClone(message))),
        terminate: () => {
          if (live) counts.terminated++;
          live = false;
        },
      };
    },
  });
  return {
    done: job.done,
    cancel: job.cancel,
    get opened() {
      return counts.opened;
    },
    get terminated() {
      return counts.terminated;
    },
  };
}
