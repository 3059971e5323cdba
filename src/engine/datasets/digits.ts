/** The 8×8 handwritten digits (./digits-data.ts) as a Dataset: 1,797 rows, 64 pixel counts, 10 classes as one-hot targets. */
import type { Dataset } from '../dataset';
import { digitsRows } from './digits-data';

/** The input columns' names, as scikit-learn's load_digits names them: pixel_<row>_<column>, from 0. */
const columns = Array.from({ length: 64 }, (_, k) => `pixel_${Math.floor(k / 8)}_${k % 8}`);
const classNames = Array.from({ length: 10 }, (_, digit) => String(digit));

export function digits(): Dataset {
  const rows = digitsRows.length;
  const x = new Float64Array(rows * 64);
  const y = new Float64Array(rows * 10);
  digitsRows.forEach((row, r) => {
    for (let k = 0; k < 64; k++) x[r * 64 + k] = row.charCodeAt(k) - 97; // 'a' is a count of 0
    y[r * 10 + row.charCodeAt(64) - 48] = 1; // the digit's column
  });
  return { rows, inputs: 64, outputs: 10, x, y, classes: 10, names: { x: columns, y: classNames } };
}
