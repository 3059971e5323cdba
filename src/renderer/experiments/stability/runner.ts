/** Runs one stability map in its own worker (../../../trainer/sweep-worker.ts), off the page's thread. */
import type { SweepCommand, SweepResult } from '../../../shared/sweep-messages';
import { startJob, type Job } from '../job';

export type SweepJob = Job<SweepResult>;

export function startSweep(command: SweepCommand, onProgress: (done: number, total: number) => void): SweepJob {
  const worker = new Worker(new URL('../../../trainer/sweep-worker.ts', import.meta.url), { type: 'module', name: 'sweep' });
  return startJob(worker, 'sweep', command, onProgress);
}
