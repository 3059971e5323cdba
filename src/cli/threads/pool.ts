/**
 * A run of the command line over worker threads: the run built once in shared memory, each thread stepping
 * its block (./thread.ts), the results taken back in particle order (../../engine/parallel/). A thread that
 * fails or stops early fails the run with a message, and every other thread is stopped: nothing hangs. A race
 * runs its groups so, one after another.
 */
import { Worker } from 'node:worker_threads';
import type { LandscapePlane } from '../../engine/experiments/landscape';
import { cellCount, sweepResult, type SweepCell, type SweepPlan, type SweepResult } from '../../engine/experiments/sweep';
import { finishRun, prepareRun, type BlockEnd } from '../../engine/parallel/block-run';
import { runRaceGroups } from '../../engine/parallel/race-run';
import type { ThreadJob } from './thread';
import { splitBlocks } from '../../engine/parallel/split';
import type { Descent } from '../../engine/descent';
import type { Scenario } from '../../shared/scenario';

/** A worker thread failed: the run is given up. */
export class ThreadFailure extends Error {}

export interface ThreadedRun {
  threads: number;
  entry: URL;
  epochs: number;
  trace: number | null;
  onEpoch?: (epoch: number) => void;
}

type ThreadMessage = { type: 'epoch'; epoch: number } | { type: 'done'; end: BlockEnd };

/** Runs the scenario to the end on `threads` threads; the descent then holds the run as one thread leaves it. */
export async function runOnThreads(scenario: Scenario, options: ThreadedRun): Promise<{ descent: Descent; losses: Float64Array }> {
  const run = await prepareRun(scenario);
  const blocks = splitBlocks(run.descent.n, options.threads);
  const reached = blocks.map(() => 0);
  const workers = blocks.map((block) => {
    const job: ThreadJob = { kind: 'block', scenario, buffers: run.buffers, block, epochs: options.epochs, trace: options.trace };
    return new Worker(options.entry, { workerData: job });
  });
  try {
    const ends = await Promise.all(
      workers.map(
        (worker, k) =>
          new Promise<BlockEnd>((resolve, reject) => {
            watch(worker, k, workers.length, 'its particles were', reject);
            worker.on('message', (message: ThreadMessage) => {
              if (message.type === 'done') return resolve(message.end);
              reached[k] = message.epoch;
              options.onEpoch?.(Math.max(...reached));
            });
          }),
      ),
    );
    return { descent: run.descent, losses: finishRun(run, ends) };
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/**
 * A race (a scenario with `groups`) to its end on `threads` threads: its groups one after another, each split
 * over every thread as a plain run is (../../engine/parallel/race-run.ts says why). The progress goes through
 * the groups in turn, so it reaches `epochs` once, with the last group.
 */
export async function runRaceOnThreads(scenario: Scenario, options: ThreadedRun): Promise<{ descent: Descent; losses: Float64Array }> {
  const count = scenario.groups?.length ?? 1;
  return runRaceGroups(scenario, options.trace, (group, trace, g) =>
    runOnThreads(group, { ...options, trace, onEpoch: (epoch) => options.onEpoch?.(Math.floor((g * options.epochs + epoch) / count)) }),
  );
}

/** A thread's failure, or its end before its work was done, rejects with a ThreadFailure naming it. */
function watch(worker: Worker, k: number, count: number, work: string, reject: (error: ThreadFailure) => void): void {
  worker.on('error', (error) => reject(new ThreadFailure(`thread ${k + 1} of ${count} failed: ${error.message}`)));
  // Once the work is done this changes nothing; before, the thread died without a word (process.exit, a kill).
  worker.on('exit', (code) => reject(new ThreadFailure(`thread ${k + 1} of ${count} stopped (exit code ${code}) before ${work} done`)));
}

export interface ThreadedSweep {
  threads: number;
  entry: URL;
  progress?: (done: number, total: number) => void;
}

/**
 * A sweep's cells shared out over threads: each thread is sent its next cell as it finishes one (a cell
 * that diverges at once takes far less than one that runs to the end), and the map is put together in
 * cell order, the same map as one thread makes.
 */
export async function sweepOnThreads(scenario: Scenario, plan: SweepPlan, options: ThreadedSweep): Promise<SweepResult> {
  const total = cellCount(plan);
  const count = Math.max(1, Math.min(options.threads, total));
  const cells = new Array<SweepCell>(total);
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: count }, (_, index) => {
    const job: ThreadJob = { kind: 'sweep', scenario, plan, index };
    return new Worker(options.entry, { workerData: job });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      // Cells go out once every thread is ready: a thread that fails as it starts then fails the sweep
      // whatever the timing, instead of going unnoticed when another thread was quick enough to take every cell.
      let ready = 0;
      const senders = workers.map((worker) => () => (next < total ? worker.postMessage({ cell: next++ }) : undefined));
      workers.forEach((worker, k) => {
        watch(worker, k, count, 'its cells were', reject);
        worker.on('message', (message: { type: 'ready' } | { type: 'cell'; k: number; cell: SweepCell }) => {
          if (message.type === 'ready') {
            if (++ready === count) senders.forEach((send) => send());
            return;
          }
          cells[message.k] = message.cell;
          options.progress?.(++done, total);
          if (done === total) return resolve();
          senders[k]();
        });
      });
    });
    return sweepResult(plan, cells);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/**
 * A landscape's grid rows shared out over threads, a few rows at a time as each thread finishes its last (as a
 * sweep's cells are), each written into its rows' place: the same grid, byte for byte, as one thread computes.
 */
export async function landscapeRowsOnThreads(
  scenario: Scenario,
  plane: LandscapePlane,
  options: ThreadedSweep & { rowsPerTask: number },
): Promise<Float64Array> {
  const { grid } = plane;
  const count = Math.max(1, Math.min(options.threads, grid));
  const loss = new Float64Array(grid * grid);
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: count }, (_, index) => {
    const job: ThreadJob = { kind: 'landscape', scenario, plane, index };
    return new Worker(options.entry, { workerData: job });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      let ready = 0;
      const senders = workers.map((worker) => () => {
        if (next >= grid) return;
        const from = next;
        next = Math.min(grid, next + options.rowsPerTask);
        worker.postMessage({ from, to: next });
      });
      workers.forEach((worker, k) => {
        watch(worker, k, count, 'its rows were', reject);
        worker.on('message', (message: { type: 'ready' } | { type: 'rows'; from: number; loss: Float64Array }) => {
          if (message.type === 'ready') {
            if (++ready === count) senders.forEach((send) => send());
            return;
          }
          loss.set(message.loss, message.from * grid);
          done += message.loss.length / grid;
          options.progress?.(done, grid);
          if (done === grid) return resolve();
          senders[k]();
        });
      });
    });
    return loss;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
