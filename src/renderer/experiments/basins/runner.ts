/** Runs one basins job in its own worker (../../../trainer/basins-worker.ts), off the page's thread. */
import type { BasinsResult } from '../../../engine/experiments/basins';
import type { BasinsCommand, BasinsEvent } from '../../../trainer/basins';
import { LabError } from '../../replies';

export interface BasinsJob {
  /** The labels, or a rejection: the job failed, or was cancelled ("cancelled"). */
  readonly done: Promise<BasinsResult>;
  /** Stops the worker at once; `done` rejects with "basins cancelled". */
  cancel(): void;
}

export function startBasins(command: BasinsCommand, onProgress: (done: number, total: number) => void): BasinsJob {
  const worker = new Worker(new URL('../../../trainer/basins-worker.ts', import.meta.url), { type: 'module', name: 'basins' });
  let finish: (result: BasinsResult | Error) => void = () => {};
  const done = new Promise<BasinsResult>((resolve, reject) => {
    let settled = false;
    finish = (outcome) => {
      if (settled) return;
      settled = true;
      worker.terminate();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    worker.onmessage = (message: MessageEvent<BasinsEvent>) => {
      const event = message.data;
      if (event.type === 'progress') onProgress(event.done, event.total);
      else if (event.type === 'result') finish(event.result);
      else finish(new LabError(`basins: ${event.message}`, event.problems));
    };
    worker.onerror = (event) => finish(new LabError(`basins: the worker failed${event.message ? `: ${event.message}` : ''}`));
  });
  worker.postMessage(command);
  return { done, cancel: () => finish(new LabError('basins cancelled')) };
}
