/**
 * One long computation (a stability map, a basins map) in its own worker, off the page's thread: progress
 * as it goes, a result or an error at the end, and cancel at any time (the worker is terminated at once).
 * The caller creates the worker itself, so that Vite sees each `new Worker(new URL(…))` and bundles it.
 */
import { LabError } from '../replies';

/** What such a worker posts (src/trainer/sweep.ts, src/trainer/basins.ts). */
export type JobEvent<R> =
  | { type: 'progress'; done: number; total: number }
  | { type: 'result'; result: R }
  | { type: 'error'; message: string; problems: string[] };

export interface Job<R> {
  /** The result, or a rejection: the job failed, or was cancelled (a LabError with `cancelledMessage(name)`). */
  readonly done: Promise<R>;
  /** Stops the worker at once; `done` rejects. */
  cancel(): void;
}

export const cancelledMessage = (name: string): string => `${name} cancelled`;

export function startJob<R>(worker: Worker, name: string, command: unknown, onProgress: (done: number, total: number) => void): Job<R> {
  let finish: (outcome: R | Error) => void = () => {};
  const done = new Promise<R>((resolve, reject) => {
    let settled = false;
    finish = (outcome) => {
      if (settled) return;
      settled = true;
      worker.terminate();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    worker.onmessage = (message: MessageEvent<JobEvent<R>>) => {
      const event = message.data;
      if (event.type === 'progress') onProgress(event.done, event.total);
      else if (event.type === 'result') finish(event.result);
      else finish(new LabError(`${name}: ${event.message}`, event.problems));
    };
    worker.onerror = (event) => finish(new LabError(`${name}: the worker failed${event.message ? `: ${event.message}` : ''}`));
  });
  worker.postMessage(command);
  return { done, cancel: () => finish(new LabError(cancelledMessage(name))) };
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

  constructor(private readonly controls: JobControls, private readonly name: string) {
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
  async run(start: (onProgress: (done: number, total: number) => void) => Job<R>, starting: string, progress: (done: number, total: number) => string, finished: (result: R) => void): Promise<void> {
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
