/**
 * Activation functions of the notebooks (001, "Activation Function"), each with the derivative the
 * backward pass needs, written in terms of the activation's own output where that is the usual form.
 */

export type ActivationName = 'sigmoid' | 'tanh' | 'relu' | 'identity';

/** Elementwise activation: value at z, and its derivative given z and the value a = f(z). */
export interface Activation {
  value(z: number): number;
  derivative(z: number, a: number): number;
}

export const sigmoid: Activation = {
  value: (z) => 1 / (1 + Math.exp(-z)),
  derivative: (_z, a) => a * (1 - a),
};

/** Math.tanh rather than the notebook's (e^2z−1)/(e^2z+1), which is NaN for z > 355 (∞/∞). */
export const tanh: Activation = {
  value: (z) => Math.tanh(z),
  derivative: (_z, a) => 1 - a * a,
};

/** The derivative at 0 is taken as 0, as PyTorch does. */
export const relu: Activation = {
  value: (z) => (z > 0 ? z : 0),
  derivative: (z) => (z > 0 ? 1 : 0),
};

export const identity: Activation = {
  value: (z) => z,
  derivative: () => 1,
};

export const activations: Record<ActivationName, Activation> = { sigmoid, tanh, relu, identity };

/*
 * Range forms for the batched MLP (models/mlp-cloud.ts): the loop is chosen by name and calls its activation
 * by name. V8 keeps one call target per call site: a loop calling `f.value` for whichever activation it was
 * handed stopped inlining it once a session had used two, and the two-layer net stepped 20% slower.
 */

/** out[i] = f(z[i]) for lo ≤ i < hi. */
export function activateRange(name: ActivationName, z: Float64Array, out: Float64Array, lo: number, hi: number): void {
  switch (name) {
    case 'sigmoid':
      for (let i = lo; i < hi; i++) out[i] = sigmoid.value(z[i]);
      return;
    case 'tanh':
      for (let i = lo; i < hi; i++) out[i] = tanh.value(z[i]);
      return;
    case 'relu':
      for (let i = lo; i < hi; i++) out[i] = relu.value(z[i]);
      return;
    case 'identity':
      for (let i = lo; i < hi; i++) out[i] = identity.value(z[i]);
      return;
  }
}

/** d[i] = d[i] · f′(z[i], a[i]) for lo ≤ i < hi (a = f(z)): a delta taken back through the activation. */
export function scaleByDerivative(name: ActivationName, d: Float64Array, z: Float64Array, a: Float64Array, lo: number, hi: number): void {
  switch (name) {
    case 'sigmoid':
      for (let i = lo; i < hi; i++) d[i] = d[i] * sigmoid.derivative(z[i], a[i]);
      return;
    case 'tanh':
      for (let i = lo; i < hi; i++) d[i] = d[i] * tanh.derivative(z[i], a[i]);
      return;
    case 'relu':
      for (let i = lo; i < hi; i++) d[i] = d[i] * relu.derivative(z[i], a[i]);
      return;
    case 'identity':
      for (let i = lo; i < hi; i++) d[i] = d[i] * identity.derivative(z[i], a[i]);
      return;
  }
}

/**
 * Softmax of each row of a row-major matrix, in place from `z` into `out` (they may be the same array).
 * The row maximum is subtracted first: the notebook's version overflows to NaN for inputs above ~709.
 */
export function softmaxRows(z: ArrayLike<number>, rows: number, cols: number, out: Float64Array): Float64Array {
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    let max = -Infinity;
    for (let c = 0; c < cols; c++) if (z[base + c] > max) max = z[base + c];
    let sum = 0;
    for (let c = 0; c < cols; c++) {
      const e = Math.exp(z[base + c] - max);
      out[base + c] = e;
      sum += e;
    }
    for (let c = 0; c < cols; c++) out[base + c] /= sum;
  }
  return out;
}
