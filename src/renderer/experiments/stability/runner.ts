/** Runs one stability map on a pool of workers (../../../trainer/sweep-worker.ts), off the page's thread. */
import { sweepResult, type SweepCell, type SweepPlan } from '../../../engine/experiments/sweep';
import type { SweepCommand, SweepResult } from '../../../shared/sweep-messages';
import { startPoolJob, type Job } from '../job';

export type SweepJob = Job<SweepResult>;

export function startSweep(command: SweepCommand, onProgress: (done: number, total: number) => void): SweepJob {
  return startPoolJob<SweepPlan, SweepCell, SweepResult>(
    'sweep',
    {
      open: () => new Worker(new URL('../../../trainer/sweep-worker.ts', import.meta.url), { type: 'module', name: 'sweep' }),
      command,
      cells: command.alpha.count * (command.vs?.count ?? 1),
      merge: sweepResult,
    },
    onProgress,
  );
}
