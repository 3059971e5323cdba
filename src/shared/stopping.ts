/**
 * Why a particle stopped (CONTRACTS §5): the reasons' names, their codes in the engine's per-particle byte,
 * and the lab's default divergence threshold. Pure data: the engine, the trainer, the page and the command
 * line all read the same table.
 */

/** The reasons in the order CONTRACTS §5 lists them; a particle's reason code is its index here + 1. */
export const stopReasons = ['tolerance', 'belowLoss', 'gradNorm', 'patience', 'nonFinite', 'divergence'] as const;
export type StopReason = (typeof stopReasons)[number];

/** Reason codes as stored per particle (0: still running). */
export const Reason = { none: 0, tolerance: 1, belowLoss: 2, gradNorm: 3, patience: 4, nonFinite: 5, divergence: 6 } as const;

/** Counts of stopped particles by reason: `run`'s summary.reasons. */
export type ReasonCounts = Record<StopReason, number>;

/** Reasons that mark a particle converged; the others mark it diverged. */
export const convergedReasons: readonly StopReason[] = ['tolerance', 'belowLoss', 'gradNorm', 'patience'];

/** What each reason means, for people (the page's readouts, the microscope, docs/scenario.md). */
export const reasonLabels: Record<StopReason, string> = {
  tolerance: 'loss changed less than the tolerance',
  belowLoss: 'loss at or below the target',
  gradNorm: 'gradient norm at or below the threshold',
  patience: 'stalled: no improvement for the patience',
  nonFinite: 'loss or a parameter not finite',
  divergence: 'loss blew up past the divergence threshold',
};

/**
 * The lab's default `stop.divergence`: 1e100. A loss that size has blown up in any model the lab runs (a
 * squared error of 1e100 means predictions off by 1e50: no data a person can load is in such units), yet
 * it stands 208 orders of magnitude below float64's overflow, so an exploding run is named long before its
 * numbers stop being finite. Gradient descent on the bowl from (0, 0) at α = 5 has loss 5·81ᵏ after k
 * updates: past 1e100 after 53 of them, so step 54 (whose loss is that of the 53rd update's point) names
 * it diverged; float64 would overflow only after 162 (../engine/stopping.test.ts).
 */
export const defaultDivergence = 1e100;

/** Zero counts, one per reason. */
export function noReasons(): ReasonCounts {
  return { tolerance: 0, belowLoss: 0, gradNorm: 0, patience: 0, nonFinite: 0, divergence: 0 };
}
