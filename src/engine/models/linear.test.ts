/**
 * Linear regression from sufficient statistics (./linear.ts) against the direct sums of CONTRACTS §1,
 * L = (1/m)Σ(ŷ−y)² and ∇L = (2/m)Σ(ŷ−y)·[1, x], written out here row by row as the definition.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findPreset } from '../../shared/presets';
import { buildDataset, type Dataset, type InlineOrGenerated } from '../data';
import { fullBatch, type Batch } from '../model';
import { Random } from '../random';
import { directRows, LinearModel } from './linear';
import { LinearStatistics } from './linear-statistics';

const random = new Random(61);

/** The definition, for particle i of a parameter-major cloud: [loss, ∂b?, ∂w1, …]. */
function direct(data: Dataset, bias: boolean, params: Float64Array, n: number, i: number, batch: Batch): number[] {
  const { x, y, inputs: p } = data;
  const first = bias ? 1 : 0;
  const m = batch.end - batch.start;
  const sums = new Array(p + first).fill(0);
  let squares = 0;
  for (let k = batch.start; k < batch.end; k++) {
    const row = batch.order[k];
    let yhat = bias ? params[i] : 0;
    for (let j = 0; j < p; j++) yhat += params[(first + j) * n + i] * x[row * p + j];
    const r = yhat - y[row];
    squares += r * r;
    if (bias) sums[0] += r;
    for (let j = 0; j < p; j++) sums[first + j] += r * x[row * p + j];
  }
  return [squares / m, ...sums.map((s) => (2 / m) * s)];
}

/** Loss and gradient of every particle from the model, as [loss, ∂…] per particle. */
function viaModel(model: LinearModel, params: Float64Array, n: number, batch: Batch): number[][] {
  const loss = new Float64Array(n);
  const grad = new Float64Array(params.length);
  model.evaluate(params, n, batch, loss, grad, null);
  return Array.from({ length: n }, (_, i) => [loss[i], ...Array.from({ length: model.paramCount }, (_, j) => grad[j * n + i])]);
}

function randomCloud(n: number, center: number[], spread: number): Float64Array {
  const params = new Float64Array(n * center.length);
  for (let j = 0; j < center.length; j++) for (let i = 0; i < n; i++) params[j * n + i] = center[j] + spread * random.normal();
  return params;
}

/** Relative agreement of each value, scaled by the largest term of its sum (a gradient near 0 has no relative error to speak of). */
function expectAgree(actual: number[][], expected: number[][], scale: number[], tol: number): void {
  actual.forEach((row, i) =>
    row.forEach((value, k) => {
      const error = Math.abs(value - expected[i][k]) / Math.max(Math.abs(expected[i][k]), scale[k]);
      expect(error, `particle ${i}, value ${k}: ${value} vs ${expected[i][k]}`).toBeLessThan(tol);
    }),
  );
}

const notebookData = buildDataset(findPreset('regression-eta-0.1')!.scenario.data as InlineOrGenerated, 0);
const noisyLine = buildDataset({ generate: 'line', n: 1000, xmin: 0, xmax: 100, slope: 2, intercept: 1, noise: 20 }, 4);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('linear regression from sufficient statistics', () => {
  it('equals the direct sums to 1e-12 on the notebook data (notebook 001: 12 rows, two inputs), full batch', () => {
    const model = new LinearModel(notebookData, true);
    const n = 50;
    const params = randomCloud(n, [0.1, 1.5, 1.5], 1); // around the notebook's fit b = 0.1, w = [1.5, 1.5]
    const batch = fullBatch(notebookData.rows);
    const expected = Array.from({ length: n }, (_, i) => direct(notebookData, true, params, n, i, batch));
    // Scale of a gradient value: its size at the cloud's worst particle (terms of that order cancel in it).
    const scale = expected[0].map((_, k) => Math.max(...expected.map((e) => Math.abs(e[k]))) * 1e-3);
    expectAgree(viaModel(model, params, n, batch), expected, scale, 1e-12);
  });

  it('equals the direct sums to 1e-12 on a generated noisy line, for a shuffled mini-batch of 400 rows and without a bias', () => {
    const batch = fullBatch(noisyLine.rows);
    random.shuffle(batch.order);
    batch.start = 100;
    batch.end = 500;
    for (const bias of [true, false]) {
      const model = new LinearModel(noisyLine, bias);
      const n = 40;
      const params = randomCloud(n, bias ? [1, 2] : [2], 0.5);
      const expected = Array.from({ length: n }, (_, i) => direct(noisyLine, bias, params, n, i, batch));
      const scale = expected[0].map((_, k) => Math.max(...expected.map((e) => Math.abs(e[k]))) * 1e-3);
      expectAgree(viaModel(model, params, n, batch), expected, scale, 1e-12);
    }
  });

  it('gives a perfect fit a loss of 0 within 16ε·var(y), even with the data far from zero (centring)', () => {
    // y = 3 + 2·x1 − x2 exactly: every x is a multiple of 1/8 near 1,000, so each product and sum is exact in
    // binary and the direct loss at (3, 2, −1) is exactly 0.
    const x = Array.from({ length: 64 }, (_, k) => [1000 + k / 8, (k % 7) / 2]);
    const data = buildDataset({ x, y: x.map(([x1, x2]) => 3 + 2 * x1 - x2) }, 0);
    const model = new LinearModel(data, true);
    const params = Float64Array.from([3, 2, -1]);
    const batch = fullBatch(data.rows);
    expect(direct(data, true, params, 1, 0, batch)).toEqual([0, 0, 0, 0]);
    const statistics = new LinearStatistics(2).accumulate(data.x, data.y, null, 0, data.rows);
    const varianceY = statistics.syy / statistics.m; // about 1.4 here; the mean of y² is about 4·10⁶
    const [[loss, ...gradient]] = viaModel(model, params, 1, batch);
    expect(loss).toBeGreaterThanOrEqual(0);
    expect(loss).toBeLessThanOrEqual(16 * Number.EPSILON * varianceY);
    // The gradient's terms are of the size of x̄·|δ| and S·w/m: ε times those bounds what is left of them.
    for (const g of gradient) expect(Math.abs(g)).toBeLessThanOrEqual(16 * Number.EPSILON * 1000 * Math.sqrt(varianceY) * 4);
  });

  it('computes a mini-batch’s statistics once, whatever the number of particles and blocks', () => {
    const model = new LinearModel(noisyLine, true);
    const n = 3000;
    const params = randomCloud(n, [1, 2], 0.5);
    const batch = fullBatch(noisyLine.rows);
    batch.end = directRows + 100;
    const whole = viaModel(model, params, n, batch);
    const accumulate = vi.spyOn(LinearStatistics.prototype, 'accumulate');
    const loss = new Float64Array(n);
    const grad = new Float64Array(params.length);
    for (let from = 0; from < n; from += 1024) model.evaluate(params, n, batch, loss, grad, null, from, Math.min(n, from + 1024));
    expect(accumulate).toHaveBeenCalledTimes(1);
    // Block by block is the same computation as one call: bit for bit.
    whole.forEach(([L, ...g], i) => {
      expect(loss[i]).toBe(L);
      g.forEach((v, j) => expect(grad[j * n + i]).toBe(v));
    });
  });

  it('computes the whole data’s statistics once for a run of full-batch steps', () => {
    const model = new LinearModel(noisyLine, true);
    const accumulate = vi.spyOn(LinearStatistics.prototype, 'accumulate');
    const params = randomCloud(10, [1, 2], 0.5);
    for (let step = 0; step < 5; step++) viaModel(model, params, 10, fullBatch(noisyLine.rows));
    expect(accumulate).toHaveBeenCalledTimes(1);
  });

  it('keeps the direct sums for mini-batches of at most directRows rows (the reference’s order of operations)', () => {
    const model = new LinearModel(noisyLine, true);
    const accumulate = vi.spyOn(LinearStatistics.prototype, 'accumulate');
    const params = randomCloud(5, [1, 2], 0.5);
    const batch = fullBatch(noisyLine.rows);
    batch.end = directRows;
    const expected = Array.from({ length: 5 }, (_, i) => direct(noisyLine, true, params, 5, i, batch));
    expect(viaModel(model, params, 5, batch)).toEqual(expected);
    expect(accumulate).not.toHaveBeenCalled();
  });

  it('reports a non-finite parameter as a non-finite loss, so that the particle diverges', () => {
    const model = new LinearModel(noisyLine, true);
    for (const params of [
      [NaN, 2],
      [0, Infinity],
      [0, -Infinity],
    ]) {
      const [[loss]] = viaModel(model, Float64Array.from(params), 1, fullBatch(noisyLine.rows));
      expect(Number.isFinite(loss), `loss at ${params}`).toBe(false);
    }
  });
});
