/**
 * The MLP's loss and gradient for a block of particles at once (./mlp.ts). Each particle goes through the
 * same operations in the same order as the one-particle passes of the notebook's network (so the results
 * are bit-identical), but values are laid out particle-fastest (value v of particle b at v·block + b) and
 * read straight from the cloud's parameter-major arrays, so every inner loop walks contiguous memory across
 * the block. Scratch arrays are allocated once per model: a step allocates nothing.
 */
import { activateRange, scaleByDerivative, type ActivationName } from '../activations';
import type { Dataset } from '../data';
import type { Batch } from '../model';

/** Where a layer's W (in × out, row-major) and b start in the parameter vector. */
export interface LayerOffsets {
  w: number;
  b: number;
  in: number;
  out: number;
}

/** Particles per pass: a layer's values for the block stay in the L1 cache. */
const block = 256;

export class MlpCloudPass {
  /** a[l], z[l], dz[l]: activations, pre-activations and deltas of layer l, width × block (layer 0 is the data). */
  private readonly a: Float64Array[];
  private readonly z: Float64Array[];
  private readonly dz: Float64Array[];
  /** Gradient sums over the batch's rows, paramCount × block; loss sums, block. */
  private readonly gradSums: Float64Array;
  private readonly lossSums = new Float64Array(block);
  /** Each particle's largest output pre-activation and Σ exp(z − max) in the last softmax. */
  private readonly softmaxMax = new Float64Array(block);
  private readonly softmaxSum = new Float64Array(block);

  constructor(
    private readonly data: Dataset,
    private readonly offsets: readonly LayerOffsets[],
    layers: readonly number[],
    private readonly hidden: Exclude<ActivationName, 'identity'>,
    private readonly output: 'softmax' | 'sigmoid' | 'identity',
    private readonly paramCount: number,
  ) {
    this.a = layers.map((width) => new Float64Array(width * block));
    this.z = layers.map((width) => new Float64Array(width * block));
    this.dz = layers.map((width) => new Float64Array(width * block));
    this.gradSums = new Float64Array(paramCount * block);
  }

  /** Model.evaluate for particles from..to, block by block. */
  evaluate(params: Float64Array, n: number, batch: Batch, loss: Float64Array, grad: Float64Array | null, active: Uint8Array | null, from: number, to: number): void {
    for (let first = from; first < to; first += block) this.evaluateBlock(params, n, batch, loss, grad, active, first, Math.min(to, first + block));
  }

  private evaluateBlock(params: Float64Array, n: number, batch: Batch, loss: Float64Array, grad: Float64Array | null, active: Uint8Array | null, first: number, last: number): void {
    const count = last - first;
    const { order, start, end } = batch;
    const m = end - start;
    const { gradSums, lossSums } = this;
    lossSums.fill(0);
    if (grad) gradSums.fill(0);
    for (let r = start; r < end; r++) {
      const row = order[r];
      this.forward(params, n, first, count, row);
      this.addRowLoss(count, row);
      if (grad) this.backward(params, n, first, count, row, m);
    }
    // Stopped particles were computed along (cheaper than skipping inside every loop) but are not written.
    for (let b = 0; b < count; b++) {
      const i = first + b;
      if (active && active[i] !== 1) continue;
      loss[i] = lossSums[b] / m;
      if (grad) for (let q = 0; q < this.paramCount; q++) grad[q * n + i] = gradSums[q * block + b];
    }
  }

  /** z = a_prev @ W + b, layer by layer (a_prev = the row's inputs for the first layer), then the activations. */
  private forward(params: Float64Array, n: number, first: number, count: number, row: number): void {
    const { a, z, offsets } = this;
    const { x, inputs } = this.data;
    const lastLayer = offsets.length - 1;
    for (let l = 0; l <= lastLayer; l++) {
      const o = offsets[l];
      const prev = a[l];
      const zl = z[l + 1];
      const al = a[l + 1];
      for (let c = 0; c < o.out; c++) {
        const at = c * block;
        const bias = (o.b + c) * n + first;
        for (let b = 0; b < count; b++) zl[at + b] = params[bias + b];
        for (let r = 0; r < o.in; r++) {
          const weight = (o.w + r * o.out + c) * n + first;
          if (l === 0) {
            const input = x[row * inputs + r];
            for (let b = 0; b < count; b++) zl[at + b] += input * params[weight + b];
          } else {
            const from = r * block;
            for (let b = 0; b < count; b++) zl[at + b] += prev[from + b] * params[weight + b];
          }
        }
      }
      if (l < lastLayer) {
        for (let c = 0; c < o.out; c++) activateRange(this.hidden, zl, al, c * block, c * block + count);
      } else if (this.output === 'softmax') {
        // As softmaxRows: the maximum subtracted first, then each value over the sum.
        for (let b = 0; b < count; b++) {
          let max = -Infinity;
          for (let c = 0; c < o.out; c++) if (zl[c * block + b] > max) max = zl[c * block + b];
          let sum = 0;
          for (let c = 0; c < o.out; c++) {
            const e = Math.exp(zl[c * block + b] - max);
            al[c * block + b] = e;
            sum += e;
          }
          for (let c = 0; c < o.out; c++) al[c * block + b] /= sum;
          // The cross-entropy's log-sum-exp is max + log(sum): the same maximum and sum, kept for addRowLoss.
          this.softmaxMax[b] = max;
          this.softmaxSum[b] = sum;
        }
      } else {
        for (let c = 0; c < o.out; c++) activateRange(this.output, zl, al, c * block, c * block + count);
      }
    }
  }

  /** Adds the row's loss of each particle: cross-entropy by log-sum-exp for softmax (finite always), else Σ(ŷ−y)². */
  private addRowLoss(count: number, row: number): void {
    const k = this.data.outputs;
    const y = this.data.y;
    const L = this.offsets.length;
    const out = this.a[L];
    const zl = this.z[L];
    const sums = this.lossSums;
    for (let b = 0; b < count; b++) {
      let loss = 0;
      if (this.output === 'softmax') {
        const lse = this.softmaxMax[b] + Math.log(this.softmaxSum[b]);
        for (let c = 0; c < k; c++) loss += y[row * k + c] * (lse - zl[c * block + b]);
      } else {
        for (let c = 0; c < k; c++) {
          const e = out[c * block + b] - y[row * k + c];
          loss += e * e;
        }
      }
      sums[b] += loss;
    }
  }

  /** Adds the row's gradient of each particle (averaged over the batch's m rows) to the sums. */
  private backward(params: Float64Array, n: number, first: number, count: number, row: number, m: number): void {
    const { a, z, dz, offsets, gradSums } = this;
    const { x, inputs } = this.data;
    const k = this.data.outputs;
    const y = this.data.y;
    const L = offsets.length;
    const out = a[L];
    const dOut = dz[L];
    if (this.output === 'softmax') {
      let ySum = 0;
      for (let c = 0; c < k; c++) ySum += y[row * k + c];
      for (let c = 0; c < k; c++) {
        const target = y[row * k + c];
        for (let b = c * block, stop = b + count; b < stop; b++) dOut[b] = (out[b] * ySum - target) / m; // ∂CE/∂z = p·Σy − y
      }
    } else {
      for (let c = 0; c < k; c++) {
        const target = y[row * k + c];
        for (let b = c * block, stop = b + count; b < stop; b++) dOut[b] = (2 * (out[b] - target)) / m;
        scaleByDerivative(this.output, dOut, z[L], out, c * block, c * block + count);
      }
    }
    for (let l = L - 1; l >= 0; l--) {
      const o = offsets[l];
      const prev = a[l];
      const d = dz[l + 1];
      for (let r = 0; r < o.in; r++) {
        for (let c = 0; c < o.out; c++) {
          const sum = (o.w + r * o.out + c) * block;
          if (l === 0) {
            const input = x[row * inputs + r];
            for (let b = 0; b < count; b++) gradSums[sum + b] += input * d[c * block + b];
          } else {
            for (let b = 0; b < count; b++) gradSums[sum + b] += prev[r * block + b] * d[c * block + b];
          }
        }
      }
      for (let c = 0; c < o.out; c++) {
        const sum = (o.b + c) * block;
        for (let b = 0; b < count; b++) gradSums[sum + b] += d[c * block + b];
      }
      if (l === 0) break;
      const dPrev = dz[l];
      for (let r = 0; r < o.in; r++) {
        const at = r * block;
        for (let b = 0; b < count; b++) dPrev[at + b] = 0;
        for (let c = 0; c < o.out; c++) {
          const weight = (o.w + r * o.out + c) * n + first;
          for (let b = 0; b < count; b++) dPrev[at + b] += params[weight + b] * d[c * block + b];
        }
        scaleByDerivative(this.hidden, dPrev, z[l], a[l], at, at + count);
      }
    }
  }
}
