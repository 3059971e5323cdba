/** The shipped Iris data (./iris-data.ts) against the facts its sources state. */
import { describe, expect, it } from 'vitest';
import { shippedShapes } from '../../shared/spec';
import { iris } from './iris';

describe('Iris (Fisher 1936; UCI doi 10.24432/C56C76)', () => {
  const data = iris();

  it('has 150 rows of 4 inputs and 3 one-hot classes, as spec.ts tells the validator', () => {
    expect({ rows: data.rows, inputs: data.inputs, outputs: data.outputs }).toEqual(shippedShapes.iris);
    expect(data.classes).toBe(3);
    for (let r = 0; r < data.rows; r++) expect(Array.from(data.y.subarray(r * 3, r * 3 + 3)).sort()).toEqual([0, 0, 1]);
  });

  it('has 50 rows per class, in the order setosa, versicolor, virginica', () => {
    const classOf = (r: number) => data.y.subarray(r * 3, r * 3 + 3).indexOf(1);
    const counts = [0, 0, 0];
    for (let r = 0; r < data.rows; r++) {
      counts[classOf(r)]++;
      expect(classOf(r)).toBe(Math.floor(r / 50));
    }
    expect(counts).toEqual([50, 50, 50]);
    expect(data.names?.y).toEqual(['setosa', 'versicolor', 'virginica']);
  });

  it('has the column means of the UCI page: 5.843, 3.057, 3.758, 1.199 (cm)', () => {
    // The UCI page's summary statistics give the means to three decimals. The sepal width's 3.057 is that of
    // Fisher's values; UCI's iris.data file, with the two errors its page lists in rows 35 and 38, gives 3.054.
    const means = [0, 1, 2, 3].map((j) => Array.from({ length: 150 }, (_, r) => data.x[r * 4 + j]).reduce((a, b) => a + b, 0) / 150);
    [5.843, 3.057, 3.758, 1.199].forEach((mean, j) => expect(Math.abs(means[j] - mean)).toBeLessThan(0.0005));
  });

  it('has rows 35 and 38 as Fisher printed them (the UCI page’s corrections)', () => {
    const row = (n: number) => Array.from(data.x.subarray((n - 1) * 4, n * 4));
    expect(row(35)).toEqual([4.9, 3.1, 1.5, 0.2]);
    expect(row(38)).toEqual([4.9, 3.6, 1.4, 0.1]);
    expect(row(1)).toEqual([5.1, 3.5, 1.4, 0.2]);
    expect(row(150)).toEqual([5.9, 3.0, 5.1, 1.8]);
  });
});
