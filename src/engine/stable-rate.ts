/**
 * The largest stable learning rate of full-batch gradient descent on a linear model (issue 22). The loss
 * L = (1/m)‖A·p − y‖², with A the rows [1, x] (or [x] without bias), is a quadratic whose Hessian is
 * H = (2/m)·AᵀA everywhere. A step p ← p − α·H·(p − p*) multiplies the error along each eigenvector of H
 * by 1 − α·λ, so every direction shrinks exactly when α < 2/λ_max; at 2/λ_max the stiffest one oscillates
 * for ever, and above it grows. λ_max comes from the cyclic Jacobi method (./symmetric-eigen.ts), accurate to
 * rounding for a symmetric matrix.
 */
import type { Dataset } from './data';
import { symmetricEigen } from './symmetric-eigen';

/** The Hessian (2/m)·AᵀA of the mean squared error of a linear model on these rows, parameters [b, w…]. */
export function linearHessian(data: Dataset, bias: boolean): Float64Array {
  const p = data.inputs;
  const n = p + (bias ? 1 : 0);
  const h = new Float64Array(n * n);
  const row = new Float64Array(n);
  for (let r = 0; r < data.rows; r++) {
    if (bias) row[0] = 1;
    for (let j = 0; j < p; j++) row[(bias ? 1 : 0) + j] = data.x[r * p + j];
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) h[i * n + j] += row[i] * row[j];
  }
  for (let k = 0; k < h.length; k++) h[k] *= 2 / data.rows;
  return h;
}

export interface StableRate {
  /** The largest eigenvalue of the Hessian: the loss's steepest curvature. */
  lambdaMax: number;
  /** The smallest: with λ_max, the condition number λ_max/λ_min says how slow the flattest direction is. */
  lambdaMin: number;
  /** 2/λ_max: full-batch gradient descent converges for every start exactly when α is below it. */
  alpha: number;
}

/** The stable-rate limit of full-batch gradient descent for a linear model on `data` (already scaled, if it is). */
export function stableRate(data: Dataset, bias: boolean): StableRate {
  const n = data.inputs + (bias ? 1 : 0);
  const { values } = symmetricEigen(linearHessian(data, bias), n); // largest first
  const lambdaMax = Math.max(0, values[0]);
  return { lambdaMax, lambdaMin: Math.max(0, values[n - 1]), alpha: lambdaMax > 0 ? 2 / lambdaMax : Infinity };
}
