/** Runs one basins map on a pool of workers (../../../trainer/basins-worker.ts), off the page's thread: a row of starts a cell. */
import { joinBasinsEnds, labelBasins, type BasinsContext, type BasinsEnds } from '../../../engine/experiments/basins';
import type { BasinsCommand, BasinsResult } from '../../../shared/basins-messages';
import { startPoolJob, type Job } from '../job';

export type BasinsJob = Job<BasinsResult>;

export function startBasins(command: BasinsCommand, onProgress: (done: number, total: number) => void): BasinsJob {
  return startPoolJob<BasinsContext, BasinsEnds, BasinsResult>(
    'basins',
    {
      open: () => new Worker(new URL('../../../trainer/basins-worker.ts', import.meta.url), { type: 'module', name: 'basins' }),
      command,
      cells: command.resolution,
      merge: (context, rows) => labelBasins(context, joinBasinsEnds(rows)),
    },
    onProgress,
  );
}
