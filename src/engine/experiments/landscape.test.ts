/**
 * The landscape job (CONTRACTS §6): its grid, its slices, its directions and its bad input. The numbers
 * against the independent Python reference are in ./landscape-reference.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../data';
import { fullBatch } from '../model';
import { MlpModel } from '../models/mlp';
import { SurfaceModel } from '../models/surface';
import { Random } from '../random';
import { randomPlane } from '../sampler';
import { surfaces } from '../surfaces';
import { GridRows, pcaPlane, startLandscape, type LandscapeOptions } from './landscape';

const random = new Random(16);
const data = buildDataset(
  {
    x: Array.from({ length: 12 }, () => [random.normal(), random.normal()]),
    y: Array.from({ length: 12 }, (_, r) => [r % 2]),
  },
  0,
);
const model = new MlpModel(data, { layers: [2, 3, 1], hidden: 'tanh', output: 'sigmoid' });
const P = model.paramCount;
/** A made-up path of 5 points, the last one the center. */
const trajectory = Float64Array.from({ length: 5 * P }, (_, v) => Math.sin(v) * (1 - Math.floor(v / P) / 5));
const center = trajectory.slice(4 * P);
const options: LandscapeOptions = { directions: 'filter', grid: 5, span: 1, seed: 3 };

function lossAt(theta: Float64Array): number {
  const loss = new Float64Array(1);
  model.evaluate(theta, 1, fullBatch(model.rows), loss, null, null);
  return loss[0];
}

describe('startLandscape', () => {
  it('fills the grid row by row: loss[ib·grid + ia] is the loss at center + a[ia]·d1 + b[ib]·d2', () => {
    const job = startLandscape(model, trajectory, options);
    expect(job.rows).toBe(5 + 1); // 5 grid rows, then the path's 5 points in one chunk of up to 5
    while (!job.advance(2));
    const land = job.result();
    expect([...land.a]).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect([...land.b]).toEqual([-1, -0.5, 0, 0.5, 1]);
    for (const [ia, ib] of [
      [0, 0],
      [3, 1],
      [4, 4],
    ]) {
      const theta = center.map((c, q) => c + land.a[ia] * land.d1[q] + land.b[ib] * land.d2[q]);
      expect(land.loss[ib * 5 + ia]).toBe(lossAt(theta));
    }
    // The middle of the grid is the center itself, and so is the path's last point.
    expect(land.loss[2 * 5 + 2]).toBe(lossAt(center));
    expect(land.pathLoss[4]).toBe(lossAt(center));
    expect(land.pathLoss[0]).toBe(lossAt(trajectory.slice(0, P)));
    expect([land.path[8], land.path[9]]).toEqual([0, 0]);
  });

  it('the filter directions are the sampler’s random plane for the seed (biases 0)', () => {
    const land = startLandscape(model, trajectory, options).result();
    const plane = randomPlane(model, center, 3);
    expect(land.d1).toEqual(plane.d1);
    expect(land.d2).toEqual(plane.d2);
  });

  it('gives the same numbers in one slice as in many', () => {
    const whole = startLandscape(model, trajectory, { ...options, grid: 7 });
    expect(whole.advance(1000)).toBe(true);
    const sliced = startLandscape(model, trajectory, { ...options, grid: 7 });
    let calls = 0;
    while (!sliced.advance(1)) calls++;
    expect(calls + 1).toBe(sliced.rows);
    expect(sliced.rowsDone).toBe(sliced.rows);
    expect(sliced.result().loss).toEqual(whole.result().loss);
    expect(sliced.result().pathLoss).toEqual(whole.result().pathLoss);
  });

  it('leaves what is not yet evaluated NaN', () => {
    const job = startLandscape(model, trajectory, options);
    job.advance(1);
    const loss = job.result().loss;
    expect(loss.slice(0, 5).every(Number.isFinite)).toBe(true);
    expect(loss.slice(5).every(Number.isNaN)).toBe(true);
    expect(job.result().pathLoss.every(Number.isNaN)).toBe(true);
  });

  it('axes: unit vectors, so that the path reads off the two parameters’ offsets from the center', () => {
    const land = startLandscape(model, trajectory, { ...options, directions: 'axes', axes: [1, 4] }).result();
    expect(land.d1[1]).toBe(1);
    expect(land.d2[4]).toBe(1);
    expect(land.d1.reduce((s, v) => s + Math.abs(v), 0)).toBe(1);
    expect(land.path[0]).toBeCloseTo(trajectory[1] - center[1], 15);
    expect(land.path[1]).toBeCloseTo(trajectory[4] - center[4], 15);
  });

  it('keeps a non-finite loss as it is: a surface that overflows far out', () => {
    const bowl = new SurfaceModel(surfaces.bowl.evaluate);
    const land = startLandscape(bowl, Float64Array.of(0, 0, 1, 2), { directions: 'axes', axes: [0, 1], grid: 3, span: 1e300, seed: 0 });
    land.advance(10);
    expect(land.result().loss[0]).toBe(Infinity); // (1 − 1e300 − 1)² overflows
    expect(land.result().loss[4]).toBe(0); // the bowl's minimum (1, 2)
  });

  it.each<[string, Partial<LandscapeOptions>, string]>([
    ['grid 2', { grid: 2 }, 'grid: must be a whole number from 3 to 401, not 2'],
    ['grid 402', { grid: 402 }, 'grid: must be a whole number from 3 to 401, not 402'],
    ['grid 5.5', { grid: 5.5 }, 'grid: must be a whole number from 3 to 401, not 5.5'],
    ['span 0', { span: 0 }, 'span: must be a finite number > 0, not 0'],
    ['span NaN', { span: NaN }, 'span: must be a finite number > 0, not NaN'],
    ['axes out of range', { directions: 'axes', axes: [0, P] }, `axes: ${P} is out of range: the model has ${P} parameters (0 to ${P - 1})`],
    ['axes twice the same', { directions: 'axes', axes: [2, 2] }, 'axes: must name two different parameters, not 2 twice'],
    ['axes missing', { directions: 'axes' }, 'axes: axes directions need two parameter indices'],
    ['unknown directions', { directions: 'random' as 'pca' }, 'directions: must be filter, pca or axes, not random'],
  ])('refuses %s, naming the option', (_, change, message) => {
    expect(() => startLandscape(model, trajectory, { ...options, ...change })).toThrow(message);
  });

  it('refuses pca on a path of fewer than 3 points, and a diverged center', () => {
    expect(() => startLandscape(model, trajectory.slice(3 * P), { ...options, directions: 'pca' })).toThrow(
      'directions: pca needs a path of at least 3 points; this one has 2',
    );
    const diverged = trajectory.slice();
    diverged[diverged.length - 1] = NaN;
    expect(() => startLandscape(model, diverged, options)).toThrow('trajectory: the last point (the center) is not finite: the particle diverged');
    expect(() => startLandscape(model, trajectory.slice(1), options)).toThrow(`trajectory: must hold whole points of ${P} parameters`);
    const gap = trajectory.slice();
    gap[P + 2] = NaN;
    expect(() => startLandscape(model, gap, { ...options, directions: 'pca' })).toThrow(
      'trajectory: pca needs a finite path; a point of this one is not finite',
    );
  });
});

describe('GridRows (a host’s threads)', () => {
  it('computes any range of rows as the job does, and a job that adopts them goes on with its path', () => {
    const whole = startLandscape(model, trajectory, { ...options, grid: 7 });
    while (!whole.advance(100));
    const expected = whole.result();
    // A fresh GridRows over the plane's own copies (what a thread receives), rows in three uneven ranges.
    const plane = structuredClone(whole.plane());
    const loss = new Float64Array(49);
    for (const [from, to] of [
      [4, 7],
      [0, 1],
      [1, 4],
    ])
      loss.set(new GridRows(model, plane).rows(from, to), from * 7);
    expect(loss).toEqual(expected.loss);
    const adopted = startLandscape(model, trajectory, { ...options, grid: 7 });
    adopted.adoptGrid(loss);
    expect(adopted.rowsDone).toBe(7);
    while (!adopted.advance(1));
    expect(adopted.result().pathLoss).toEqual(expected.pathLoss);
    expect(() => adopted.adoptGrid(new Float64Array(48))).toThrow('loss: the grid has 49 values, not 48');
  });
});

describe('pcaPlane', () => {
  it('a path along one line: d1 is that line, explained [1, 0], d2 a unit vector orthogonal to it', () => {
    // Points c + t·u for t = 3, 2, 1, 0 with u = (0.6, −0.8, 0): all of the variance lies along u.
    const u = [0.6, -0.8, 0];
    const c = [1, 2, 3];
    const path = Float64Array.from([3, 2, 1, 0].flatMap((t) => c.map((v, q) => v + t * u[q])));
    const plane = pcaPlane([path], Float64Array.from(c))!;
    // Sign rule: the largest component (−0.8) made positive.
    [-0.6, 0.8, 0].forEach((v, q) => expect(plane.d1[q]).toBeCloseTo(v, 14));
    expect(plane.explained[0]).toBeCloseTo(1, 14);
    expect(plane.explained[1]).toBe(0);
    expect(plane.d2.reduce((s, v, q) => s + v * plane.d1[q], 0)).toBeCloseTo(0, 15);
    expect(Math.hypot(...plane.d2)).toBeCloseTo(1, 15);
  });

  it('is the same whichever Gram matrix it takes: more points than parameters as fewer', () => {
    // 40 points of 3 parameters take the 3 × 3 Gram matrix; the same points padded with zeros to 60
    // parameters take the 40 × 40 one (by subspace iteration): the directions must agree.
    const rng = new Random(5);
    const few = Float64Array.from({ length: 40 * 3 }, (_, v) => rng.normal() * (1 + (v % 3)));
    const many = new Float64Array(40 * 60);
    for (let i = 0; i < 40; i++) for (let q = 0; q < 3; q++) many[i * 60 + q] = few[i * 3 + q];
    const a = pcaPlane([few], new Float64Array(3))!;
    const b = pcaPlane([many], new Float64Array(60))!;
    for (let q = 0; q < 3; q++) {
      expect(b.d1[q]).toBeCloseTo(a.d1[q], 12);
      expect(b.d2[q]).toBeCloseTo(a.d2[q], 12);
    }
    expect(b.explained[0]).toBeCloseTo(a.explained[0], 12);
    expect(b.explained[1]).toBeCloseTo(a.explained[1], 12);
  });

  it('has no plane for a path that never moves', () => {
    const still = Float64Array.from({ length: 9 }, (_, v) => v % 3);
    expect(pcaPlane([still], Float64Array.of(0, 1, 2))).toBeNull();
  });

  it('joins several trajectories on one plane (a race): the other paths’ points count in the variance', () => {
    const first = startLandscape(model, trajectory, { ...options, directions: 'pca' }).result();
    const other = trajectory.map((v, k) => v + 0.3 * Math.cos(3 * k));
    const joint = startLandscape(model, trajectory, { ...options, directions: 'pca', pcaWith: [other] }).result();
    expect(joint.d1).not.toEqual(first.d1);
    expect(joint.d1).toEqual(pcaPlane([trajectory, other], center)!.d1);
  });
});
