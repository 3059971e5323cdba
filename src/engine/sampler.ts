/**
 * The loss over a grid of two coordinates, for drawing the surface. A plane through parameter space,
 * θ(a, b) = origin + a·d1 + b·d2, covers both cases: two parameter axes (origin has those two zeroed, d1 and
 * d2 are unit vectors, so a and b are the parameters' own values), or two random directions normalised
 * filter by filter as in Li et al. 2018, "Visualizing the Loss Landscape of Neural Nets" (a and b are
 * then offsets from the centre). Particles are placed in the plane by least squares.
 */
import { fullBatch, type Batch, type Model } from './model';
import { Random, Stream } from './random';

export interface Plane {
  origin: Float64Array;
  d1: Float64Array;
  d2: Float64Array;
}

/** The plane spanned by parameters i and j through `center` (a, b are θᵢ and θⱼ themselves). */
export function axesPlane(center: ArrayLike<number>, i: number, j: number): Plane {
  const origin = Float64Array.from(center);
  origin[i] = 0;
  origin[j] = 0;
  const d1 = new Float64Array(origin.length);
  const d2 = new Float64Array(origin.length);
  d1[i] = 1;
  d2[j] = 1;
  return { origin, d1, d2 };
}

/**
 * Two Gaussian directions through `center`, each filter (a neuron's incoming weights) rescaled to the norm
 * of the same filter in `center`, biases set to zero (Li et al. 2018, §4). A filter whose weights are all
 * zero in `center` keeps its raw direction, so that the plane never collapses.
 */
export function randomPlane(model: Model, center: ArrayLike<number>, seed: number): Plane {
  const random = new Random(seed, Stream.directions);
  const direction = () => {
    const d = new Float64Array(model.paramCount);
    for (let q = 0; q < d.length; q++) d[q] = random.normal();
    for (const filter of model.filters()) {
      if (filter.bias) {
        for (const q of filter.indices) d[q] = 0;
        continue;
      }
      let dNorm = 0;
      let cNorm = 0;
      for (const q of filter.indices) {
        dNorm += d[q] * d[q];
        cNorm += center[q] * center[q];
      }
      if (cNorm === 0 || dNorm === 0) continue;
      const scale = Math.sqrt(cNorm / dNorm);
      for (const q of filter.indices) d[q] *= scale;
    }
    return d;
  };
  return { origin: Float64Array.from(center), d1: direction(), d2: direction() };
}

export interface GridSpec {
  /** [[amin, amax], [bmin, bmax]] in plane coordinates. */
  range: readonly [readonly [number, number], readonly [number, number]];
  /** Points along a and along b (each ≥ 2). */
  resolution: readonly [number, number];
}

/** Each model's full batch, made once: a surface redrawn often at 100,000 rows should not rebuild it each time. */
const fullBatches = new WeakMap<Model, Batch>();
function wholeData(model: Model): Batch {
  let batch = fullBatches.get(model);
  if (!batch) fullBatches.set(model, (batch = fullBatch(model.rows)));
  return batch;
}

/** Grid points evaluated per model call: bounds the scratch memory of large models. */
const CHUNK = 4096;

/**
 * The full-data loss at each grid point, row-major with a varying fastest: value (ia, ib) at ib·na + ia,
 * where a = amin + (amax − amin)·ia/(na − 1).
 */
export function sampleLoss(model: Model, plane: Plane, grid: GridSpec): Float64Array {
  const [na, nb] = grid.resolution;
  const [[a0, a1], [b0, b1]] = grid.range;
  const P = model.paramCount;
  const total = na * nb;
  const out = new Float64Array(total);
  const batch = wholeData(model);
  const chunk = Math.min(CHUNK, total);
  const params = new Float64Array(chunk * P);
  const loss = new Float64Array(chunk);
  for (let first = 0; first < total; first += chunk) {
    const count = Math.min(chunk, total - first);
    for (let k = 0; k < count; k++) {
      const index = first + k;
      const a = a0 + ((a1 - a0) * (index % na)) / (na - 1);
      const b = b0 + ((b1 - b0) * Math.floor(index / na)) / (nb - 1);
      for (let q = 0; q < P; q++) params[q * count + k] = plane.origin[q] + a * plane.d1[q] + b * plane.d2[q];
    }
    model.evaluate(count === chunk ? params : params.subarray(0, count * P), count, batch, loss, null, null);
    out.set(loss.subarray(0, count), first);
  }
  return out;
}

/**
 * Plane coordinates (a, b) of each of n particles (params parameter-major) into `out` (a at 2i, b at 2i+1):
 * the least-squares solution of θ − origin ≈ a·d1 + b·d2, exact when θ lies in the plane. Non-finite
 * parameters give NaN, for the caller to hide.
 */
export function projectParticles(plane: Plane, params: Float64Array, n: number, out: Float64Array): Float64Array {
  const { origin, d1, d2 } = plane;
  const P = origin.length;
  let g11 = 0;
  let g12 = 0;
  let g22 = 0;
  for (let q = 0; q < P; q++) {
    g11 += d1[q] * d1[q];
    g12 += d1[q] * d2[q];
    g22 += d2[q] * d2[q];
  }
  const det = g11 * g22 - g12 * g12;
  const degenerate = !(Math.abs(det) > 1e-12 * g11 * g22); // parallel directions: project on d1 alone
  for (let i = 0; i < n; i++) {
    let r1 = 0;
    let r2 = 0;
    for (let q = 0; q < P; q++) {
      const delta = params[q * n + i] - origin[q];
      r1 += delta * d1[q];
      r2 += delta * d2[q];
    }
    if (degenerate) {
      out[2 * i] = r1 / g11;
      out[2 * i + 1] = 0;
    } else {
      out[2 * i] = (g22 * r1 - g12 * r2) / det;
      out[2 * i + 1] = (g11 * r2 - g12 * r1) / det;
    }
  }
  return out;
}
