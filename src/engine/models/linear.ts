/**
 * Linear regression ŷ = b + Σⱼ wⱼxⱼ with the mean squared error over the batch (notebooks 001 and 002):
 * L = (1/m)Σ(ŷ−y)², ∇L = (2/m)Σ(ŷ−y)·[1, x]. Parameters [b, w1, …, wp], or [w1, …, wp] without bias.
 */
import type { Dataset } from '../data';
import type { Batch, Filter, Model } from '../model';

export class LinearModel implements Model {
  readonly paramCount: number;
  readonly paramNames: string[];
  readonly rows: number;
  private readonly sums: Float64Array;

  constructor(private readonly data: Dataset, private readonly bias: boolean) {
    const p = data.inputs;
    this.paramCount = p + (bias ? 1 : 0);
    this.paramNames = [...(bias ? ['b'] : []), ...Array.from({ length: p }, (_, j) => `w${j + 1}`)];
    this.rows = data.rows;
    this.sums = new Float64Array(this.paramCount);
  }

  evaluate(params: Float64Array, n: number, batch: Batch, loss: Float64Array, grad: Float64Array | null, active: Uint8Array | null): void {
    const { x, y, inputs: p } = this.data;
    const { order, start, end } = batch;
    const m = end - start;
    const first = this.bias ? 1 : 0; // index of w1
    const sums = this.sums;
    for (let i = 0; i < n; i++) {
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

  filters(): Filter[] {
    const first = this.bias ? 1 : 0;
    const weights: Filter = { indices: Array.from({ length: this.data.inputs }, (_, j) => first + j), bias: false };
    return this.bias ? [{ indices: [0], bias: true }, weights] : [weights];
  }
}
