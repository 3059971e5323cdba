/**
 * The landscape around a trained model (CONTRACTS §6): its full-data loss on a K×K grid of the plane
 * θ(a, b) = center + a·d1 + b·d2, for a and b evenly spaced from −span to span, with the particle's path
 * placed in the plane. The directions are two filter-normalised random ones (Li et al. 2018), the first two
 * principal directions of the path (./landscape-pca.ts), or two parameter axes. The grid is evaluated as a
 * resumable job, a few rows at a time, so that a host can show progress and stop between slices.
 */
import { fullBatch, type Batch, type Model } from '../model';
import { randomPlane } from '../sampler';
import { pcaPlane, projectPath } from './landscape-pca';

export { pcaPlane, projectPath, type PcaPlane } from './landscape-pca';

export type LandscapeDirections = 'filter' | 'pca' | 'axes';
export const landscapeDirections: readonly LandscapeDirections[] = ['filter', 'pca', 'axes'];

/** Bounds of the grid's side: CONTRACTS §6 and issue 16 ("--grid below 3 or above 401" is refused). */
export const landscapeGrid = { min: 3, max: 401, default: 51 } as const;

export interface LandscapeOptions {
  directions: LandscapeDirections;
  /** Points along each side (3 to 401). */
  grid: number;
  /** a and b run from −span to span (> 0). */
  span: number;
  /** Draws the filter directions. */
  seed: number;
  /** The two parameter indices of `axes`. */
  axes?: readonly [number, number];
  /** Other trajectories (same layout) whose points join the PCA, so that several paths share one plane (a race). */
  pcaWith?: readonly Float64Array[];
}

export interface Landscape {
  directions: LandscapeDirections;
  center: Float64Array;
  d1: Float64Array;
  d2: Float64Array;
  /** Grid values, −span..span inclusive. */
  a: Float64Array;
  b: Float64Array;
  /** grid × grid, row-major: row ib (along b), column ia (along a) at ib·grid + ia. Non-finite values stay NaN or ±∞. */
  loss: Float64Array;
  /** (a, b) of each trajectory point, oldest first: 2 numbers a point. */
  path: Float64Array;
  /** Full-data loss at each trajectory point. */
  pathLoss: Float64Array;
  /** pca only: the share of the path's variance along d1 and along d2. */
  explained?: [number, number];
}

/**
 * A landscape being computed. `rows` units of work: the grid's rows first (unit k < grid is row k of `loss`),
 * then the path's losses in chunks of up to `grid` points. Until `advance` returns true, what is not yet
 * evaluated is NaN in `result()`.
 */
export interface LandscapeJob {
  readonly rows: number;
  readonly rowsDone: number;
  /** Evaluates up to `maxRows` more units; true once all are done. */
  advance(maxRows: number): boolean;
  /**
   * Takes the whole grid's losses computed elsewhere (a host's threads, each with a GridRows of the job's
   * `plane()`): the job then goes on with the path's units.
   */
  adoptGrid(loss: Float64Array): void;
  /** What a GridRows elsewhere needs to compute the same grid. */
  plane(): LandscapePlane;
  /** The landscape (its arrays are the job's own, filled in place as it advances). */
  result(): Landscape;
}

/** The plane and grid of a landscape: enough to compute any of its grid rows (GridRows), on any thread. */
export interface LandscapePlane {
  center: Float64Array;
  d1: Float64Array;
  d2: Float64Array;
  grid: number;
  span: number;
}

/** Bad options or trajectory; the message starts with the option it is about (`grid: must be …`). */
export class LandscapeError extends Error {
  constructor(
    readonly option: 'directions' | 'grid' | 'span' | 'seed' | 'axes' | 'trajectory',
    problem: string,
  ) {
    super(`${option}: ${problem}`);
  }
}

/** Points evaluated per model call: bounds the scratch memory (points × parameters) of large models. */
const maxPointsPerCall = 4096;
const maxScratchValues = 1 << 22;

/** trajectory: points × paramCount, row-major, oldest first; its last point is the center. Throws LandscapeError on bad input. */
export function startLandscape(model: Model, trajectory: Float64Array, options: LandscapeOptions): LandscapeJob {
  const P = model.paramCount;
  checkLandscapeOptions(options, P);
  if (trajectory.length === 0 || trajectory.length % P !== 0)
    throw new LandscapeError('trajectory', `must hold whole points of ${P} parameters, not ${trajectory.length} values`);
  const points = trajectory.length / P;
  const center = trajectory.slice((points - 1) * P);
  if (!center.every(Number.isFinite)) throw new LandscapeError('trajectory', 'the last point (the center) is not finite: the particle diverged');

  let d1: Float64Array;
  let d2: Float64Array;
  let explained: [number, number] | undefined;
  if (options.directions === 'filter') ({ d1, d2 } = randomPlane(model, center, options.seed));
  else if (options.directions === 'axes') {
    const [i, j] = options.axes!;
    d1 = new Float64Array(P);
    d2 = new Float64Array(P);
    d1[i] = 1;
    d2[j] = 1;
  } else {
    if (points < 3) throw new LandscapeError('directions', `pca needs a path of at least 3 points; this one has ${points}`);
    if (!trajectory.every(Number.isFinite)) throw new LandscapeError('trajectory', 'pca needs a finite path; a point of this one is not finite');
    const plane = pcaPlane([trajectory, ...(options.pcaWith ?? [])], center);
    if (!plane) throw new LandscapeError('directions', 'pca needs a path that moves; every point of this one is the center');
    ({ d1, d2, explained } = plane);
  }
  return new Job(model, trajectory, { directions: options.directions, center, d1, d2, explained }, options.grid, options.span);
}

/** Throws LandscapeError when the options do not fit a model of `paramCount` parameters (so a host can check before training). */
export function checkLandscapeOptions(options: LandscapeOptions, paramCount: number): void {
  const { directions, grid, span, seed, axes } = options;
  if (!landscapeDirections.includes(directions)) throw new LandscapeError('directions', `must be filter, pca or axes, not ${String(directions)}`);
  if (!Number.isInteger(grid) || grid < landscapeGrid.min || grid > landscapeGrid.max)
    throw new LandscapeError('grid', `must be a whole number from ${landscapeGrid.min} to ${landscapeGrid.max}, not ${grid}`);
  if (!(Number.isFinite(span) && span > 0)) throw new LandscapeError('span', `must be a finite number > 0, not ${span}`);
  if (!Number.isSafeInteger(seed)) throw new LandscapeError('seed', `must be a whole number, not ${seed}`);
  if (directions !== 'axes') return;
  if (!axes) throw new LandscapeError('axes', 'axes directions need two parameter indices');
  const [i, j] = axes;
  for (const q of [i, j])
    if (!Number.isInteger(q) || q < 0 || q >= paramCount)
      throw new LandscapeError('axes', `${q} is out of range: the model has ${paramCount} parameters (0 to ${paramCount - 1})`);
  if (i === j) throw new LandscapeError('axes', `must name two different parameters, not ${i} twice`);
}

/**
 * The grid values of one side: span·(2k/(grid − 1) − 1). The ends are ±span and the middle (odd grid) 0
 * exactly, and no span short of the largest double overflows on the way.
 */
function gridValues(grid: number, span: number): Float64Array {
  return Float64Array.from({ length: grid }, (_, k) => span * ((2 * k) / (grid - 1) - 1));
}

/**
 * Evaluates points of a model in calls of at most `perCall` points, with scratch of its own: the one way
 * the job and GridRows evaluate, so that a point's loss is the same bytes on any thread and in any range.
 */
class PointEvaluator {
  private readonly batch: Batch;
  /** Parameter-major points of one model call, and their losses. */
  readonly scratch: Float64Array;
  private readonly losses: Float64Array;
  private readonly perCall: number;

  constructor(private readonly model: Model) {
    const P = model.paramCount;
    this.batch = fullBatch(model.rows);
    this.perCall = Math.max(1, Math.min(maxPointsPerCall, Math.floor(maxScratchValues / P)));
    this.scratch = new Float64Array(this.perCall * P);
    this.losses = new Float64Array(this.perCall);
  }

  /** out[first − offset..last − offset) = the loss at each point that `place(index, k, n)` writes into column k of the scratch. */
  evaluate(first: number, last: number, out: Float64Array, place: (index: number, k: number, n: number) => void, offset = 0): void {
    for (let from = first; from < last; from += this.perCall) {
      const n = Math.min(this.perCall, last - from);
      for (let k = 0; k < n; k++) place(from + k, k, n);
      const params = n === this.perCall ? this.scratch : this.scratch.subarray(0, n * this.model.paramCount);
      this.model.evaluate(params, n, this.batch, this.losses, null, null);
      out.set(this.losses.subarray(0, n), from - offset);
    }
  }
}

/**
 * Any rows of a landscape's grid, for a host that spreads them over threads: each thread builds one over
 * the job's `plane()` and computes the row ranges it is given; the losses are the job's own, bytes for bytes.
 */
export class GridRows {
  readonly a: Float64Array;
  /** Its scratch, which the job also evaluates its path with (a large model's scratch is tens of megabytes). */
  readonly evaluator: PointEvaluator;

  constructor(
    model: Model,
    readonly plane: LandscapePlane,
  ) {
    if (plane.center.length !== model.paramCount) throw new Error(`plane: a center of ${plane.center.length} parameters for a model of ${model.paramCount}`);
    this.a = gridValues(plane.grid, plane.span);
    this.evaluator = new PointEvaluator(model);
  }

  /** Rows [from, to) of the grid into `out` (row `from` at out[0]); `out` holds (to − from)·grid values. */
  rows(from: number, to: number, out: Float64Array = new Float64Array((to - from) * this.plane.grid)): Float64Array {
    const { grid, center, d1, d2 } = this.plane;
    const a = this.a;
    const s = this.evaluator.scratch;
    this.evaluator.evaluate(
      from * grid,
      to * grid,
      out,
      (index, k, n) => {
        const av = a[index % grid];
        const bv = a[Math.floor(index / grid)]; // b's values are a's
        for (let q = 0; q < center.length; q++) s[q * n + k] = center[q] + av * d1[q] + bv * d2[q];
      },
      from * grid,
    );
    return out;
  }
}

class Job implements LandscapeJob {
  readonly rows: number;
  rowsDone = 0;
  private readonly landscape: Landscape;
  private readonly grid: number;
  private readonly points: number;
  private readonly evaluator: PointEvaluator;
  private readonly gridRows: GridRows;

  constructor(
    private readonly model: Model,
    private readonly trajectory: Float64Array,
    plane: Pick<Landscape, 'directions' | 'center' | 'd1' | 'd2' | 'explained'>,
    grid: number,
    span: number,
  ) {
    this.grid = grid;
    this.points = trajectory.length / model.paramCount;
    this.gridRows = new GridRows(model, { center: plane.center, d1: plane.d1, d2: plane.d2, grid, span });
    this.evaluator = this.gridRows.evaluator;
    const a = this.gridRows.a;
    const path = projectPath(trajectory, plane.center, plane.d1, plane.d2);
    this.landscape = {
      directions: plane.directions,
      center: plane.center,
      d1: plane.d1,
      d2: plane.d2,
      a,
      b: a.slice(),
      loss: new Float64Array(grid * grid).fill(NaN),
      path,
      pathLoss: new Float64Array(this.points).fill(NaN),
      ...(plane.explained && { explained: plane.explained }),
    };
    this.rows = grid + Math.ceil(this.points / grid);
  }

  plane(): LandscapePlane {
    return this.gridRows.plane;
  }

  advance(maxRows: number): boolean {
    const stop = Math.min(this.rows, this.rowsDone + Math.max(1, Math.floor(maxRows)));
    const { grid } = this;
    const gridStop = Math.min(stop, grid);
    if (this.rowsDone < gridStop) {
      const first = this.rowsDone * grid;
      this.gridRows.rows(this.rowsDone, gridStop, this.landscape.loss.subarray(first, gridStop * grid));
      this.rowsDone = gridStop;
    }
    if (this.rowsDone < stop) {
      const P = this.model.paramCount;
      const first = (this.rowsDone - grid) * grid;
      const last = Math.min(this.points, (stop - grid) * grid);
      const s = this.evaluator.scratch;
      this.evaluator.evaluate(first, last, this.landscape.pathLoss, (index, k, n) => {
        for (let q = 0; q < P; q++) s[q * n + k] = this.trajectory[index * P + q];
      });
      this.rowsDone = stop;
    }
    return this.rowsDone === this.rows;
  }

  adoptGrid(loss: Float64Array): void {
    const { grid } = this;
    if (loss.length !== grid * grid) throw new Error(`loss: the grid has ${grid * grid} values, not ${loss.length}`);
    this.landscape.loss.set(loss);
    this.rowsDone = Math.max(this.rowsDone, grid);
  }

  result(): Landscape {
    return this.landscape;
  }
}
