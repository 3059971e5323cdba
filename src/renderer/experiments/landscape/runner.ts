/**
 * A landscape as a job of the experiments' JobRunner (../job.ts), though it runs in the trainer rather than
 * a worker of its own: progress from the lab's `landscape-progress` events, and Cancel as a pause (the
 * trainer's rule for its long work). A refusal comes back as its problem lines on one line, the same words
 * as the command line's.
 */
import type { LandscapeCommand, LandscapeEvent } from '../../../shared/landscape-messages';
import type { Lab } from '../../lab';
import { LabError } from '../../replies';
import { cancelledMessage, type Job } from '../job';

export const landscapeJobName = 'landscape';

export function startLandscapeJob(lab: Lab, options: Omit<LandscapeCommand, 'type'>, onProgress: (done: number, total: number) => void): Job<LandscapeEvent> {
  let cancelled = false;
  const off = lab.events.on('landscape-progress', ({ done, total }) => onProgress(done, total));
  // The slice is of the run as it stands: a playing run is paused first (so the pause cancels nothing).
  lab.pause();
  const done = lab
    .landscape(options)
    .catch((error: unknown) => {
      if (cancelled) throw new LabError(cancelledMessage(landscapeJobName));
      if (error instanceof LabError && error.problems.length > 0) throw new LabError(error.problems.join('; '));
      throw error;
    })
    .finally(off);
  return {
    done,
    cancel: () => {
      cancelled = true;
      lab.pause();
    },
  };
}
