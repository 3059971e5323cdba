/** Runs one stability map in its own worker (../../../trainer/sweep-worker.ts), off the page's thread. */
import type { SweepResult } from '../../../engine/experiments/sweep';
import type { SweepCommand, SweepEvent } from '../../../trainer/sweep';
import { LabError } from '../../replies';

export interface SweepJob {
  /** The map, or a rejection: the sweep failed, or was cancelled ("sweep cancelled"). */
  readonly done: Promise<SweepResult>;
  /** Stops the worker at once; `done` rejects with "sweep cancelled". */
  cancel(): void;
}

export const cancelledMessage = 'sweep cancelled';

export function startSweep(command: SweepCommand, onProgress: (done: number, total: number) => void): SweepJob {
  const worker = new Worker(new URL('../../../trainer/sweep-worker.ts', import.meta.url), { type: 'module', name: 'sweep' });
  let finish: (outcome: SweepResult | Error) => void = () => {};
  const done = new Promise<SweepResult>((resolve, reject) => {
    let settled = false;
    finish = (outcome) => {
      if (settled) return;
      settled = true;
      worker.terminate();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    worker.onmessage = (message: MessageEvent<SweepEvent>) => {
      const event = message.data;
      if (event.type === 'progress') onProgress(event.done, event.total);
      else if (event.type === 'result') finish(event.result);
      else finish(new LabError(event.message, event.problems));
    };
    worker.onerror = (event) => finish(new LabError(`the sweep worker failed${event.message ? `: ${event.message}` : ''}`));
  });
  worker.postMessage(command);
  return { done, cancel: () => finish(new LabError(cancelledMessage)) };
}
