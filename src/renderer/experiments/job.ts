/**
 * One long computation (a stability map, a basins map, a tuning) off the page's thread, its cells spread over
 * a pool of Web Workers (../../engine/parallel/cell-pool.ts): progress as it goes, a result or an error at
 * the end, and cancel at any time (every worker is terminated at once). The caller creates each worker
 * itself, so that Vite sees each `new Worker(new URL(…))` and bundles it.
 */
import { CellPoolFailure, runCellPool, type PoolWorker, type PoolWorkerEvents } from '../../engine/parallel/cell-pool';
import { LabError } from '../replies';
import { experimentWorkers } from './workers';

export interface Job<R> {
  /** The result, or a rejection: the job failed, or was cancelled (a LabError with `cancelledMessage(name)`). */
  readonly done: Promise<R>;
  /** Stops every worker at once; `done` rejects. */
  cancel(): void;
}

export const cancelledMessage = (name: string): string => `${name} cancelled`;

/** A job for the pool: how to start one worker, the command, the number of cells it will have, and how its result is put together. */
export interface PoolJobSpec<C, V, R> {
  open(): Worker;
  command: unknown;
  /** The job's cells (no more workers are started than this). */
  cells: number;
  merge(context: C, values: V[]): R;
}

/** A Web Worker as the pool sees it: its messages, and its error (a script that failed to load or threw). */
function poolWorker(worker: Worker, events: PoolWorkerEvents): PoolWorker {
  worker.onmessage = (message: MessageEvent<unknown>) => events.message(message.data);
  worker.onmessageerror = () => events.failed('a message from it could not be read');
  worker.onerror = (event) => events.failed(event.message || 'its script could not run');
  return { post: (message) => worker.postMessage(message), terminate: () => worker.terminate() };
}

/** Starts a job on as many workers as `experimentWorkers()` allows, and no more than it has cells. */
export function startPoolJob<C, V, R>(name: string, spec: PoolJobSpec<C, V, R>, onProgress: (done: number, total: number) => void): Job<R> {
  const pool = runCellPool<C, V, R>({
    // A cell count the workers will refuse (NaN from an empty field) still starts one, to say why.
    workers: Math.min(experimentWorkers(), spec.cells >= 1 ? spec.cells : 1),
    open: (events) => poolWorker(spec.open(), events),
    command: spec.command,
    merge: spec.merge,
    progress: onProgress,
  });
  const done = pool.done.catch((error: unknown) => {
    if (!(error instanceof CellPoolFailure)) throw error;
    throw new LabError(error.cancelled ? cancelledMessage(name) : `${name}: ${error.message}`, error.problems);
  });
  return { done, cancel: () => pool.cancel() };
}

/** The controls a tab shows its job with. */
export interface JobControls {
  compute: HTMLButtonElement;
  stop: HTMLButtonElement;
  progress: HTMLProgressElement;
  /** The status line (role="status"). */
  status: HTMLElement;
  /** What the job draws into: aria-busy while it runs. */
  canvas: HTMLElement;
}

/**
 * One job at a time in a tab's controls: Compute is disabled and Cancel enabled while it runs, the progress
 * bar follows it, and the status line says how it went. A new run cancels the one before.
 */
export class JobRunner<R> {
  private job: Job<R> | null = null;

  constructor(
    private readonly controls: JobControls,
    private readonly name: string,
  ) {
    controls.compute.type = controls.stop.type = 'button';
    controls.stop.disabled = true;
    controls.progress.max = 1;
    controls.progress.value = 0;
    controls.progress.hidden = true;
    controls.status.setAttribute('role', 'status');
  }

  get running(): boolean {
    return this.job !== null;
  }

  cancel(): void {
    this.job?.cancel();
  }

  say(text: string): void {
    this.controls.status.textContent = text;
  }

  /**
   * Starts a job with `start` (handed the progress callback), saying `starting` and then `progress(done,
   * total)` as it goes. Its result goes to `finished`; a cancel says "Cancelled.", a failure its message.
   */
  async run(
    start: (onProgress: (done: number, total: number) => void) => Job<R>,
    starting: string,
    progress: (done: number, total: number) => string,
    finished: (result: R) => void,
  ): Promise<void> {
    this.cancel();
    const job = start((done, total) => {
      this.controls.progress.value = done / total;
      this.say(progress(done, total));
    });
    this.job = job;
    this.busy(true);
    this.say(starting);
    try {
      finished(await job.done);
    } catch (error) {
      // A job cancelled by the next run says nothing: the status line is the new job's by then.
      const message = (error as Error).message;
      if (this.job === job) this.say(message === cancelledMessage(this.name) ? 'Cancelled.' : message);
    } finally {
      if (this.job === job) {
        this.job = null;
        this.busy(false);
      }
    }
  }

  private busy(on: boolean): void {
    const { compute, stop, progress, canvas } = this.controls;
    compute.disabled = on;
    stop.disabled = !on;
    progress.hidden = !on;
    progress.value = 0;
    canvas.setAttribute('aria-busy', String(on));
  }
}
