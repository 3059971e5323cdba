/** The loss-surface sampler: grids over parameter axes and random planes, and the projection of particles. */
import { describe, expect, it } from 'vitest';
import { buildDataset } from './data';
import { fullBatch } from './model';
import { MlpModel } from './models/mlp';
import { SurfaceModel } from './models/surface';
import { surfaces } from './surfaces';
import { axesPlane, projectParticles, randomPlane, sampleLoss } from './sampler';

describe('sampleLoss', () => {
  it('a 3 × 2 grid of the bowl over the parameter axes holds f at each grid point, a varying fastest', () => {
    const model = new SurfaceModel(surfaces.bowl.evaluate);
    const values = sampleLoss(model, axesPlane([0, 0], 0, 1), {
      range: [
        [0, 2],
        [2, 4],
      ],
      resolution: [3, 2],
    });
    // (x−1)² + (y−2)² at x ∈ {0, 1, 2}, y ∈ {2, 4}.
    expect([...values]).toEqual([1, 0, 1, 5, 4, 5]);
  });

  it('slices a model of many parameters along two of them, the rest held at the centre', () => {
    const data = buildDataset(
      {
        x: [
          [0.5, -1],
          [2, 1],
        ],
        y: [
          [1, 0],
          [0, 1],
        ],
      },
      0,
    );
    const model = new MlpModel(data, { layers: [2, 3, 2], hidden: 'tanh', output: 'softmax' });
    const center = Float64Array.from({ length: model.paramCount }, (_, q) => Math.sin(q));
    const values = sampleLoss(model, axesPlane(center, 2, 7), {
      range: [
        [-1, 1],
        [-2, 2],
      ],
      resolution: [5, 4],
    });
    // Spot check one grid point against a direct evaluation: a = −0.5 (ia = 1), b = 2/3 (ib = 2).
    const theta = Float64Array.from(center);
    theta[2] = -0.5;
    theta[7] = -2 + (4 * 2) / 3;
    const loss = new Float64Array(1);
    model.evaluate(theta, 1, fullBatch(2), loss, null, null);
    expect(values[2 * 5 + 1]).toBeCloseTo(loss[0], 14);
    expect(values.length).toBe(20);
  });

  it('grids larger than one evaluation chunk are filled completely', () => {
    const model = new SurfaceModel(surfaces.valley.evaluate);
    const values = sampleLoss(model, axesPlane([0, 0], 0, 1), {
      range: [
        [-1, 1],
        [-1, 1],
      ],
      resolution: [100, 100],
    });
    expect(values.every(Number.isFinite)).toBe(true);
    expect(values[0]).toBeCloseTo(2.1, 14); // 0.1·1 + 2·1 at (−1, −1)
    expect(values[9999]).toBeCloseTo(2.1, 14);
  });
});

describe('random planes (Li et al. 2018)', () => {
  const data = buildDataset({ x: [[1, 2, 3]], y: [[0, 1]] }, 0);
  const model = new MlpModel(data, { layers: [3, 4, 2], hidden: 'relu', output: 'softmax' });
  const center = Float64Array.from({ length: model.paramCount }, (_, q) => 0.1 * (q + 1));

  it('each filter of each direction has the norm of that filter in the centre, and biases are zero', () => {
    const plane = randomPlane(model, center, 7);
    for (const d of [plane.d1, plane.d2]) {
      for (const filter of model.filters()) {
        const norm = (v: ArrayLike<number>) => Math.sqrt(filter.indices.reduce((s, q) => s + v[q] * v[q], 0));
        if (filter.bias) expect(norm(d)).toBe(0);
        else expect(norm(d)).toBeCloseTo(norm(center), 12);
      }
    }
  });

  it('is the same for the same seed and differs for another', () => {
    expect(randomPlane(model, center, 7).d1).toEqual(randomPlane(model, center, 7).d1);
    expect(randomPlane(model, center, 7).d1).not.toEqual(randomPlane(model, center, 8).d1);
  });

  it('particles in the plane project to their own coordinates', () => {
    const plane = randomPlane(model, center, 7);
    const coords = [
      [0.5, -0.25],
      [-1, 2],
      [0, 0],
    ];
    const n = coords.length;
    const P = model.paramCount;
    const params = new Float64Array(n * P);
    coords.forEach(([a, b], i) => {
      for (let q = 0; q < P; q++) params[q * n + i] = plane.origin[q] + a * plane.d1[q] + b * plane.d2[q];
    });
    const out = projectParticles(plane, params, n, new Float64Array(2 * n));
    coords.flat().forEach((v, k) => expect(out[k]).toBeCloseTo(v, 12));
  });

  it('projection onto parameter axes reads off the parameters themselves', () => {
    const plane = axesPlane([9, 9, 9], 0, 2);
    const out = projectParticles(plane, Float64Array.of(1, 2, 5, 6, 3, 4), 2, new Float64Array(4));
    expect([...out]).toEqual([1, 3, 2, 4]);
  });
});
