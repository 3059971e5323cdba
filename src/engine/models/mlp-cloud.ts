/**
 * The MLP's loss and gradient for a block of particles at once (./mlp.ts). Each particle goes through the
 * same operations in the same order as the one-particle passes of the notebook's network (so the results
 * are bit-identical), but values are laid out particle-fastest (value v of particle b at v·block + b) and
 * read straight from the cloud's parameter-major arrays, so every inner loop walks contiguous memory across
 * the block. Scratch arrays are allocated once per model: a step allocates nothing.
 */
import { activateRange, scaleByDerivative, type ActivationName } from '../activations';
import type { MlpLoss } from '../../shared/scenario';
import type { Dataset } from '../data';
import type { Batch } from '../model';

/** Where a layer's W (in × out, row-major) and b start in the parameter vector. */
export interface LayerOffsets {
  w: number;
  b: number;
  in: number;
  out: number;
}

/** Particles per pass: the block's gradient sums (parameters × block) stay in the L2 cache, its layers in L1. */
const block = 32;
/**
 * Rows taken forward and back before their gradients are added: each gradient sum is then read and written
 * once for four rows (their terms added one after the other, in the rows' order, so the same bits).
 */
const rowsPerGroup = 4;

export class MlpCloudPass {
  /** For each row of a group: a[l], z[l], dz[l], the activations, pre-activations and deltas of layer l, width × block (layer 0 unused: the data). */
  private readonly sets: { a: Float64Array[]; z: Float64Array[]; dz: Float64Array[] }[];
  /** The rows of the group being evaluated. */
  private readonly groupRows = new Int32Array(rowsPerGroup);
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
    private readonly loss: MlpLoss,
  ) {
    const layerArrays = () => layers.map((width) => new Float64Array(width * block));
    this.sets = Array.from({ length: rowsPerGroup }, () => ({ a: layerArrays(), z: layerArrays(), dz: layerArrays() }));
    this.gradSums = new Float64Array(paramCount * block);
  }

  /** Model.evaluate for particles from..to, block by block. */
  evaluate(
    params: Float64Array,
    n: number,
    batch: Batch,
    loss: Float64Array,
    grad: Float64Array | null,
    active: Uint8Array | null,
    from: number,
    to: number,
  ): void {
    for (let first = from; first < to; first += block) this.evaluateBlock(params, n, batch, loss, grad, active, first, Math.min(to, first + block));
  }

  private evaluateBlock(
    params: Float64Array,
    n: number,
    batch: Batch,
    loss: Float64Array,
    grad: Float64Array | null,
    active: Uint8Array | null,
    first: number,
    last: number,
  ): void {
    const count = last - first;
    const { order, start, end } = batch;
    const m = end - start;
    const { gradSums, lossSums } = this;
    lossSums.fill(0);
    if (grad) gradSums.fill(0);
    const rowsOfGroup = this.groupRows;
    for (let r = start; r < end; r += rowsPerGroup) {
      const size = Math.min(rowsPerGroup, end - r);
      for (let k = 0; k < size; k++) {
        const row = order[r + k];
        rowsOfGroup[k] = row;
        this.forward(params, n, first, count, row, this.sets[k]);
        this.addRowLoss(count, row, this.sets[k]);
        if (grad) this.deltas(params, n, first, count, row, m, this.sets[k]);
      }
      if (grad) this.addGradients(count, size);
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
  private forward(params: Float64Array, n: number, first: number, count: number, row: number, set: { a: Float64Array[]; z: Float64Array[] }): void {
    const { a, z } = set;
    const { offsets } = this;
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
        // Four inputs a pass, added one after the other as the plain loop would (so the same bits), with one
        // load and store of z for the four.
        const stride = o.out * n;
        let r = 0;
        if (l === 0) {
          for (; r < o.in; r++) {
            const input = x[row * inputs + r];
            const weight = (o.w + r * o.out + c) * n + first;
            for (let b = 0; b < count; b++) zl[at + b] += input * params[weight + b];
          }
        }
        for (; r + 4 <= o.in; r += 4) {
          const w0 = (o.w + r * o.out + c) * n + first;
          const from = r * block;
          for (let b = 0; b < count; b++) {
            const w = w0 + b;
            const p = from + b;
            zl[at + b] =
              zl[at + b] +
              prev[p] * params[w] +
              prev[p + block] * params[w + stride] +
              prev[p + 2 * block] * params[w + 2 * stride] +
              prev[p + 3 * block] * params[w + 3 * stride];
          }
        }
        for (; r < o.in; r++) {
          const weight = (o.w + r * o.out + c) * n + first;
          const from = r * block;
          for (let b = 0; b < count; b++) zl[at + b] += prev[from + b] * params[weight + b];
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

  /**
   * Adds the row's loss of each particle. Cross-entropy is taken from the pre-activations so that it is
   * finite always: softmax by log-sum-exp, −Σ yₖ(zₖ − lse); sigmoid per output as softplus(z) − y·z, which is
   * −[y log σ(z) + (1−y) log(1−σ(z))], with softplus(z) = max(z, 0) + log1p(e^−|z|). Squared: Σ(ŷ−y)².
   */
  private addRowLoss(count: number, row: number, set: { a: Float64Array[]; z: Float64Array[] }): void {
    const k = this.data.outputs;
    const y = this.data.y;
    const L = this.offsets.length;
    const out = set.a[L];
    const zl = set.z[L];
    const sums = this.lossSums;
    const crossEntropy = this.loss === 'cross-entropy';
    for (let b = 0; b < count; b++) {
      let loss = 0;
      if (crossEntropy && this.output === 'softmax') {
        const lse = this.softmaxMax[b] + Math.log(this.softmaxSum[b]);
        for (let c = 0; c < k; c++) loss += y[row * k + c] * (lse - zl[c * block + b]);
      } else if (crossEntropy) {
        for (let c = 0; c < k; c++) {
          const zc = zl[c * block + b];
          loss += Math.max(zc, 0) + Math.log1p(Math.exp(-Math.abs(zc))) - y[row * k + c] * zc;
        }
      } else {
        for (let c = 0; c < k; c++) {
          const e = out[c * block + b] - y[row * k + c];
          loss += e * e;
        }
      }
      sums[b] += loss;
    }
  }

  /** The row's deltas of each particle (∂ of its loss, averaged over the batch's m rows, by each layer's z), layer by layer from the output. */
  private deltas(params: Float64Array, n: number, first: number, count: number, row: number, m: number, set: MlpCloudPass['sets'][number]): void {
    const { a, z, dz } = set;
    const { offsets } = this;
    const k = this.data.outputs;
    const y = this.data.y;
    const L = offsets.length;
    const out = a[L];
    const dOut = dz[L];
    if (this.loss === 'cross-entropy' && this.output === 'softmax') {
      let ySum = 0;
      for (let c = 0; c < k; c++) ySum += y[row * k + c];
      for (let c = 0; c < k; c++) {
        const target = y[row * k + c];
        for (let b = c * block, stop = b + count; b < stop; b++) dOut[b] = (out[b] * ySum - target) / m; // ∂CE/∂z = p·Σy − y
      }
    } else if (this.loss === 'cross-entropy') {
      for (let c = 0; c < k; c++) {
        const target = y[row * k + c];
        for (let b = c * block, stop = b + count; b < stop; b++) dOut[b] = (out[b] - target) / m; // ∂(softplus(z) − y·z)/∂z = σ(z) − y
      }
    } else if (this.output === 'softmax') {
      this.squaredThroughSoftmax(count, row, m, set);
    } else {
      for (let c = 0; c < k; c++) {
        const target = y[row * k + c];
        for (let b = c * block, stop = b + count; b < stop; b++) dOut[b] = (2 * (out[b] - target)) / m;
        scaleByDerivative(this.output, dOut, z[L], out, c * block, c * block + count);
      }
    }
    for (let l = L - 1; l >= 1; l--) {
      const o = offsets[l];
      const d = dz[l + 1];
      const dPrev = dz[l];
      for (let r = 0; r < o.in; r++) {
        const at = r * block;
        for (let b = 0; b < count; b++) dPrev[at + b] = 0;
        let c = 0;
        // Four outputs a pass, in order (the same bits as one at a time).
        for (; c + 4 <= o.out; c += 4) {
          const w0 = (o.w + r * o.out + c) * n + first;
          const from = c * block;
          for (let b = 0; b < count; b++) {
            const w = w0 + b;
            const q = from + b;
            dPrev[at + b] =
              dPrev[at + b] + params[w] * d[q] + params[w + n] * d[q + block] + params[w + 2 * n] * d[q + 2 * block] + params[w + 3 * n] * d[q + 3 * block];
          }
        }
        for (; c < o.out; c++) {
          const weight = (o.w + r * o.out + c) * n + first;
          for (let b = 0; b < count; b++) dPrev[at + b] += params[weight + b] * d[c * block + b];
        }
        scaleByDerivative(this.hidden, dPrev, z[l], a[l], at, at + count);
      }
    }
  }

  /**
   * Adds the gradients of the group's `size` rows to the sums: each weight's a_prev·δ and each bias's δ,
   * row after row in the batch's order, as adding each row's whole gradient in turn would.
   */
  private addGradients(count: number, size: number): void {
    const { offsets, gradSums, sets, groupRows } = this;
    const { x, inputs } = this.data;
    for (let l = offsets.length - 1; l >= 0; l--) {
      const o = offsets[l];
      for (let r = 0; r < o.in; r++) {
        for (let c = 0; c < o.out; c++) {
          const sum = (o.w + r * o.out + c) * block;
          const dc = c * block;
          const ar = r * block;
          if (size === 4) {
            const [s0, s1, s2, s3] = sets;
            const [d0, d1, d2, d3] = [s0.dz[l + 1], s1.dz[l + 1], s2.dz[l + 1], s3.dz[l + 1]];
            if (l === 0) {
              const x0 = x[groupRows[0] * inputs + r];
              const x1 = x[groupRows[1] * inputs + r];
              const x2 = x[groupRows[2] * inputs + r];
              const x3 = x[groupRows[3] * inputs + r];
              for (let b = 0; b < count; b++) gradSums[sum + b] = gradSums[sum + b] + x0 * d0[dc + b] + x1 * d1[dc + b] + x2 * d2[dc + b] + x3 * d3[dc + b];
            } else {
              const [a0, a1, a2, a3] = [s0.a[l], s1.a[l], s2.a[l], s3.a[l]];
              for (let b = 0; b < count; b++)
                gradSums[sum + b] = gradSums[sum + b] + a0[ar + b] * d0[dc + b] + a1[ar + b] * d1[dc + b] + a2[ar + b] * d2[dc + b] + a3[ar + b] * d3[dc + b];
            }
            continue;
          }
          for (let k = 0; k < size; k++) {
            const d = sets[k].dz[l + 1];
            if (l === 0) {
              const input = x[groupRows[k] * inputs + r];
              for (let b = 0; b < count; b++) gradSums[sum + b] += input * d[dc + b];
            } else {
              const prev = sets[k].a[l];
              for (let b = 0; b < count; b++) gradSums[sum + b] += prev[ar + b] * d[dc + b];
            }
          }
        }
      }
      for (let c = 0; c < o.out; c++) {
        const sum = (o.b + c) * block;
        const dc = c * block;
        for (let k = 0; k < size; k++) {
          const d = sets[k].dz[l + 1];
          for (let b = 0; b < count; b++) gradSums[sum + b] += d[dc + b];
        }
      }
    }
  }

  /** Σ(p−y)² through a softmax: with g = 2(p−y)/m, ∂/∂z_c = p_c·(g_c − Σₖ gₖ pₖ) (the softmax's Jacobian). */
  private squaredThroughSoftmax(count: number, row: number, m: number, set: MlpCloudPass['sets'][number]): void {
    const k = this.data.outputs;
    const y = this.data.y;
    const L = this.offsets.length;
    const out = set.a[L];
    const dOut = set.dz[L];
    for (let b = 0; b < count; b++) {
      let dot = 0;
      for (let c = 0; c < k; c++) {
        const p = out[c * block + b];
        dot += ((2 * (p - y[row * k + c])) / m) * p;
      }
      for (let c = 0; c < k; c++) {
        const p = out[c * block + b];
        dOut[c * block + b] = p * ((2 * (p - y[row * k + c])) / m - dot);
      }
    }
  }
}
