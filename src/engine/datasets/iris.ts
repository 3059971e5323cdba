/** The Iris data set (./iris-data.ts) as a Dataset: 150 rows, 4 inputs, 3 classes as one-hot targets. */
import type { Dataset } from '../dataset';
import { irisClasses, irisColumns, irisRows } from './iris-data';

export function iris(): Dataset {
  const rows = irisRows.length;
  const classes = irisClasses.length;
  const x = new Float64Array(rows * 4);
  const y = new Float64Array(rows * classes);
  irisRows.forEach((row, r) => {
    for (let j = 0; j < 4; j++) x[r * 4 + j] = row[j];
    y[r * classes + row[4]] = 1;
  });
  return { rows, inputs: 4, outputs: classes, x, y, classes, names: { x: [...irisColumns], y: [...irisClasses] } };
}
