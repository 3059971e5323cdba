/**
 * The largest stable learning rate of full-batch gradient descent on a linear model (issue 22). The loss
 * L = (1/m)‖A·p − y‖², with A the rows [1, x] (or [x] without bias), is a quadratic whose Hessian is
 * H = (2/m)·AᵀA everywhere. A step p ← p − α·H·(p − p*) multiplies the error along each eigenvector of H
 * by 1 − α·λ, so every direction shrinks exactly when α < 2/λ_max; at 2/λ_max the stiffest one oscillates
 * for ever, and above it grows. λ_max comes from the cyclic Jacobi method (Golub and Van Loan, §8.5), which
 * is accurate to rounding for a symmetric matrix and needs no library.
 */
import type { Dataset } from './data';

/** The eigenvalues of a symmetric n×n matrix (row-major, not modified), in ascending order. */
export function symmetricEigenvalues(matrix: ArrayLike<number>, n: number): number[] {
  const a = Float64Array.from(matrix);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let scale = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i === j) scale += a[i * n + j] ** 2;
        else off += a[i * n + j] ** 2;
      }
    }
    if (off <= 1e-30 * scale || off === 0) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        // The rotation that zeroes a[p][q]: t = tan θ, the smaller root of t² + 2τt − 1 = 0.
        const tau = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = (tau >= 0 ? 1 : -1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
      }
    }
  }
  return Array.from({ length: n }, (_, i) => a[i * n + i]).sort((u, v) => u - v);
}

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
  const eigenvalues = symmetricEigenvalues(linearHessian(data, bias), n);
  const lambdaMax = Math.max(0, eigenvalues[n - 1]);
  return { lambdaMax, lambdaMin: Math.max(0, eigenvalues[0]), alpha: lambdaMax > 0 ? 2 / lambdaMax : Infinity };
}
