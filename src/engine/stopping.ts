/**
 * The stop rules of one particle's step (CONTRACTS §1 step 5 and §5), written once for the descent and for
 * the microscope that explains a step. Every rule reads the loss L of the step's batch, taken before the
 * update: a particle that stops keeps the parameters it had, and is not updated on that step.
 */
import { Reason } from '../shared/stopping';
import type { StopSpec } from '../shared/scenario';

/**
 * Why the step's loss `L` stops a running particle now, or Reason.none. `previous` is its loss on the step
 * before (for the tolerance), `best` and `wait` its patience state before this step (+∞ and 0 at first).
 * The order decides between rules that hold together: a blown-up loss is a divergence whatever else holds.
 */
export function lossStopReason(L: number, previous: number, best: number, wait: number, tolerance: number | null, stop: StopSpec): number {
  if (L - L !== 0) return Reason.nonFinite; // NaN and ±∞ give NaN
  if (stop.divergence !== null && L >= stop.divergence) return Reason.divergence;
  if (tolerance !== null && Math.abs(L - previous) < tolerance) return Reason.tolerance;
  if (stop.belowLoss !== null && L <= stop.belowLoss) return Reason.belowLoss;
  if (stop.patience !== null && !improves(L, best, stop.minDelta) && wait + 1 >= stop.patience) return Reason.patience;
  return Reason.none;
}

/**
 * Whether L improves on the best loss by more than minDelta: Lightning's `current - min_delta < best` for
 * mode "min" (it stores min_delta negated, so the sum below is its expression to the bit).
 */
export function improves(L: number, best: number, minDelta: number): boolean {
  return L + minDelta < best;
}

/** Whether a rule other than the divergence tests is on: only then must each particle's loss be compared. */
export function comparesLosses(tolerance: number | null, stop: StopSpec): boolean {
  return tolerance !== null || stop.belowLoss !== null || stop.patience !== null;
}

/** A loss at or past this diverges: the threshold, or +∞ when only non-finite losses do. */
export function divergenceLimit(stop: StopSpec): number {
  return stop.divergence ?? Infinity;
}
