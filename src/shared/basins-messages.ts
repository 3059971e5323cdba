/**
 * The basins of attraction's contract: what the page asks the basins workers (src/trainer/basins-worker.ts;
 * they answer row by row, ./cell-messages.ts) and the result. The computation is src/engine/experiments/basins.ts.
 */
import { z } from 'zod';

/** Label of a start that diverged. */
export const divergedLabel = -1;
/** Label of a start whose end point is near no minimum (still moving, or stuck somewhere else). */
export const unsettledLabel = -2;

export interface BasinsResult {
  resolution: number;
  range: [[number, number], [number, number]];
  /** The minima the labels count from: label k is minima[k]. */
  minima: [number, number][];
  /** Where the minima come from: the surface's known list, derived (Rastrigin's lattice), or clustered end points. */
  minimaSource: 'known' | 'derived' | 'clustered';
  /** One label per start, row-major with x fastest: start (ix, iy) at iy·resolution + ix. */
  labels: Int32Array;
  /** Starts per minimum (same order as `minima`). */
  counts: number[];
  diverged: number;
  unsettled: number;
  /** Steps run (at most the scenario's epochs: a surface has one step per epoch). */
  steps: number;
}

/** Starts per side: the page offers 50 to 400 (160,000 runs). */
export const maxBasinsResolution = 400;

const range2 = z.tuple([z.tuple([z.number(), z.number()]), z.tuple([z.number(), z.number()])]);

export const basinsCommandSchema = z.strictObject({
  type: z.literal('basins'),
  /** A surface scenario: its optimizer, epochs and tolerance run every start. */
  scenario: z.unknown(),
  resolution: z.int().gte(2).lte(maxBasinsResolution),
  range: range2.optional(),
});
export type BasinsCommand = z.infer<typeof basinsCommandSchema>;
