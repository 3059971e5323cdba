/**
 * A landscape's grid rows spread over the trainer's threads (issue 17): each thread builds the model once
 * over the job's plane (./serve-landscape.ts), then takes the next few rows as it finishes its last, and
 * the losses are put in their rows' places: the same grid, bytes for bytes, for any number of threads.
 */
import type { LandscapePlane } from '../../engine/experiments/landscape';
import type { Scenario } from '../../shared/scenario';
import type { StepPool } from './pool';

/** Told while the grid is computed: rows done so far; asked before each hand-out whether to stop (a pause). */
export interface GridWatch {
  progress(rows: number): void;
  stopped(): boolean;
}

/**
 * Rows per hand-out: about four for each thread over the grid, so that a thread that is slower (a busy core)
 * holds up the end little, and progress moves; at least one.
 */
export const rowsPerHandOut = (grid: number, threads: number): number => Math.max(1, Math.ceil(grid / (4 * threads)));

/**
 * The grid's losses (row-major, as the job's `loss`) computed on `threads` threads, or null when `watch`
 * stopped it (then `rows` says how many were done). Rows stop being handed out at a stop or a failure;
 * the rows under way are waited for, so that no reply is left pending, and a failure is then thrown.
 */
export async function gridOnThreads(
  pool: StepPool,
  threads: number,
  scenario: Scenario,
  plane: LandscapePlane,
  watch: GridWatch,
): Promise<{ loss: Float64Array | null; rows: number }> {
  const { grid } = plane;
  const each = Array.from({ length: threads }, (_, k) => k);
  await settled(each.map((k) => pool.ask<'landscape-ready'>(k, { type: 'landscape', scenario, plane })));
  const loss = new Float64Array(grid * grid);
  const step = rowsPerHandOut(grid, threads);
  let next = 0;
  let rows = 0;
  let failed = false;
  const work = async (k: number) => {
    try {
      while (next < grid && !failed && !watch.stopped()) {
        const from = next;
        const to = Math.min(grid, from + step);
        next = to;
        const reply = await pool.ask<'landscape-rows'>(k, { type: 'landscape-rows', from, to });
        if (reply.from !== from || reply.loss.length !== (to - from) * grid) throw new Error(`thread ${k + 1} answered rows ${from} to ${to} with others`);
        loss.set(reply.loss, from * grid);
        rows += to - from;
        watch.progress(rows);
      }
    } catch (error) {
      failed = true;
      throw error;
    }
  };
  await settled(each.map(work));
  return { loss: rows === grid ? loss : null, rows };
}

/** Every result once all are in (nothing left under way); else the first failure. */
async function settled<T>(promises: Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(promises);
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
  return results.map((result) => (result as PromiseFulfilledResult<T>).value);
}
