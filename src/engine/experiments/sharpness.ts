/**
 * Sharpness of each particle's minimum: the largest eigenvalue λ_max of the Hessian of its full-data loss,
 * the curvature along the steepest direction. It is what decides where gradient descent can settle: a step
 * of η multiplies the error along that direction by 1 − η·λ_max, so full-batch descent is only stable where
 * λ_max < 2/η (as ../stable-rate.ts says for a linear model), and noisier small-batch steps leave sharp
 * minima sooner still (Keskar et al. 2017; Wu, Ma & E 2018).
 *
 * Found by power iteration (Golub & Van Loan, §7.3.1) on Hessian-vector products, each the central
 * difference of the model's exact gradient, H·v ≈ (∇L(θ + h·v) − ∇L(θ − h·v)) / 2h, for the whole cloud at
 * once (the parameter-major layout of ../model.ts). The estimate is the Rayleigh quotient vᵀHv of the last
 * unit vector, which converges twice as fast as the vector does. Power iteration finds the eigenvalue of
 * largest magnitude: at a minimum the Hessian has no negative eigenvalue and that is λ_max; where it is a
 * negative one μ (away from a minimum), a second pass on H − μ·I finds λ_max.
 */
import { fullBatch, type Model } from '../model';
import { Random, Stream } from '../random';

export interface SharpnessOptions {
  /** Power-iteration rounds: two gradient evaluations of the whole cloud on the whole data each [100]. */
  iterations?: number;
  /** Draws the starting vectors (the directions stream) [0]. */
  seed?: number;
}

/**
 * λ_max of each particle's full-data loss Hessian at `params` (paramCount × n, parameter-major), in a new
 * array of n values. A particle whose parameters or gradients are not finite gets NaN; one whose Hessian is
 * zero along every direction tried gets 0.
 */
export function sharpness(model: Model, params: Float64Array, n: number, options: SharpnessOptions = {}): Float64Array {
  const iterations = options.iterations ?? 100;
  const seed = options.seed ?? 0;
  const lambda = powerIteration(model, params, n, iterations, seed, new Float64Array(n));
  // Power iteration finds the eigenvalue of largest magnitude. Where that is negative (μ, away from a
  // minimum), H − μ·I has no negative eigenvalue and its dominant one is λ_max − μ: a second pass finds it.
  const shift = lambda.map((value) => (value < 0 ? value : 0));
  if (shift.some((value) => value < 0)) {
    const shifted = powerIteration(model, params, n, iterations, seed, shift);
    for (let i = 0; i < n; i++) if (shift[i] < 0) lambda[i] = shifted[i] + shift[i];
  }
  return lambda;
}

/** The Rayleigh quotient of H − shift·I after `iterations` rounds of power iteration, per particle. */
function powerIteration(model: Model, params: Float64Array, n: number, iterations: number, seed: number, shift: Float64Array): Float64Array {
  const P = model.paramCount;
  const random = new Random(seed, Stream.directions);
  const batch = fullBatch(model.rows);
  const v = new Float64Array(P * n);
  for (let k = 0; k < v.length; k++) v[k] = random.normal();
  const norms = new Float64Array(n);
  normalise(v, P, n, norms);
  // The difference step: small against the parameters' own size (rounding grows as 1/h, the cubic term as h²).
  const h = new Float64Array(n);
  columnNorms(params, P, n, h);
  for (let i = 0; i < n; i++) h[i] = 1e-5 * (1 + h[i]);

  const shifted = new Float64Array(P * n);
  const gPlus = new Float64Array(P * n);
  const gMinus = new Float64Array(P * n);
  const loss = new Float64Array(n);
  const lambda = new Float64Array(n);
  for (let round = 0; round < iterations; round++) {
    for (let k = 0; k < shifted.length; k++) shifted[k] = params[k] + h[k % n] * v[k];
    model.evaluate(shifted, n, batch, loss, gPlus, null);
    for (let k = 0; k < shifted.length; k++) shifted[k] = params[k] - h[k % n] * v[k];
    model.evaluate(shifted, n, batch, loss, gMinus, null);
    // gPlus becomes (H − shift)·v; λ = vᵀ(H − shift)v (‖v‖ = 1), then v ← that product over its norm.
    lambda.fill(0);
    for (let k = 0; k < gPlus.length; k++) {
      const i = k % n;
      const hv = (gPlus[k] - gMinus[k]) / (2 * h[i]) - shift[i] * v[k];
      gPlus[k] = hv;
      lambda[i] += v[k] * hv;
    }
    columnNorms(gPlus, P, n, norms);
    for (let k = 0; k < v.length; k++) {
      const norm = norms[k % n];
      // A zero product keeps the vector (λ is then 0); a non-finite one makes λ NaN below.
      if (norm > 0) v[k] = gPlus[k] / norm;
    }
  }
  for (let i = 0; i < n; i++) if (!Number.isFinite(lambda[i]) || !Number.isFinite(norms[i])) lambda[i] = NaN;
  return lambda;
}

/** The Euclidean norm of each particle's column of a parameter-major array, into `out`. */
function columnNorms(values: Float64Array, P: number, n: number, out: Float64Array): void {
  out.fill(0);
  for (let q = 0; q < P; q++) for (let i = 0; i < n; i++) out[i] += values[q * n + i] ** 2;
  for (let i = 0; i < n; i++) out[i] = Math.sqrt(out[i]);
}

function normalise(values: Float64Array, P: number, n: number, norms: Float64Array): void {
  columnNorms(values, P, n, norms);
  for (let k = 0; k < values.length; k++) values[k] /= norms[k % n];
}

/** The median of the finite values (NaN when there are none): the cloud's typical network, deaf to outliers. */
export function finiteMedian(values: ArrayLike<number>): number {
  const sorted = Array.from(values)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
