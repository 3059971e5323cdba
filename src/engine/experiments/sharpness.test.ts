/** The sharpness measure (./sharpness.ts) against closed forms and a Hessian built column by column. */
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../dataset';
import { fullBatch } from '../model';
import { LinearModel } from '../models/linear';
import { MlpModel } from '../models/mlp';
import { SurfaceModel } from '../models/surface';
import { Random } from '../random';
import { stableRate } from '../stable-rate';
import { symmetricEigen } from '../symmetric-eigen';
import { finiteMedian, sharpness } from './sharpness';

/** A cloud of n particles in the parameter-major layout, from each particle's parameter list. */
function cloud(particles: number[][]): Float64Array {
  const n = particles.length;
  const P = particles[0].length;
  const params = new Float64Array(P * n);
  particles.forEach((theta, i) => theta.forEach((v, q) => (params[q * n + i] = v)));
  return params;
}

describe('sharpness', () => {
  it('is 18 everywhere on Booth’s surface: its Hessian is [[10, 8], [8, 10]], eigenvalues 18 and 2', () => {
    const model = SurfaceModel.named('booth');
    const lambda = sharpness(
      model,
      cloud([
        [1, 3],
        [-4, 2.5],
        [0, 0],
        [8, -9],
      ]),
      4,
    );
    for (const value of lambda) expect(value).toBeCloseTo(18, 6);
  });

  it('equals λ_max of (2/m)·AᵀA for a linear model, the stable-rate readout’s Jacobi eigenvalue, wherever it is taken', () => {
    const random = new Random(7);
    const rows = 40;
    const x = Float64Array.from({ length: rows * 3 }, () => random.normal() * 2 + 1);
    const y = Float64Array.from({ length: rows }, () => random.normal());
    const data: Dataset = { rows, inputs: 3, outputs: 1, x, y };
    const expected = stableRate(data, true).lambdaMax;
    const model = new LinearModel(data, true);
    const lambda = sharpness(
      model,
      cloud([
        [0, 0, 0, 0],
        [5, -3, 2, 1],
      ]),
      2,
      { iterations: 200 },
    );
    for (const value of lambda) expect(Math.abs(value - expected) / expected).toBeLessThan(1e-8);
  });

  it('equals the largest eigenvalue of an MLP’s Hessian, built column by column from the exact gradient, at each particle', () => {
    const random = new Random(3);
    const rows = 12;
    const data: Dataset = {
      rows,
      inputs: 2,
      outputs: 1,
      x: Float64Array.from({ length: rows * 2 }, () => random.normal()),
      y: Float64Array.from({ length: rows }, () => random.normal()),
    };
    const model = new MlpModel(data, { layers: [2, 4, 1], hidden: 'tanh', output: 'identity' });
    const P = model.paramCount; // 2·4 + 4 + 4 + 1 = 17
    const particles = [0, 1, 2].map(() => Array.from({ length: P }, () => random.normal() * 0.7));
    const lambda = sharpness(model, cloud(particles), 3, { iterations: 300 });
    particles.forEach((theta, i) => {
      const hessian = hessianByColumns(model, theta);
      const largest = symmetricEigen(hessian, P).values[0];
      expect(Math.abs(lambda[i] - largest) / Math.abs(largest), `particle ${i}`).toBeLessThan(1e-6);
    });
  });

  it('finds λ_max where the eigenvalue of largest magnitude is negative (the second, shifted pass)', () => {
    // f = x² − 4y² has the Hessian diag(2, −8): power iteration alone would give −8.
    const model = new SurfaceModel((x, y, g) => {
      g.dx = 2 * x;
      g.dy = -8 * y;
      return x * x - 4 * y * y;
    });
    const lambda = sharpness(
      model,
      cloud([
        [1, 1],
        [0, -3],
      ]),
      2,
    );
    for (const value of lambda) expect(value).toBeCloseTo(2, 6);
  });

  it('gives NaN for a particle that is not finite, and the others their own value', () => {
    const model = SurfaceModel.named('booth');
    const lambda = sharpness(
      model,
      cloud([
        [1, 3],
        [NaN, 0],
        [Infinity, 2],
      ]),
      3,
    );
    expect(lambda[0]).toBeCloseTo(18, 6);
    expect(lambda[1]).toBeNaN();
    expect(lambda[2]).toBeNaN();
  });

  it('is the same for the same seed, and a flat loss gives 0', () => {
    const model = SurfaceModel.named('booth');
    const params = cloud([
      [1, 3],
      [2, 2],
    ]);
    expect(sharpness(model, params, 2, { seed: 5 })).toEqual(sharpness(model, params, 2, { seed: 5 }));
    const flat = new LinearModel({ rows: 3, inputs: 1, outputs: 1, x: new Float64Array(3), y: new Float64Array(3) }, false);
    expect(Array.from(sharpness(flat, cloud([[2]]), 1))).toEqual([0]);
  });
});

describe('finiteMedian', () => {
  it('is the middle value, or the mean of the middle two, of the finite values', () => {
    expect(finiteMedian([3, 1, 2])).toBe(2);
    expect(finiteMedian([4, 1, 3, 2])).toBe(2.5);
    expect(finiteMedian([NaN, 5, Infinity, 1, -Infinity])).toBe(3);
    expect(finiteMedian([NaN])).toBeNaN();
  });
});

/** The Hessian of one particle's full-data loss, column q the central difference of the gradient along parameter q, symmetrised. */
function hessianByColumns(model: MlpModel, theta: number[]): Float64Array {
  const P = theta.length;
  const gradient = (point: number[]) => {
    const grad = new Float64Array(P);
    model.evaluate(Float64Array.from(point), 1, fullBatch(model.rows), new Float64Array(1), grad, null);
    return grad;
  };
  const h = 1e-5;
  const hessian = new Float64Array(P * P);
  for (let q = 0; q < P; q++) {
    const plus = [...theta];
    const minus = [...theta];
    plus[q] += h;
    minus[q] -= h;
    const [gp, gm] = [gradient(plus), gradient(minus)];
    for (let r = 0; r < P; r++) hessian[r * P + q] = (gp[r] - gm[r]) / (2 * h);
  }
  for (let r = 0; r < P; r++) for (let q = r + 1; q < P; q++) hessian[r * P + q] = hessian[q * P + r] = (hessian[r * P + q] + hessian[q * P + r]) / 2;
  return hessian;
}
