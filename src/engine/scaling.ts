/**
 * `data.scale` (CONTRACTS §10): `standard` centres each input column to mean 0 and divides it by its
 * population standard deviation (ddof 0, as numpy's `std` and scikit-learn's StandardScaler), computed over
 * the training rows; a constant column is only centred. Targets are left as they are. The model trains on
 * the scaled columns, so its parameters are in standardised units: w·size is the change in the target for
 * one standard deviation of size. The page maps the data's own units through the same scaling to draw a fit.
 */
import type { Dataset } from './data';

/** x' = (x − mean) / spread, column by column. A constant column has spread 1 (centred only). */
export interface Scaling {
  readonly mean: Float64Array;
  readonly spread: Float64Array;
}

/** The standard scaling of the data's input columns, from its training rows (never from `data.test`). */
export function standardScaling(data: Dataset): Scaling {
  const { rows, inputs: p, x } = data;
  const mean = new Float64Array(p);
  const spread = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let sum = 0;
    let constant = true;
    for (let r = 0; r < rows; r++) {
      sum += x[r * p + j];
      if (x[r * p + j] !== x[j]) constant = false;
    }
    const m = sum / rows;
    let squares = 0;
    for (let r = 0; r < rows; r++) squares += (x[r * p + j] - m) ** 2;
    // Tested for exact equality: a rounded mean leaves a constant column a spread of 1e-17, not 0.
    const s = Math.sqrt(squares / rows);
    mean[j] = constant ? x[j] : m;
    spread[j] = constant || s === 0 ? 1 : s;
  }
  return { mean, spread };
}

/** The data with its input columns scaled, its held-out part too (a new data set; targets shared, unchanged). */
export function scaledDataset(data: Dataset, scaling: Scaling): Dataset {
  const p = data.inputs;
  const x = Float64Array.from(data.x, (v, k) => (v - scaling.mean[k % p]) / scaling.spread[k % p]);
  return { ...data, x, ...(data.test && { test: scaledDataset(data.test, scaling) }) };
}

/** One row in the data's own units as the model sees it. */
export function scaleRow(scaling: Scaling | null, row: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: row.length }, (_, j) => (scaling ? (row[j] - scaling.mean[j]) / scaling.spread[j] : row[j]));
}

/** The data the model trains on for `scale` (left out = none), with the scaling used, or null for none. */
export function applyScale(data: Dataset, scale: 'none' | 'standard' | undefined): { data: Dataset; scaling: Scaling | null } {
  if (scale !== 'standard') return { data, scaling: null };
  const scaling = standardScaling(data);
  return { data: scaledDataset(data, scaling), scaling };
}
