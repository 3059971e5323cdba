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
