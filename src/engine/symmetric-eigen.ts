/**
 * Eigenvalues and eigenvectors of a small symmetric matrix by the cyclic Jacobi method (Golub & Van Loan,
 * §8.5): accurate to rounding, and no library. Used for the exact Hessian of a linear model (./stable-rate.ts)
 * and the Rayleigh–Ritz step of the landscape's principal directions (experiments/landscape-pca.ts).
 */

/** Eigenvalues (largest first) and unit eigenvectors of a symmetric k × k matrix (row-major, not modified). */
export function symmetricEigen(matrix: ArrayLike<number>, k: number): { values: number[]; vectors: Float64Array[] } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i * k + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diagonal = 0;
    for (let p = 0; p < k; p++) {
      diagonal += a[p * k + p] * a[p * k + p];
      for (let r = p + 1; r < k; r++) off += a[p * k + r] * a[p * k + r];
    }
    if (!(off > 1e-32 * diagonal)) break; // off the diagonal, nothing left above rounding
    for (let p = 0; p < k; p++)
      for (let r = p + 1; r < k; r++) {
        const apr = a[p * k + r];
        if (apr === 0) continue;
        // The rotation that zeroes a[p][r] (Golub & Van Loan, Algorithm 8.5.1, sym.schur2).
        const tau = (a[r * k + r] - a[p * k + p]) / (2 * apr);
        const t = (tau >= 0 ? 1 : -1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let i = 0; i < k; i++) {
          const aip = a[i * k + p];
          const air = a[i * k + r];
          a[i * k + p] = c * aip - s * air;
          a[i * k + r] = s * aip + c * air;
        }
        for (let i = 0; i < k; i++) {
          const api = a[p * k + i];
          const ari = a[r * k + i];
          a[p * k + i] = c * api - s * ari;
          a[r * k + i] = s * api + c * ari;
        }
        for (let i = 0; i < k; i++) {
          const vip = v[i * k + p];
          const vir = v[i * k + r];
          v[i * k + p] = c * vip - s * vir;
          v[i * k + r] = s * vip + c * vir;
        }
      }
  }
  const order = Array.from({ length: k }, (_, i) => i).sort((x, y) => a[y * k + y] - a[x * k + x] || x - y);
  return { values: order.map((i) => a[i * k + i]), vectors: order.map((i) => Float64Array.from({ length: k }, (_, r) => v[r * k + i])) };
}
