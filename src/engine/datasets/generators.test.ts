/**
 * The generators (./generators.ts) and the held-out split (./split.ts) against scripts/reference/reference.py,
 * which draws the same xoshiro128** data stream on its own, to 1e-12; and the shapes of the Playground's sets.
 */
import { describe, expect, it } from 'vitest';
import type { InlineOrGenerated } from '../../shared/spec';
import { buildDataset, type Dataset } from '../data';
import reference from '../fixtures/reference.json';
import { iris } from './iris';

const rowsOf = (flat: Float64Array, width: number) =>
  Array.from({ length: flat.length / width }, (_, r) => Array.from(flat.subarray(r * width, (r + 1) * width)));

/** Largest absolute difference between two tables of the same shape (Infinity when the shapes differ). */
function largestDifference(a: number[][], b: number[][]): number {
  if (a.length !== b.length || a.some((row, r) => row.length !== b[r].length)) return Infinity;
  return Math.max(0, ...a.flatMap((row, r) => row.map((v, j) => Math.abs(v - b[r][j]))));
}

describe('generated data sets against reference.py (to 1e-12)', () => {
  for (const c of reference.datasets.generated) {
    it(`${c.spec.generate}, n ${c.spec.n}, noise ${c.spec.noise}, test ${c.spec.test}, seed ${c.seed}`, () => {
      const data = buildDataset(c.spec as InlineOrGenerated, c.seed);
      expect(largestDifference(rowsOf(data.x, 2), c.x)).toBeLessThan(1e-12);
      expect(largestDifference(rowsOf(data.y, data.outputs), c.y)).toBeLessThan(1e-12);
      const test = data.test ?? { x: new Float64Array(0), y: new Float64Array(0), outputs: data.outputs };
      expect(largestDifference(rowsOf(test.x, 2), c.testX)).toBeLessThan(1e-12);
      expect(largestDifference(rowsOf(test.y, test.outputs), c.testY)).toBeLessThan(1e-12);
    });
  }

  it('holds out the Iris rows that reference.py picks', () => {
    const all = rowsOf(iris().x, 4);
    for (const c of reference.datasets.iris) {
      const data = buildDataset({ dataset: 'iris', test: c.test }, c.seed);
      expect(rowsOf(data.test!.x, 4)).toEqual(c.heldOut.map((r) => all[r]));
    }
  });
});

describe("the Playground's shapes", () => {
  const build = (generate: string, noise = 0, n = 200, seed = 1): Dataset => buildDataset({ generate, n, noise, test: 0 } as InlineOrGenerated, seed);
  const points = (d: Dataset) => rowsOf(d.x, 2).map(([x1, x2], r) => ({ x1, x2, label: d.y[r * d.outputs + 1] }));

  it('balances the classes: ⌈n/2⌉ of class 1 first, then ⌊n/2⌋ of class 0', () => {
    for (const generate of ['circle', 'gauss', 'spiral']) {
      const labels = points(build(generate, 0, 7)).map((p) => p.label);
      expect(labels).toEqual([1, 1, 1, 1, 0, 0, 0]);
    }
  });

  it('circle without noise: class 1 inside radius 2.5, class 0 from 3.5 to 5', () => {
    for (const p of points(build('circle'))) {
      const r = Math.sqrt(p.x1 ** 2 + p.x2 ** 2);
      if (p.label === 1) expect(r).toBeLessThan(2.5);
      else expect(r >= 3.5 && r <= 5).toBe(true);
    }
  });

  it('xor without noise: class 1 where x1·x2 ≥ 0, every point at least 0.3 from both axes', () => {
    for (const p of points(build('xor'))) {
      expect(p.label).toBe(p.x1 * p.x2 >= 0 ? 1 : 0);
      expect(Math.min(Math.abs(p.x1), Math.abs(p.x2))).toBeGreaterThanOrEqual(0.3);
      expect(Math.max(Math.abs(p.x1), Math.abs(p.x2))).toBeLessThanOrEqual(5.3);
    }
  });

  it('gauss: each cluster centred near (2, 2) or (−2, −2) with variance 0.5 + 7·noise', () => {
    const pts = points(build('gauss', 0.5, 20000));
    for (const [label, centre] of [
      [1, 2],
      [0, -2],
    ] as const) {
      const xs = pts.filter((p) => p.label === label).map((p) => p.x1);
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
      // 10,000 draws: the mean's standard error is √(4/10⁴) = 0.02, the variance's about 4·√(2/10⁴) ≈ 0.057.
      expect(Math.abs(mean - centre)).toBeLessThan(0.1);
      expect(Math.abs(variance - 4)).toBeLessThan(0.3);
    }
  });

  it('spiral without noise: row i of each arm at radius 5·i/count', () => {
    const pts = points(build('spiral', 0, 10));
    pts.forEach((p, r) => expect(Math.sqrt(p.x1 ** 2 + p.x2 ** 2)).toBeCloseTo(((r % 5) / 5) * 5, 12));
  });

  it('plane without noise: the target is (x1 + x2)/10; gauss-mix is 1 − d/2 at a bump of sign +1, 0 far from all', () => {
    const plane = build('plane');
    rowsOf(plane.x, 2).forEach(([x1, x2], r) => expect(plane.y[r]).toBe((x1 + x2) / 10));
    const mix = build('gauss-mix', 0, 2000);
    for (const [r, [x1, x2]] of rowsOf(mix.x, 2).entries()) {
      expect(Math.abs(mix.y[r])).toBeLessThanOrEqual(1);
      const d = Math.sqrt((x1 - 4) ** 2 + (x2 - 2.5) ** 2); // the bump at (4, 2.5), sign +1; the others are ≥ 4 away
      if (d < 1) expect(mix.y[r]).toBeCloseTo(1 - d / 2, 12);
    }
    expect(Math.max(...rowsOf(mix.x, 2).flat().map(Math.abs))).toBeLessThanOrEqual(6);
  });

  it('noise moves the labels, not the points: the same seed draws the same inputs', () => {
    const clean = build('xor', 0);
    const noisy = build('xor', 0.5);
    expect(noisy.x).toEqual(clean.x);
    expect(noisy.y).not.toEqual(clean.y);
  });
});
