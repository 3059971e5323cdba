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
   *
   * Only particles `from` ≤ i < `to` are evaluated (the whole cloud by default), so that a step can walk
   * the cloud in cache-sized blocks. A call with `from` = 0 starts the batch: work that depends on the batch
   * alone (linear regression's statistics) is done then and reused by the calls for later blocks, so a
   * caller walking the cloud in blocks starts at 0 and keeps the same batch until the last block.
   *
   * A model may return true to say that every loss it wrote is finite (found on the way, for less than a
   * second pass costs); anything else leaves the caller to check them.
   */
  evaluate(params: Float64Array, n: number, batch: Batch, loss: Float64Array, grad: Float64Array | null, active: Uint8Array | null, from?: number, to?: number): boolean | void;
  /**
   * Optional, for models so cheap that separate passes would cost more than the maths (the surfaces): one
   * plain gradient-descent step of particles from..to, which all run, fused with the evaluation: loss into
   * `loss`, then p ← p − lr·g, in one pass; `grad` may be left as it was (the step's caller reads it only on
   * the separate passes). A particle whose loss is not finite is
   * left where it was (as the separate passes leave it). Returns whether every loss and every new value is
   * finite; when not, the caller looks at each particle of the block. Bit-identical to evaluate + update.
   */
  gradientStep?(params: Float64Array, n: number, batch: Batch, loss: Float64Array, grad: Float64Array, lr: number, from: number, to: number): boolean;
  /**
   * Optional, for the same cheap models: the losses of particles from..to (which all run) into `loss` and
   * their gradients into a block-local array, parameter j of particle i at out[j·stride + i − from].
   * Returns whether every loss is finite.
   */
  gradientBlock?(params: Float64Array, n: number, batch: Batch, loss: Float64Array, out: Float64Array, stride: number, from: number, to: number): boolean;
  /** Groups for filter-normalised random directions. */
  filters(): Filter[];
}

/** A batch covering every row in order: the full data set. */
export function fullBatch(rows: number): Batch {
  const order = new Int32Array(rows);
  for (let r = 0; r < rows; r++) order[r] = r;
  return { order, start: 0, end: rows };
}
