/** Runs one basins job in its own worker (../../../trainer/basins-worker.ts), off the page's thread. */
import type { BasinsCommand, BasinsResult } from '../../../shared/basins-messages';
import { startJob, type Job } from '../job';

export type BasinsJob = Job<BasinsResult>;

export function startBasins(command: BasinsCommand, onProgress: (done: number, total: number) => void): BasinsJob {
  const worker = new Worker(new URL('../../../trainer/basins-worker.ts', import.meta.url), { type: 'module', name: 'basins' });
  return startJob(worker, 'basins', command, onProgress);
}
