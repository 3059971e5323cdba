/**
 * A small multi-layer perceptron (notebook 001): z = act(a @ W + b) layer by layer, W stored in × out
 * row-major as `X @ w1` in the notebook, then b. Loss (`loss`, by default cross-entropy for a softmax output,
 * else squared): the squared error Σₖ(ŷₖ−yₖ)², or cross-entropy (softmax: −Σₖ yₖ log pₖ; sigmoid: per output
 * −[yₖ log pₖ + (1−yₖ) log(1−pₖ)]), averaged over the batch's rows. Forward and backward passes by hand for
 * a block of particles at once (./mlp-cloud.ts), with no allocation.
 */
import { activations, softmaxRows, type Activation, type ActivationName } from '../activations';
import type { MlpLoss } from '../../shared/scenario';
import { mlpLossOf } from '../../shared/spec';
import type { Dataset } from '../data';
import type { Batch, Filter, Model } from '../model';
import { MlpCloudPass } from './mlp-cloud';

export interface MlpShape {
  layers: readonly number[];
  hidden: Exclude<ActivationName, 'identity'>;
  output: 'softmax' | 'sigmoid' | 'identity';
  /** Left out: cross-entropy for a softmax output, else squared (CONTRACTS §1). */
  loss?: MlpLoss;
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
  /** Loss and gradient of the cloud, a block of particles at a time (./mlp-cloud.ts). */
  private readonly cloud: MlpCloudPass;
  /** Activations a_l and pre-activations z_l of one row, layer by layer, for `predict`. */
  private readonly a: Float64Array[];
  private readonly z: Float64Array[];

  constructor(
    data: Dataset,
    private readonly shape: MlpShape,
  ) {
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
    this.cloud = new MlpCloudPass(data, offsets, shape.layers, shape.hidden, shape.output, count, mlpLossOf(shape));
    this.a = shape.layers.map((w) => new Float64Array(w));
    this.z = shape.layers.map((w) => new Float64Array(w));
  }

  evaluate(params: Float64Array, n: number, batch: Batch, loss: Float64Array, grad: Float64Array | null, active: Uint8Array | null, from = 0, to = n): void {
    this.cloud.evaluate(params, n, batch, loss, grad, active, from, to);
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
