/**
 * Steps to convergence, read from the step at which the Descent stopped each converged particle. Shared by
 * the stability map (./sweep.ts) and the optimizer race (./race.ts).
 */
import { Status, type Descent } from '../descent';

/** Steps at which the converged particles among `[from, to)` of `descent` converged, ascending. */
export function convergenceSteps(descent: Descent, from = 0, to = descent.n): number[] {
  const { status, stoppedAt } = descent;
  const steps: number[] = [];
  for (let i = from; i < to; i++) if (status[i] === Status.converged) steps.push(stoppedAt[i]);
  return steps.sort((a, b) => a - b);
}

/** The median of ascending numbers (the mean of the two middle ones for an even count), or null for none. */
export function median(sorted: readonly number[]): number | null {
  const k = sorted.length;
  if (k === 0) return null;
  return k % 2 === 1 ? sorted[(k - 1) / 2] : (sorted[k / 2 - 1] + sorted[k / 2]) / 2;
}
