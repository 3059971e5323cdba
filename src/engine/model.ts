/**
 * What every model offers the optimizer loop. Parameters and gradients of the whole cloud live in one
 * parameter-major Float64Array: parameter j of particle i is at j·n + i, so each model's inner loop
 * walks contiguous memory for one parameter across particles.
 */
import type { SurfaceSteppers } from './surface-steps';

/** The rows used for one step: order[start..end). A surface ignores it. */
export interface Batch {
  order: Int32Array;
  start: number;
  end: number;
}

/** Parameter indices that Li et al. (2018) normalise together: one neuron's incoming weights. */
export interface Filter {
  readonly indices: readonly number[];
  readonly bias: boolean;
}

export interface Model {
  readonly paramCount: number;
  readonly paramNames: readonly string[];
  /** Rows of data (0 for a surface: then one step is one epoch). */
  readonly rows: number;
  /**
   * Loss of each particle on the batch into `loss[i]`, and its gradient into `grad` (same layout as
   * `params`) unless `grad` is null. Only particles with `active[i] === 1` are touched when `active` is given.
   * The neuron writes the notebook's weight delta (half the gradient of its error) instead: CONTRACTS §1.
   *
   * Only particles `from` ≤ i < `to` are evaluated (the whole cloud by default), so that a step can walk
   * the cloud in cache-sized blocks. A call with `from` = 0 starts the batch: work that depends on the batch
   * alone (linear regression's statistics) is done then and reused by the calls for later blocks, so a
   * caller walking the cloud in blocks starts at 0 and keeps the same batch until the last block.
   *
   * A model may return true to say that every loss it wrote is finite (found on the way, for less than a
   * second pass costs); anything else leaves the caller to check them.
   */
  evaluate(
    params: Float64Array,
    n: number,
    batch: Batch,
    loss: Float64Array,
    grad: Float64Array | null,
    active: Uint8Array | null,
    from?: number,
    to?: number,
  ): boolean | void;
  /**
   * Optional, for models so cheap that separate passes would cost more than the maths (the surfaces): for
   * each optimizer, a step that evaluates and updates each particle of a block in one pass, leaving `grad`
   * as it was (./surface-steps.ts), bit-identical to evaluate + Optimizer.step.
   */
  readonly steppers?: SurfaceSteppers;
  /** Groups for filter-normalised random directions. */
  filters(): Filter[];
}

/** A batch covering every row in order: the full data set. */
export function fullBatch(rows: number): Batch {
  const order = new Int32Array(rows);
  for (let r = 0; r < rows; r++) order[r] = r;
  return { order, start: 0, end: rows };
}
