/**
 * A job's independent cells shared out over workers (issue 17): a stability map's cells, a basins map's rows
 * of starts, a tuning's trials. Every worker is sent the job's command and prepares it the same way; once all
 * are ready, each is sent its next cell as it finishes one (a cell that diverges at once takes far less than
 * one that runs to the end). Values are kept by cell index and put together once all are in, so the result is
 * the same for any number of workers: a cell depends only on the command and its index.
 *
 * The pool knows nothing of the transport: the page opens Web Workers, the bench worker threads, the tests
 * workers in this process. A worker's error, its failure, or a message out of turn fails the job at once and
 * every worker is stopped; so does a cancel. Nothing waits on a worker that is gone.
 */
import type { CellReply } from '../../shared/cell-messages';

/** What the pool needs of one worker. */
export interface PoolWorker {
  post(message: unknown): void;
  terminate(): void;
}

/** What a worker's opener wires its messages and its failure (an error event, an exit) to. */
export interface PoolWorkerEvents {
  message(data: unknown): void;
  failed(reason: string): void;
}

export interface CellPoolOptions<C, V, R> {
  /** How many workers to open (at least one; the job never uses more than it has cells). */
  workers: number;
  open(events: PoolWorkerEvents): PoolWorker;
  /** The job's command, posted to every worker first. */
  command: unknown;
  /** The result from the context of the `ready` reply and every cell's value, in cell order. */
  merge(context: C, values: V[]): R;
  /** Cells done and in all, about a hundred times in a job at most, and always at the end. */
  progress?(done: number, total: number): void;
}

/** Why a job gave no result: a worker's error (with its problem lines), a failure, or a cancel. */
export class CellPoolFailure extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [],
    readonly cancelled = false,
  ) {
    super(message);
  }
}

export interface CellPoolJob<R> {
  /** The result, or a CellPoolFailure. */
  readonly done: Promise<R>;
  /** Stops every worker at once; `done` rejects with a cancelled failure. */
  cancel(): void;
}

/** Starts a job on `options.workers` workers. */
export function runCellPool<C, V, R>(options: CellPoolOptions<C, V, R>): CellPoolJob<R> {
  // Never none: a count that is not a number (a field left empty) would leave the job waiting for ever.
  const count = Number.isFinite(options.workers) ? Math.max(1, Math.floor(options.workers)) : 1;
  const workers: PoolWorker[] = [];
  let settle: (outcome: { result: R } | CellPoolFailure) => void = () => {};
  let settled = false;
  const done = new Promise<R>((resolve, reject) => {
    settle = (outcome) => {
      if (settled) return;
      settled = true;
      for (const worker of workers) worker.terminate();
      if (outcome instanceof CellPoolFailure) reject(outcome);
      else resolve(outcome.result);
    };
  });
  const fail = (message: string, problems: string[] = []) => settle(new CellPoolFailure(message, problems));
  const who = (i: number) => `worker ${i + 1} of ${count}`;

  let job: { total: number; context: C } | null = null;
  let ready = 0;
  let next = 0;
  let finished = 0;
  let reported = 0;
  const values: V[] = [];
  const have: boolean[] = [];
  const send = (i: number) => {
    if (next < job!.total) workers[i].post({ type: 'cell', k: next++ });
  };

  const finish = () => {
    try {
      settle({ result: options.merge(job!.context, values) });
    } catch (error) {
      fail(`the result cannot be put together: ${(error as Error).message}`);
    }
  };

  const cell = (i: number, k: number, value: V) => {
    if (!job || !Number.isInteger(k) || k < 0 || k >= job.total || have[k]) return fail(`${who(i)} answered for cell ${k}, which it was not asked for`);
    have[k] = true;
    values[k] = value;
    finished++;
    const { total } = job;
    if (finished === total || finished - reported >= Math.max(1, Math.floor(total / 100))) {
      reported = finished;
      options.progress?.(finished, total);
      if (settled) return; // cancelled from the progress callback
    }
    if (finished === total) finish();
    else send(i);
  };

  const arrive = (i: number, data: unknown) => {
    if (settled) return;
    const reply = data as CellReply<C, V> | null;
    switch (reply?.type) {
      case 'error':
        return fail(reply.message, reply.problems);
      case 'ready':
        if (job && reply.total !== job.total) return fail(`${who(i)} counted ${reply.total} cells, another ${job.total}`);
        job ??= { total: reply.total, context: reply.context };
        // Cells go out once every worker is ready: one that fails as it starts then always fails the job.
        if (++ready < count) return;
        if (job.total === 0) return finish();
        for (let w = 0; w < count; w++) send(w);
        // More workers than cells: the ones without a cell are not needed.
        for (let w = job.total; w < count; w++) workers[w].terminate();
        return;
      case 'cell':
        return cell(i, reply.k, reply.value);
      default:
        return fail(`${who(i)} sent a message the pool does not know`);
    }
  };

  try {
    for (let i = 0; i < count; i++) workers.push(options.open({ message: (data) => arrive(i, data), failed: (reason) => fail(`${who(i)} failed: ${reason}`) }));
    for (const worker of workers) worker.post(options.command);
  } catch (error) {
    fail(`a worker could not start: ${(error as Error).message}`);
  }
  return { done, cancel: () => settle(new CellPoolFailure('cancelled', [], true)) };
}
