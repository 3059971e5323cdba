/**
 * Linear regression ŷ = b + Σⱼ wⱼxⱼ with the mean squared error over the batch (notebooks 001 and 002):
 * L = (1/m)Σ(ŷ−y)², ∇L = (2/m)Σ(ŷ−y)·[1, x]. Parameters [b, w1, …, wp], or [w1, …, wp] without bias;
 * with column names (`data.names`) the weights are named after them: [b, w·size, w·rooms].
 *
 * Loss and gradient come from the batch's sufficient statistics (./linear-statistics.ts), computed once
 * per batch and shared by every particle (the whole data's once per run), so a step costs O(p²) per
 * particle whatever the number of rows (small mini-batches excepted, see `directRows`):
 * with δ = b + wᵀx̄ − ȳ (the fit's error at the means) and u = S·w − s,
 *   L = δ² + (wᵀS·w − 2wᵀs + syy)/m = δ² + (wᵀu − wᵀs + syy)/m,
 *   ∂L/∂b = 2δ,   ∂L/∂w = 2δ·x̄ + (2/m)·u,
 * where S, s, syy are the centred sums Σ(x−x̄)(x−x̄)ᵀ, Σ(x−x̄)(y−ȳ), Σ(y−ȳ)² (expand (ŷ−y) = δ + wᵀ(x−x̄)
 * − (y−ȳ) and the cross terms vanish, Σ(x−x̄) = 0). Centring is the numerical choice: the quadratic form
 * cancels when the fit is good, and its rounding error is then ε times the spread of y (syy) rather than ε
 * times Σy², which is far larger when the data sit away from zero (x from 1,000 to 1,001, say).
 */
import type { Dataset } from '../data';
import type { Batch, Filter, Model } from '../model';
import { LinearStatistics } from './linear-statistics';

/**
 * Mini-batches of at most this many rows use the direct sums instead. They cost little there, and they
 * follow the operation order of scripts/reference/reference.py exactly, which matters where the notebooks
 * run an unstable descent held in check by clipping (notebook 002's mini-batches of 10): there a rounding
 * difference doubles every step, and the statistics' different rounding would leave the reference's path.
 */
export const directRows = 32;

export class LinearModel implements Model {
  readonly paramCount: number;
  readonly paramNames: string[];
  readonly rows: number;
  /** The whole data's statistics, computed on first use: a full batch never needs them again. */
  private whole: LinearStatistics | null = null;
  /** The statistics of the mini-batch being evaluated (set by the call with from = 0). */
  private readonly current: LinearStatistics;
  private inUse: LinearStatistics | null = null;
  /** Gradient sums of one particle, for the direct path. */
  private readonly sums: Float64Array;

  constructor(
    private readonly data: Dataset,
    private readonly bias: boolean,
  ) {
    const p = data.inputs;
    this.paramCount = p + (bias ? 1 : 0);
    // Named by the columns when the data have names (a CSV file's header): w·size reads better than w1.
    const weight = (j: number) => (data.names ? `w·${data.names.x[j]}` : `w${j + 1}`);
    this.paramNames = [...(bias ? ['b'] : []), ...Array.from({ length: p }, (_, j) => weight(j))];
    this.rows = data.rows;
    this.current = new LinearStatistics(p);
    this.sums = new Float64Array(this.paramCount);
  }

  evaluate(params: Float64Array, n: number, batch: Batch, loss: Float64Array, grad: Float64Array | null, active: Uint8Array | null, from = 0, to = n): void {
    const m = batch.end - batch.start;
    if (m <= directRows && m < this.rows) return this.evaluateDirect(params, n, batch, loss, grad, active, from, to);
    if (from === 0 || !this.inUse) this.inUse = this.statisticsOf(batch);
    this.evaluateFromStatistics(this.inUse, params, n, loss, grad, active, from, to);
  }

  /** The formulas of the header, particle by particle: O(p²) each. */
  private evaluateFromStatistics(
    statistics: LinearStatistics,
    params: Float64Array,
    n: number,
    loss: Float64Array,
    grad: Float64Array | null,
    active: Uint8Array | null,
    from: number,
    to: number,
  ): void {
    const { m, meanX, meanY, S, s, syy } = statistics;
    const p = this.data.inputs;
    const bias = this.bias;
    const first = bias ? 1 : 0; // index of w1
    for (let i = from; i < to; i++) {
      if (active && active[i] !== 1) continue;
      let fit = bias ? params[i] : 0;
      for (let j = 0; j < p; j++) fit += params[(first + j) * n + i] * meanX[j];
      const delta = fit - meanY;
      let wu = 0;
      let ws = 0;
      for (let j = 0; j < p; j++) {
        let u = -s[j];
        for (let k = 0; k < p; k++) u += S[j * p + k] * params[(first + k) * n + i];
        const w = params[(first + j) * n + i];
        wu += w * u;
        ws += w * s[j];
        if (grad) grad[(first + j) * n + i] = 2 * delta * meanX[j] + (2 / m) * u;
      }
      if (grad && bias) grad[i] = 2 * delta;
      // A sum of squares: a negative value can only be rounding (a near-perfect fit), so it is taken as 0.
      const spread = wu - ws + syy;
      loss[i] = delta * delta + (spread > 0 ? spread : 0) / m;
      // The clamp would turn NaN into 0: a non-finite fit must stay non-finite so that the particle diverges.
      if (spread !== spread) loss[i] = NaN;
    }
  }

  /** The direct sums over the batch's rows, (1/m)Σ(ŷ−y)² and (2/m)Σ(ŷ−y)·[1, x], particle by particle: O(m·p) each. */
  private evaluateDirect(
    params: Float64Array,
    n: number,
    batch: Batch,
    loss: Float64Array,
    grad: Float64Array | null,
    active: Uint8Array | null,
    from: number,
    to: number,
  ): void {
    const { x, y, inputs: p } = this.data;
    const { order, start, end } = batch;
    const m = end - start;
    const first = this.bias ? 1 : 0; // index of w1
    const sums = this.sums;
    for (let i = from; i < to; i++) {
      if (active && active[i] !== 1) continue;
      const b = this.bias ? params[i] : 0;
      sums.fill(0);
      let squares = 0;
      for (let k = start; k < end; k++) {
        const row = order[k];
        let yhat = b;
        for (let j = 0; j < p; j++) yhat += params[(first + j) * n + i] * x[row * p + j];
        const r = yhat - y[row];
        squares += r * r;
        if (this.bias) sums[0] += r;
        for (let j = 0; j < p; j++) sums[first + j] += r * x[row * p + j];
      }
      loss[i] = squares / m;
      if (grad) for (let j = 0; j < this.paramCount; j++) grad[j * n + i] = (2 / m) * sums[j];
    }
  }

  /** The statistics of a batch: the cached whole-data ones when it holds every row, else this batch's. */
  private statisticsOf(batch: Batch): LinearStatistics {
    const { x, y } = this.data;
    if (batch.end - batch.start === this.rows) {
      if (!this.whole) this.whole = new LinearStatistics(this.data.inputs).accumulate(x, y, null, 0, this.rows);
      return this.whole;
    }
    return this.current.accumulate(x, y, batch.order, batch.start, batch.end);
  }

  filters(): Filter[] {
    const first = this.bias ? 1 : 0;
    const weights: Filter = { indices: Array.from({ length: this.data.inputs }, (_, j) => first + j), bias: false };
    return this.bias ? [{ indices: [0], bias: true }, weights] : [weights];
  }
}
