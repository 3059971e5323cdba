/**
 * What every model offers the optimizer loop. Parameters and gradients of the whole cloud live in one
 * parameter-major Float64Array: parameter j of particle i is at j·n + i, so each model's inner loop
 * walks contiguous memory for one parameter across particles.
 */

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
   */
  evaluate(params: Float64Array, n: number, batch: Batch, loss: Float64Array, grad: Float64Array | null, active: Uint8Array | null): void;
  /** Groups for filter-normalised random directions. */
  filters(): Filter[];
}

/** A batch covering every row in order: the full data set. */
export function fullBatch(rows: number): Batch {
  const order = new Int32Array(rows);
  for (let r = 0; r < rows; r++) order[r] = r;
  return { order, start: 0, end: rows };
}
