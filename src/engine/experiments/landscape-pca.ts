/**
 * The plane of a training path's first two principal directions, as Li et al. (2018, §7) and
 * loss-landscape-anim draw it: the rows are each trajectory point minus the center, centred on their mean
 * (as scikit-learn's PCA does); d1 and d2 are the top two eigenvectors of their covariance, unit length,
 * each signed so that its largest component (the first, on a tie) is positive; `explained` is each one's
 * eigenvalue over the total variance (scikit-learn's explained_variance_ratio_). The path is then placed
 * by least squares (for orthonormal directions, the dot products with d1 and d2).
 *
 * The eigenvectors come from orthogonal (subspace) iteration on the smaller of the two Gram matrices
 * (points × points or parameters × parameters) with a Rayleigh–Ritz step each round (Golub & Van Loan,
 * §8.2.4), and Jacobi rotations for the small projected matrix: deterministic, and exact when the Gram
 * matrix is small enough for the subspace to hold all of it.
 */
import { Random } from '../random';
import { symmetricEigen } from '../symmetric-eigen';

export interface PcaPlane {
  d1: Float64Array;
  d2: Float64Array;
  explained: [number, number];
}

/** Vectors carried by the subspace iteration: more than two so that the top two converge fast. */
const subspace = 8;
const maxRounds = 3000;

/**
 * The first two principal directions of the points of every trajectory (points × center.length, row-major)
 * minus `center`; null when they have no variance (every point the same).
 */
export function pcaPlane(trajectories: readonly Float64Array[], center: Float64Array): PcaPlane | null {
  const P = center.length;
  const N = trajectories.reduce((sum, t) => sum + t.length / P, 0);
  // Rows: point − center, then centred on their mean.
  const rows = new Float64Array(N * P);
  let at = 0;
  for (const t of trajectories) for (let v = 0; v < t.length; v++) rows[at++] = t[v] - center[v % P];
  const mean = new Float64Array(P);
  for (let i = 0; i < N; i++) for (let q = 0; q < P; q++) mean[q] += rows[i * P + q];
  for (let q = 0; q < P; q++) mean[q] /= N;
  let total = 0;
  for (let i = 0; i < N; i++)
    for (let q = 0; q < P; q++) {
      const value = (rows[i * P + q] -= mean[q]);
      total += value * value;
    }
  if (!(total > 0 && Number.isFinite(total))) return null;

  // The Gram matrix of the smaller side: its top eigenvectors give the directions either way.
  const byPoints = N <= P;
  const m = byPoints ? N : P;
  const gram = new Float64Array(m * m);
  for (let r = 0; r < m; r++)
    for (let c = r; c < m; c++) {
      let s = 0;
      if (byPoints) for (let q = 0; q < P; q++) s += rows[r * P + q] * rows[c * P + q];
      else for (let i = 0; i < N; i++) s += rows[i * P + r] * rows[i * P + c];
      gram[r * m + c] = gram[c * m + r] = s;
    }
  const { values, vectors } = topEigenpairs(gram, m, 2);
  const directions = vectors.map((u) => {
    if (!byPoints) return u;
    const d = new Float64Array(P); // Mᵀu, unit length
    for (let i = 0; i < N; i++) for (let q = 0; q < P; q++) d[q] += rows[i * P + q] * u[i];
    return scaled(d, 1 / norm(d));
  });
  const lambda1 = Math.max(0, values[0]);
  let lambda2 = Math.max(0, values[1] ?? 0);
  // A path along one line has no second direction: any unit vector orthogonal to d1 will do, chosen plainly.
  if (!(lambda2 > 1e-12 * lambda1) || !directions[1] || !Number.isFinite(norm(directions[1]))) {
    directions[1] = orthogonalAxis(directions[0]);
    lambda2 = 0;
  }
  const [d1, d2] = directions.map(signed);
  // Rounding can take a share a hair past 1 when all the variance lies along d1.
  return { d1, d2, explained: [Math.min(1, lambda1 / total), Math.min(1, lambda2 / total)] };
}

/**
 * (a, b) of each point of `trajectory` (points × center.length, row-major): the least-squares solution of
 * point − center ≈ a·d1 + b·d2, 2 numbers a point. Non-finite points give NaN.
 */
export function projectPath(trajectory: Float64Array, center: Float64Array, d1: Float64Array, d2: Float64Array): Float64Array {
  const P = center.length;
  const points = trajectory.length / P;
  const g11 = dot(d1, d1);
  const g12 = dot(d1, d2);
  const g22 = dot(d2, d2);
  const det = g11 * g22 - g12 * g12;
  const out = new Float64Array(2 * points);
  for (let i = 0; i < points; i++) {
    let r1 = 0;
    let r2 = 0;
    for (let q = 0; q < P; q++) {
      const delta = trajectory[i * P + q] - center[q];
      r1 += delta * d1[q];
      r2 += delta * d2[q];
    }
    const a = (g22 * r1 - g12 * r2) / det;
    const b = (g11 * r2 - g12 * r1) / det;
    out[2 * i] = Number.isFinite(a) ? a : NaN;
    out[2 * i + 1] = Number.isFinite(b) ? b : NaN;
  }
  return out;
}

/** The `count` largest eigenvalues of the symmetric positive semi-definite m × m matrix `g`, with unit eigenvectors. */
function topEigenpairs(g: Float64Array, m: number, count: number): { values: number[]; vectors: Float64Array[] } {
  const k = Math.min(m, subspace);
  // A fixed start: the result does not depend on it (beyond rounding), only the speed does.
  const random = new Random(0x9ca);
  let q: Float64Array[] = Array.from({ length: k }, () => Float64Array.from({ length: m }, () => random.normal()));
  orthonormalise(q, m);
  let ritz = { values: [] as number[], vectors: [] as Float64Array[] };
  for (let round = 0; round < maxRounds; round++) {
    const w = q.map((v) => multiply(g, m, v));
    // Rayleigh–Ritz: the projected matrix H = Qᵀ G Q, its eigenvectors S, Ritz vectors Q·S (and G·Q·S = W·S).
    const h = new Float64Array(k * k);
    for (let r = 0; r < k; r++) for (let c = 0; c < k; c++) h[r * k + c] = dot(q[r], w[c]);
    for (let r = 0; r < k; r++) for (let c = 0; c < r; c++) h[r * k + c] = h[c * k + r] = (h[r * k + c] + h[c * k + r]) / 2;
    const small = symmetricEigen(h, k);
    ritz = { values: [], vectors: [] };
    let residual = 0;
    for (let e = 0; e < Math.min(count, k); e++) {
      const s = small.vectors[e];
      const y = combine(q, s, m);
      const gy = combine(w, s, m);
      for (let v = 0; v < m; v++) residual = Math.max(residual, Math.abs(gy[v] - small.values[e] * y[v]));
      ritz.values.push(small.values[e]);
      ritz.vectors.push(y);
    }
    if (k === m || residual <= 1e-13 * Math.max(small.values[0], Number.MIN_VALUE)) break;
    q = w;
    orthonormalise(q, m);
  }
  return ritz;
}

/** Modified Gram–Schmidt, twice over for accuracy; a vector that falls into the span of the others is replaced by an axis. */
function orthonormalise(vectors: Float64Array[], m: number): void {
  for (let i = 0; i < vectors.length; i++) {
    const before = norm(vectors[i]);
    for (let pass = 0; pass < 2; pass++) for (let j = 0; j < i; j++) subtractProjection(vectors[i], vectors[j]);
    let length = norm(vectors[i]);
    for (let axis = 0; !(length > 1e-10 * before && length > 0) && axis < m; axis++) {
      vectors[i] = new Float64Array(m);
      vectors[i][axis] = 1;
      for (let pass = 0; pass < 2; pass++) for (let j = 0; j < i; j++) subtractProjection(vectors[i], vectors[j]);
      length = norm(vectors[i]);
      if (length > 0.5) break;
    }
    vectors[i] = scaled(vectors[i], 1 / length);
  }
}

/** The first coordinate axis not close to `d` (a unit vector), made orthogonal to it: a unit vector. */
function orthogonalAxis(d: Float64Array): Float64Array {
  for (let axis = 0; ; axis++) {
    const e = new Float64Array(d.length);
    e[axis] = 1;
    subtractProjection(e, d);
    subtractProjection(e, d);
    const length = norm(e);
    if (length > 0.5 || axis === d.length - 1) return scaled(e, 1 / length);
  }
}

/** Flips `d` so that its largest component (the first, on a tie) is positive. */
function signed(d: Float64Array): Float64Array {
  let largest = 0;
  for (let q = 1; q < d.length; q++) if (Math.abs(d[q]) > Math.abs(d[largest])) largest = q;
  return d[largest] < 0 ? scaled(d, -1) : d;
}

function subtractProjection(v: Float64Array, unit: Float64Array): void {
  const p = dot(v, unit);
  for (let q = 0; q < v.length; q++) v[q] -= p * unit[q];
}

function multiply(g: Float64Array, m: number, v: Float64Array): Float64Array {
  const out = new Float64Array(m);
  for (let r = 0; r < m; r++) {
    let s = 0;
    for (let c = 0; c < m; c++) s += g[r * m + c] * v[c];
    out[r] = s;
  }
  return out;
}

/** Σ s[j]·vectors[j]. */
function combine(vectors: Float64Array[], s: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m);
  vectors.forEach((v, j) => {
    for (let q = 0; q < m; q++) out[q] += s[j] * v[q];
  });
  return out;
}

function dot(x: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let q = 0; q < x.length; q++) s += x[q] * y[q];
  return s;
}

const norm = (v: Float64Array) => Math.sqrt(dot(v, v));

function scaled(v: Float64Array, factor: number): Float64Array {
  return v.map((x) => x * factor);
}
