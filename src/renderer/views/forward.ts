/**
 * The forward pass of one particle on one row of data, in pieces the inspector can show: the engine's
 * formulas (models/neuron.ts, models/mlp.ts, models/linear.ts) written out step by step, with the
 * engine's own activations. Pure: no DOM, no trainer.
 */
import { activations, softmaxRows } from '../../engine/activations';
import type { Dataset } from '../../engine/data';
import type { MlpLoss } from '../../shared/scenario';
import { mlpLossOf } from '../../shared/spec';

/** The notebook's linear neuron (000): P = W·x, W one row per output (outputs × inputs, row-major). */
export interface NeuronPass {
  inputs: Float64Array;
  /** outputs × inputs, row-major. */
  weights: Float64Array;
  prediction: Float64Array;
  target: Float64Array;
  /** (Pₖ − GTₖ)² per output, as the notebook's `error_function` returns them. */
  errors: Float64Array;
  /** The row's loss Σₖ(Pₖ − GTₖ)². */
  error: number;
  /** The notebook's weight delta (P − GT)·x; for several outputs the outer product (P − GT)ᵀ·x. */
  deltas: Float64Array;
}

export function neuronPass(params: ArrayLike<number>, x: ArrayLike<number>, y: ArrayLike<number>): NeuronPass {
  const inputs = x.length;
  const outputs = y.length;
  const weights = Float64Array.from({ length: inputs * outputs }, (_, q) => params[q]);
  const prediction = new Float64Array(outputs);
  const errors = new Float64Array(outputs);
  const deltas = new Float64Array(inputs * outputs);
  let error = 0;
  for (let k = 0; k < outputs; k++) {
    let p = 0;
    for (let j = 0; j < inputs; j++) p += weights[k * inputs + j] * x[j];
    prediction[k] = p;
    const e = p - y[k];
    errors[k] = e * e;
    error += e * e;
    for (let j = 0; j < inputs; j++) deltas[k * inputs + j] = e * x[j];
  }
  return { inputs: Float64Array.from(x), weights, prediction, target: Float64Array.from(y), errors, error, deltas };
}

/**
 * The weights plain gradient descent moves to from a neuron pass over the whole (one-row) batch:
 * W − α·Δ, frozen weights held. This is what the notebook prints on the same line as the deltas.
 */
export function neuronStep(pass: NeuronPass, alpha: number, frozen: readonly number[] = []): Float64Array {
  const next = Float64Array.from(pass.weights, (w, q) => w - alpha * pass.deltas[q]);
  for (const q of frozen) if (q < next.length) next[q] = pass.weights[q];
  return next;
}

export interface MlpSpec {
  layers: readonly number[];
  hidden: 'sigmoid' | 'tanh' | 'relu';
  output: 'softmax' | 'sigmoid' | 'identity';
  loss?: MlpLoss;
}

export interface LayerPass {
  /** in × out, row-major, as the notebook's `w1`. */
  weights: Float64Array;
  bias: Float64Array;
  /** a @ W + b. */
  pre: Float64Array;
  /** The activation's name and its value of `pre`. */
  activation: 'sigmoid' | 'tanh' | 'relu' | 'identity' | 'softmax';
  post: Float64Array;
}

export interface MlpPass {
  inputs: Float64Array;
  layers: LayerPass[];
  output: Float64Array;
  target: Float64Array;
  /** The model's own loss of this row (`loss`, by default cross-entropy after a softmax, else Σₖ(ŷₖ − yₖ)²). */
  loss: number;
  lossKind: 'cross-entropy' | 'squared error';
}

export function mlpPass(params: ArrayLike<number>, spec: MlpSpec, x: ArrayLike<number>, y: ArrayLike<number>): MlpPass {
  const layers: LayerPass[] = [];
  let a = Float64Array.from(x);
  let at = 0;
  const last = spec.layers.length - 2;
  for (let l = 0; l <= last; l++) {
    const n = spec.layers[l];
    const m = spec.layers[l + 1];
    const weights = Float64Array.from({ length: n * m }, (_, q) => params[at + q]);
    const bias = Float64Array.from({ length: m }, (_, c) => params[at + n * m + c]);
    at += n * m + m;
    const pre = new Float64Array(m);
    for (let c = 0; c < m; c++) {
      let s = bias[c];
      for (let r = 0; r < n; r++) s += a[r] * weights[r * m + c];
      pre[c] = s;
    }
    const activation = l < last ? spec.hidden : spec.output;
    const post = new Float64Array(m);
    if (activation === 'softmax') softmaxRows(pre, 1, m, post);
    else for (let c = 0; c < m; c++) post[c] = activations[activation].value(pre[c]);
    layers.push({ weights, bias, pre, activation, post });
    a = post;
  }
  const target = Float64Array.from(y);
  const output = a;
  const z = layers[layers.length - 1].pre;
  let loss = 0;
  const crossEntropy = mlpLossOf(spec) === 'cross-entropy';
  if (crossEntropy && spec.output === 'softmax') {
    // −Σ y·log softmax(z), through log-sum-exp as the engine computes it.
    const max = Math.max(...z);
    let sum = 0;
    for (const v of z) sum += Math.exp(v - max);
    const lse = max + Math.log(sum);
    for (let c = 0; c < z.length; c++) loss += target[c] * (lse - z[c]);
  } else if (crossEntropy) {
    // Per output −[y log σ(z) + (1−y) log(1−σ(z))] = softplus(z) − y·z, as the engine computes it.
    for (let c = 0; c < z.length; c++) loss += Math.max(z[c], 0) + Math.log1p(Math.exp(-Math.abs(z[c]))) - target[c] * z[c];
  } else {
    for (let c = 0; c < output.length; c++) loss += (output[c] - target[c]) ** 2;
  }
  return { inputs: Float64Array.from(x), layers, output, target, loss, lossKind: crossEntropy ? 'cross-entropy' : 'squared error' };
}

/** ŷ = b + Σⱼ wⱼxⱼ of a linear model (params [b, w1…wp], or [w1…wp] without a bias). */
export function linearPredict(params: ArrayLike<number>, bias: boolean, x: ArrayLike<number>): number {
  const first = bias ? 1 : 0;
  let y = bias ? params[0] : 0;
  for (let j = 0; j < x.length; j++) y += params[first + j] * x[j];
  return y;
}

/** Row `row` of a data set: its inputs and targets. */
export function dataRow(data: Dataset, row: number): { x: Float64Array; y: Float64Array } {
  return {
    x: data.x.subarray(row * data.inputs, (row + 1) * data.inputs),
    y: data.y.subarray(row * data.outputs, (row + 1) * data.outputs),
  };
}
