/**
 * The fair race's contract (issue 18, part 4): what the page asks the tune workers (src/trainer/tune-worker.ts;
 * they answer trial by trial, ./cell-messages.ts) and the result. The job itself is src/engine/experiments/tune.ts: a short learning-rate sweep per race
 * group, and each group's best α by a stated criterion.
 */
import { z } from 'zod';
import type { Scenario } from './scenario';

/**
 * How a group's best α is picked. `median-steps`: the fewest median steps to reach the tolerance (the race
 * needs a tolerance); `final-loss`: the lowest mean full-data loss after the step budget.
 */
export const tuneCriteria = ['median-steps', 'final-loss'] as const;
export type TuneCriterion = (typeof tuneCriteria)[number];

/** The tuning's options: `count` values of α, log-spaced over `decades` each side of the group's own α. */
export interface TuneOptions {
  criterion: TuneCriterion;
  /** Decades each side of the group's α (2: from α/100 to 100·α). */
  decades: number;
  /** Values of α tried per group, the group's own α among them when the count is odd. */
  count: number;
  /** Epochs each trial runs (the race's own when left out). */
  epochs?: number;
}

export const defaultTuneOptions = { criterion: 'median-steps', decades: 2, count: 9 } as const satisfies TuneOptions;

/** One α tried for one group. */
export interface TuneTrial {
  alpha: number;
  /** Median over the whole group of the step it converged at, a particle that did not counting as never: null when the median particle did not converge. */
  medianSteps: number | null;
  /** Shares of the group (0..1) converged and diverged after the budget. */
  converged: number;
  diverged: number;
  /** Mean finite full-data loss after the budget, or null when none is finite. */
  meanLoss: number | null;
}

export interface TunedGroup {
  name: string;
  /** The α the group had before tuning. */
  given: number;
  /** The α picked. */
  alpha: number;
  /** The rule that picked it: the criterion asked for, or `final-loss` where no α reached the tolerance. */
  pickedBy: TuneCriterion;
  trials: TuneTrial[];
}

export interface TuneResult {
  criterion: TuneCriterion;
  decades: number;
  count: number;
  epochs: number;
  groups: TunedGroup[];
  /** The race with each group's α replaced by its pick: what the lab then runs. */
  scenario: Scenario;
  /** What the page should say beside the table (a fallback taken), or none. */
  notes: string[];
}

export const tuneCommandSchema = z.strictObject({
  type: z.literal('tune'),
  /** The race (a scenario with groups) whose groups are tuned. */
  scenario: z.unknown(),
  criterion: z.enum(tuneCriteria),
  decades: z.number(),
  count: z.int(),
  epochs: z.int().optional(),
});
export type TuneCommand = z.infer<typeof tuneCommandSchema>;
