/**
 * The notebook's linear neuron (000): P = W·x with one row of W per output, error Σₖ(Pₖ−GTₖ)² averaged
 * over the batch's rows. The step uses the notebook's weight delta (Pₖ−GTₖ)·xⱼ averaged over rows, which
 * is half the gradient of that error (CONTRACTS §1); for several outputs it is the true outer product
 * (P−GT)ᵀ·x, not the notebook's elementwise X*(P−GT) (a flaw the notebooks README names).
 */
import type { Dataset } from '../data';
import type { Batch, Filter, Model } from '../model';

export class NeuronModel implements Model {
  readonly paramCount: number;
  readonly paramNames: string[];
  readonly rows: number;
  private readonly prediction: Float64Array;
  private readonly deltas: Float64Array;

  constructor(private readonly data: Dataset) {
    const { inputs, outputs } = data;
    this.paramCount = inputs * outputs;
    this.paramNames = [];
    for (let k = 0; k < outputs; k++) for (let j = 0; j < inputs; j++) this.paramNames.push(`w${k + 1}_${j + 1}`);
    this.rows = data.rows;
    this.prediction = new Float64Array(outputs);
    this.deltas = new Float64Array(this.paramCount);
  }

  evaluate(params: Float64Array, n: number, batch: Batch, loss: Float64Array, grad: Float64Array | null, active: Uint8Array | null, from = 0, to = n): void {
    const { x, y, inputs, outputs } = this.data;
    const { order, start, end } = batch;
    const m = end - start;
    const P = this.prediction;
    const deltas = this.deltas;
    for (let i = from; i < to; i++) {
      if (active && active[i] !== 1) continue;
      deltas.fill(0);
      let error = 0;
      for (let r = start; r < end; r++) {
        const row = order[r];
        for (let k = 0; k < outputs; k++) {
          let p = 0;
          for (let j = 0; j < inputs; j++) p += params[(k * inputs + j) * n + i] * x[row * inputs + j];
          P[k] = p;
          const e = p - y[row * outputs + k];
          error += e * e;
          for (let j = 0; j < inputs; j++) deltas[k * inputs + j] += e * x[row * inputs + j];
        }
      }
      loss[i] = error / m;
      if (grad) for (let q = 0; q < this.paramCount; q++) grad[q * n + i] = deltas[q] / m;
    }
  }

  /** Predictions P = W·x of one particle (W row-major, out × in) for one input row. */
  predict(weights: ArrayLike<number>, input: ArrayLike<number>, out: Float64Array): Float64Array {
    const { inputs, outputs } = this.data;
    for (let k = 0; k < outputs; k++) {
      let p = 0;
      for (let j = 0; j < inputs; j++) p += weights[k * inputs + j] * input[j];
      out[k] = p;
    }
    return out;
  }

  filters(): Filter[] {
    const { inputs, outputs } = this.data;
    return Array.from({ length: outputs }, (_, k) => ({ indices: Array.from({ length: inputs }, (_, j) => k * inputs + j), bias: false }));
  }
}
