/** The shipped 8×8 digits (./digits-data.ts) against the facts their sources state. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { shippedShapes } from '../../shared/spec';
import { digits } from './digits';

describe('8×8 digits (Alpaydin and Kaynak 1998; UCI doi 10.24432/C50P49, the test set optdigits.tes)', () => {
  const data = digits();
  const classOf = (r: number) => data.y.subarray(r * 10, r * 10 + 10).indexOf(1);

  it('has 1,797 rows of 64 inputs and 10 one-hot classes, as spec.ts tells the validator', () => {
    expect({ rows: data.rows, inputs: data.inputs, outputs: data.outputs }).toEqual(shippedShapes.digits);
    expect(data.classes).toBe(10);
    const sums = Array.from({ length: data.rows }, (_, r) => data.y.subarray(r * 10, r * 10 + 10).reduce((a, b) => a + b, 0));
    expect(sums.every((sum) => sum === 1)).toBe(true);
    expect(data.names?.y).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(data.names?.x.slice(0, 2)).toEqual(['pixel_0_0', 'pixel_0_1']);
    expect(data.names?.x[63]).toBe('pixel_7_7');
  });

  it('has the testing set’s class distribution of UCI’s optdigits.names (section 9): 178, 182, 177, 183, 181, 182, 181, 179, 174, 180', () => {
    const counts = new Array<number>(10).fill(0);
    for (let r = 0; r < data.rows; r++) counts[classOf(r)]++;
    expect(counts).toEqual([178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
  });

  it('has every input a whole count from 0 to 16 (a 4×4 block’s on pixels)', () => {
    const outside = data.x.filter((value) => !(Number.isInteger(value) && value >= 0 && value <= 16));
    expect(outside.length).toBe(0);
    expect(Math.max(...data.x)).toBe(16); // the full range is used
    // Blank in every row (docs/scenario.md says so of scaling): pixel_0_0, pixel_4_0 and pixel_4_7.
    const blank = Array.from({ length: 64 }, (_, k) => k).filter((k) => Array.from({ length: data.rows }, (_, r) => data.x[r * 64 + k]).every((v) => v === 0));
    expect(blank.map((k) => data.names!.x[k])).toEqual(['pixel_0_0', 'pixel_4_0', 'pixel_4_7']);
  });

  it('is, written back as text, the very file scikit-learn ships (SHA-256 of digits.csv.gz unpacked, Debian python3-sklearn 1.2.1+dfsg-1)', () => {
    let text = '';
    for (let r = 0; r < data.rows; r++) text += `${Array.from(data.x.subarray(r * 64, r * 64 + 64)).join(',')},${classOf(r)}\n`;
    // `zcat sklearn/datasets/data/digits.csv.gz | sha256sum` on the package's file.
    expect(createHash('sha256').update(text).digest('hex')).toBe('6ebb3d2fee246a4e99363262ddf8a00a3c41bee6014c373ed9d9216ba7f651b8');
  });
});
