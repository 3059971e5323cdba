/**
 * A small multi-layer perceptron (notebook 001): z = act(a @ W + b) layer by layer, W stored in × out
 * row-major as `X @ w1` in the notebook, then b. Loss: cross-entropy for a softmax output, else the
 * squared error Σₖ(ŷₖ−yₖ)², both averaged over the batch's rows. Backward pass by hand, no allocation:
 * each particle's parameters are gathered into a contiguous scratch vector first.
 */
import { activations, softmaxRows, type Activation, type ActivationName } from '../activations';
import type { Dataset } from '../data';
import type { Batch, Filter, Model } from '../model';

export interface MlpShape {
  layers: readonly number[];
  hidden: Exclude<ActivationName, 'identity'>;
  output: 'softmax' | 'sigmoid' | 'identity';
}

/** Offsets of each layer's W and b in the parameter vector. */
function layout(layers: readonly number[]) {
  const offsets: { w: number; b: number; in: number; out: number }[] = [];
  let at = 0;
  for (let l = 0; l + 1 < layers.length; l++) {
    const inW = layers[l];
    const outW = layers[l + 1];
    offsets.push({ w: at, b: at + inW * outW, in: inW, out: outW });
    at += inW * outW + outW;
  }
  return { offsets, count: at };
}

export class MlpModel implements Model {
  readonly paramCount: number;
  readonly paramNames: string[];
  readonly rows: number;
  private readonly offsets: ReturnType<typeof layout>['offsets'];
  private readonly hidden: Activation;
  private readonly theta: Float64Array;
  private readonly gradTheta: Float64Array;
  /** Activations a_l and pre-activations z_l of one row, layer by layer; deltas for the backward pass. */
  private readonly a: Float64Array[];
  private readonly z: Float64Array[];
  private readonly dz: Float64Array[];

  constructor(private readonly data: Dataset, private readonly shape: MlpShape) {
    const { offsets, count } = layout(shape.layers);
    this.offsets = offsets;
    this.paramCount = count;
    this.paramNames = [];
    offsets.forEach((o, l) => {
      for (let r = 0; r < o.in; r++) for (let c = 0; c < o.out; c++) this.paramNames.push(`W${l + 1}_${r + 1}_${c + 1}`);
      for (let c = 0; c < o.out; c++) this.paramNames.push(`b${l + 1}_${c + 1}`);
    });
    this.rows = data.rows;
    this.hidden = activations[shape.hidden];
    this.theta = new Float64Array(count);
    this.gradTheta = new Float64Array(count);
    this.a = shape.layers.map((w) => new Float64Array(w));
    this.z = shape.layers.map((w) => new Float64Array(w));
    this.dz = shape.layers.map((w) => new Float64Array(w));
  }

  evaluate(params: Float64Array, n: number, batch: Batch, loss: Float64Array, grad: Float64Array | null, active: Uint8Array | null): void {
    const { order, start, end } = batch;
    const m = end - start;
    const { theta, gradTheta } = this;
    for (let i = 0; i < n; i++) {
      if (active && active[i] !== 1) continue;
      for (let q = 0; q < this.paramCount; q++) theta[q] = params[q * n + i];
      gradTheta.fill(0);
      let total = 0;
      for (let r = start; r < end; r++) {
        const row = order[r];
        this.forwardRow(theta, row);
        total += this.rowLoss(row);
        if (grad) this.backwardRow(theta, row, m);
      }
      loss[i] = total / m;
      if (grad) for (let q = 0; q < this.paramCount; q++) grad[q * n + i] = gradTheta[q];
    }
  }

  /** The network's outputs for each row of `x` (rows × inputs), given one particle's parameters. */
  predict(theta: ArrayLike<number>, x: ArrayLike<number>, rows: number, out: Float64Array): Float64Array {
    const inputs = this.shape.layers[0];
    const outputs = this.shape.layers[this.shape.layers.length - 1];
    const last = this.a[this.a.length - 1];
    for (let r = 0; r < rows; r++) {
      this.forward(theta, x, r * inputs);
      for (let k = 0; k < outputs; k++) out[r * outputs + k] = last[k];
    }
    return out;
  }

  private forwardRow(theta: ArrayLike<number>, row: number): void {
    this.forward(theta, this.data.x, row * this.data.inputs);
  }

  private forward(theta: ArrayLike<number>, x: ArrayLike<number>, at: number): void {
    const { a, z, offsets } = this;
    const input = a[0];
    for (let j = 0; j < input.length; j++) input[j] = x[at + j];
    const lastLayer = offsets.length - 1;
    for (let l = 0; l <= lastLayer; l++) {
      const o = offsets[l];
      const prev = a[l];
      const zl = z[l + 1];
      const al = a[l + 1];
      for (let c = 0; c < o.out; c++) {
        let s = theta[o.b + c];
        for (let r = 0; r < o.in; r++) s += prev[r] * theta[o.w + r * o.out + c];
        zl[c] = s;
      }
      if (l < lastLayer) for (let c = 0; c < o.out; c++) al[c] = this.hidden.value(zl[c]);
      else this.outputActivation(zl, al);
    }
  }

  private outputActivation(zl: Float64Array, al: Float64Array): void {
    const kind = this.shape.output;
    if (kind === 'softmax') softmaxRows(zl, 1, zl.length, al);
    else {
      const f = activations[kind];
      for (let c = 0; c < zl.length; c++) al[c] = f.value(zl[c]);
    }
  }

  /** One row's loss from the last forward pass. Cross-entropy via log-sum-exp so that it stays finite. */
  private rowLoss(row: number): number {
    const k = this.data.outputs;
    const y = this.data.y;
    const out = this.a[this.a.length - 1];
    let loss = 0;
    if (this.shape.output === 'softmax') {
      const zl = this.z[this.z.length - 1];
      let max = -Infinity;
      for (let c = 0; c < k; c++) if (zl[c] > max) max = zl[c];
      let sum = 0;
      for (let c = 0; c < k; c++) sum += Math.exp(zl[c] - max);
      const lse = max + Math.log(sum);
      for (let c = 0; c < k; c++) loss += y[row * k + c] * (lse - zl[c]);
    } else {
      for (let c = 0; c < k; c++) {
        const e = out[c] - y[row * k + c];
        loss += e * e;
      }
    }
    return loss;
  }

  private backwardRow(theta: ArrayLike<number>, row: number, m: number): void {
    const { a, z, dz, offsets, gradTheta } = this;
    const k = this.data.outputs;
    const y = this.data.y;
    const L = offsets.length;
    const out = a[L];
    const dOut = dz[L];
    if (this.shape.output === 'softmax') {
      let ySum = 0;
      for (let c = 0; c < k; c++) ySum += y[row * k + c];
      for (let c = 0; c < k; c++) dOut[c] = (out[c] * ySum - y[row * k + c]) / m; // ∂CE/∂z = p·Σy − y
    } else {
      const f = activations[this.shape.output];
      for (let c = 0; c < k; c++) dOut[c] = ((2 * (out[c] - y[row * k + c])) / m) * f.derivative(z[L][c], out[c]);
    }
    for (let l = L - 1; l >= 0; l--) {
      const o = offsets[l];
      const prev = a[l];
      const d = dz[l + 1];
      for (let r = 0; r < o.in; r++) for (let c = 0; c < o.out; c++) gradTheta[o.w + r * o.out + c] += prev[r] * d[c];
      for (let c = 0; c < o.out; c++) gradTheta[o.b + c] += d[c];
      if (l === 0) break;
      const dPrev = dz[l];
      for (let r = 0; r < o.in; r++) {
        let s = 0;
        for (let c = 0; c < o.out; c++) s += theta[o.w + r * o.out + c] * d[c];
        dPrev[r] = s * this.hidden.derivative(z[l][r], a[l][r]);
      }
    }
  }

  filters(): Filter[] {
    const filters: Filter[] = [];
    for (const o of this.offsets) {
      for (let c = 0; c < o.out; c++) {
        filters.push({ indices: Array.from({ length: o.in }, (_, r) => o.w + r * o.out + c), bias: false });
        filters.push({ indices: [o.b + c], bias: true });
      }
    }
    return filters;
  }
}
