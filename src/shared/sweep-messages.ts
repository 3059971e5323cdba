/**
 * The stability map's contract (issue 8, CONTRACTS §2 `sweep`): what the page asks the sweep workers
 * (src/trainer/sweep-worker.ts; they answer cell by cell, ./cell-messages.ts), the result's shape, and the pure edit that makes one
 * cell's scenario. The job itself is src/engine/experiments/sweep.ts.
 */
import { z } from 'zod';
import type { Scenario } from './scenario';
import { sweepFields, type SweepField } from './settings';

/** The second settings a map can sweep (the `--vs` of the command line): the settings table's sweepable rows. */
export { sweepFields, type SweepField };

/** Points along one axis, MIN..MAX inclusive. */
export interface SweepAxis {
  min: number;
  max: number;
  count: number;
}

/** One cell: shares of the cloud (0..1) after the epochs, and the median step of convergence. */
export interface SweepCell {
  converged: number;
  diverged: number;
  medianSteps: number | null;
}

/** CONTRACTS §2: `cells[row][column]`, one row per vs value (one row without vs), one column per alpha. */
export interface SweepResult {
  alpha: number[];
  vs: { field: SweepField; values: number[] } | null;
  cells: SweepCell[][];
}

/** The scenario of one cell, not yet validated: alpha set, and the second setting when there is one. */
export function cellScenario(scenario: Scenario, alpha: number, field: SweepField | null, value: number): Scenario {
  const s: Scenario = { ...scenario, optimizer: { ...scenario.optimizer, alpha } };
  switch (field) {
    case null:
      return s;
    case 'batch.size':
      return { ...s, batch: { ...s.batch, size: value } };
    case 'optimizer.beta':
      return { ...s, optimizer: { ...s.optimizer, beta: value } as Scenario['optimizer'] };
    case 'clip.limit':
      // Without a clip, sweeping its limit clips by norm (the mode that keeps the gradient's direction).
      return { ...s, clip: { mode: s.clip?.mode ?? 'norm', limit: value } };
    case 'init.std':
      return { ...s, init: { ...s.init, std: value } as Scenario['init'] };
  }
}

const axis = { min: z.number(), max: z.number(), count: z.int() };

export const sweepCommandSchema = z.strictObject({
  type: z.literal('sweep'),
  /** The scenario whose learning rate (and second setting) is swept; a race's groups are ignored. */
  scenario: z.unknown(),
  alpha: z.strictObject(axis),
  vs: z.strictObject({ field: z.enum(sweepFields), ...axis }).nullable(),
  epochs: z.int().optional(),
});
export type SweepCommand = z.infer<typeof sweepCommandSchema>;
