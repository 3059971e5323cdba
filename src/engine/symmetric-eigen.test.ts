import { describe, expect, it } from 'vitest';
import { symmetricEigen } from './symmetric-eigen';
import { expectClose } from './testing';

describe('symmetricEigen (cyclic Jacobi)', () => {
  it('gives the diagonal of a diagonal matrix, largest first, with the axes as vectors', () => {
    const { values, vectors } = symmetricEigen([5, 0, 0, 0, -1, 0, 0, 0, 2], 3);
    expect(values).toEqual([5, 2, -1]);
    expect(vectors.map((v) => Array.from(v))).toEqual([
      [1, 0, 0],
      [0, 0, 1],
      [0, 1, 0],
    ]);
  });

  it('gives 3 and 1 for [[2, 1], [1, 2]] (closed form: 2 ± 1)', () => {
    expectClose(symmetricEigen([2, 1, 1, 2], 2).values, [3, 1], 1e-15, 'λ');
  });

  it('gives 3 ± √5 for [[2, 2], [2, 4]] (closed form: the roots of λ² − 6λ + 4)', () => {
    expectClose(symmetricEigen([2, 2, 2, 4], 2).values, [3 + Math.sqrt(5), 3 - Math.sqrt(5)], 1e-15, 'λ');
  });

  it('gives the roots of the characteristic polynomial of a full 3×3, and unit vectors with A·v = λ·v', () => {
    const a = [4, 1, 2, 1, 3, 0.5, 2, 0.5, 5];
    const { values, vectors } = symmetricEigen(a, 3);
    const [l1, l2, l3] = values;
    // det(A − λI) = −λ³ + tr·λ² − minors·λ + det; tr = 12, minors = (12 − 1) + (20 − 4) + (15 − 0.25) = 41.75, det = 4(15 − 0.25) − 1(5 − 1) + 2(0.5 − 6) = 44.
    expect(l1 + l2 + l3).toBeCloseTo(12, 12);
    expect(l1 * l2 + l1 * l3 + l2 * l3).toBeCloseTo(41.75, 12);
    expect(l1 * l2 * l3).toBeCloseTo(44, 11);
    expect(l1).toBeGreaterThan(l2);
    expect(l2).toBeGreaterThan(l3);
    values.forEach((lambda, e) => {
      const v = vectors[e];
      expect(Math.hypot(...v)).toBeCloseTo(1, 14);
      const av = [0, 1, 2].map((i) => a[3 * i] * v[0] + a[3 * i + 1] * v[1] + a[3 * i + 2] * v[2]);
      expectClose(
        av,
        Array.from(v, (x) => lambda * x),
        1e-13,
        `A·v${e}`,
      );
    });
  });

  it('leaves the matrix it is given as it was', () => {
    const a = Float64Array.from([2, 1, 1, 2]);
    symmetricEigen(a, 2);
    expect(Array.from(a)).toEqual([2, 1, 1, 2]);
  });
});
