/**
 * The held-out share (`data.test`): round(test·n) rows kept out of training, chosen by a seeded shuffle of the
 * row indices (the first ones after the shuffle are held out). Both parts keep the rows' original order.
 */
import type { Dataset } from '../dataset';
import type { Random } from '../random';
import { heldOutRows } from '../../shared/spec';

/** The data's training rows, with the held-out rows as `test`; the data itself when none are held out. */
export function holdOut(data: Dataset, test: number, random: Random): Dataset {
  const held = heldOutRows(test, data.rows);
  if (held === 0) return data;
  const order = Int32Array.from({ length: data.rows }, (_, r) => r);
  random.shuffle(order);
  const isHeld = new Uint8Array(data.rows);
  for (let k = 0; k < held; k++) isHeld[order[k]] = 1;
  const heldRows: number[] = [];
  const trainRows: number[] = [];
  for (let r = 0; r < data.rows; r++) (isHeld[r] ? heldRows : trainRows).push(r);
  return { ...rowsOf(data, trainRows), test: rowsOf(data, heldRows) };
}

/** The data's rows at `rows`, in that order (no held-out part of its own). */
function rowsOf(data: Dataset, rows: readonly number[]): Dataset {
  const { inputs: p, outputs: q } = data;
  const x = new Float64Array(rows.length * p);
  const y = new Float64Array(rows.length * q);
  rows.forEach((r, k) => {
    x.set(data.x.subarray(r * p, (r + 1) * p), k * p);
    y.set(data.y.subarray(r * q, (r + 1) * q), k * q);
  });
  const { test: _test, ...rest } = data;
  return { ...rest, rows: rows.length, x, y };
}
