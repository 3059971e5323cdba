/**
 * Basins of attraction on a two-parameter surface: a dense grid of starts, each run with the scenario's
 * optimizer for its epochs, each start labelled by the minimum its end point lies next to, or diverged, or
 * not yet settled. Named surfaces bring their minima (./surfaces.ts; Rastrigin's whole lattice is derived
 * below); a typed formula has none, so the settled end points are clustered instead. Pure and
 * deterministic: the grid fixes the starts, and no random choice is made.
 */
import type { Scenario } from '../../shared/scenario';
import { divergedLabel, unsettledLabel, type BasinsResult } from '../../shared/basins-messages';
import { buildModel } from '../build';
import { Descent, Status } from '../descent';
import type { Model } from '../model';
import { surfaces, type SurfaceName } from '../surfaces';

export { divergedLabel, unsettledLabel, type BasinsResult };

export type Range = readonly [readonly [number, number], readonly [number, number]];

export interface BasinsOptions {
  /** Starts per side: the grid has resolution² starts, at the centres of equal cells. */
  resolution: number;
  /** The grid's extent; the named surface's own range when left out. */
  range?: Range;
  /** Called every few steps with the steps done and the steps the run will take at most. */
  onProgress?(done: number, total: number): void;
  /** Asked between steps: true stops the computation (the result is then null). */
  cancelled?(): boolean;
}

/** The centre of grid cell k of `resolution` equal cells over [lo, hi]. */
export function cellCentre(lo: number, hi: number, resolution: number, k: number): number {
  return lo + ((k + 0.5) * (hi - lo)) / resolution;
}

/**
 * The local minima of Rastrigin's f inside the range. f is separable, f = 20 + r(x) + r(y) with
 * r(u) = u² − 10·cos(2πu), and r′(u) = 2u + 20π·sin(2πu) vanishes once near each integer k, where
 * r″ = 2 + 40π²·cos(2πu) > 0: a minimum at k·20π²/(1 + 20π²) to first order, polished by Newton's method.
 */
export function rastriginMinima(range: Range): [number, number][] {
  const roots = (lo: number, hi: number): number[] => {
    const out: number[] = [];
    for (let k = Math.ceil(lo) - 1; k <= Math.floor(hi) + 1; k++) {
      let u = (k * 20 * Math.PI * Math.PI) / (1 + 20 * Math.PI * Math.PI);
      for (let i = 0; i < 50; i++) {
        const d1 = 2 * u + 20 * Math.PI * Math.sin(2 * Math.PI * u);
        const d2 = 2 + 40 * Math.PI * Math.PI * Math.cos(2 * Math.PI * u);
        const next = u - d1 / d2;
        if (next === u) break;
        u = next;
      }
      if (u >= lo && u <= hi) out.push(u);
    }
    return out;
  };
  const xs = roots(range[0][0], range[0][1]);
  const ys = roots(range[1][0], range[1][1]);
  return ys.flatMap((y) => xs.map((x): [number, number] => [x, y]));
}

/** The minima a start may be labelled with, and where they come from; null for a typed formula. */
function knownMinima(scenario: Scenario, range: Range): { minima: [number, number][]; source: 'known' | 'derived' } | null {
  const model = scenario.model;
  if (model.kind !== 'surface' || model.fn === undefined) return null;
  if (model.fn === 'rastrigin') return { minima: rastriginMinima(range), source: 'derived' };
  return { minima: surfaces[model.fn as SurfaceName].minima.map(([x, y]): [number, number] => [x, y]), source: 'known' };
}

/** The default extent of the grid: the named surface's own range, else the scenario's uniform or grid init, else ±5. */
export function basinsRange(scenario: Scenario): [[number, number], [number, number]] {
  const model = scenario.model;
  if (model.kind === 'surface' && model.fn !== undefined) {
    const [[a0, a1], [b0, b1]] = surfaces[model.fn as SurfaceName].range;
    return [
      [a0, a1],
      [b0, b1],
    ];
  }
  const init = scenario.init;
  if ('min' in init)
    return [
      [init.min[0], init.max[0]],
      [init.min[1], init.max[1]],
    ];
  return [
    [-5, 5],
    [-5, 5],
  ];
}

/** The checked options of a basins map: its grid, its extent and the surface's model (built once). */
export interface BasinsGrid {
  resolution: number;
  range: [[number, number], [number, number]];
  model: Model;
}

/** Checks the scenario and the options and builds the model; throws a message naming what is wrong. */
export async function basinsGrid(scenario: Scenario, options: Pick<BasinsOptions, 'resolution' | 'range'>): Promise<BasinsGrid> {
  if (scenario.model.kind !== 'surface') throw new Error('basins: the model must be a surface of two parameters (x, y)');
  const resolution = options.resolution;
  if (!Number.isInteger(resolution) || resolution < 2 || resolution > 1000) throw new Error('basins: resolution must be an integer from 2 to 1000');
  const range = options.range ? ([[...options.range[0]], [...options.range[1]]] as [[number, number], [number, number]]) : basinsRange(scenario);
  return { resolution, range, model: await buildModel(scenario, null) };
}

/** What labelling needs besides the ends (a pool's workers send it to the page, which labels). */
export interface BasinsContext {
  scenario: Scenario;
  resolution: number;
  range: [[number, number], [number, number]];
}

/** Where some rows of starts ended: x and y, status, and the last step's move; `steps` the rows' descent ran. */
export interface BasinsEnds {
  x: Float64Array<ArrayBuffer>;
  y: Float64Array<ArrayBuffer>;
  status: Uint8Array<ArrayBuffer>;
  /** The length of each start's last step (zero for a start that stopped before the last epoch). */
  lastMove: Float64Array<ArrayBuffer>;
  steps: number;
}

/**
 * Runs the starts of rows from ≤ iy < to to the end. A start's run reads only its own values (a surface has
 * no batches and no random draw), so rows run apart end exactly where they end run together: a pool of
 * workers (src/trainer/basins.ts) shares the rows out. Null when cancelled.
 */
export function runBasinsRows(
  scenario: Scenario,
  grid: BasinsGrid,
  from: number,
  to: number,
  hooks: Pick<BasinsOptions, 'onProgress' | 'cancelled'> = {},
): BasinsEnds | null {
  const { resolution, range } = grid;
  const n = (to - from) * resolution;
  const start = new Float64Array(2 * n);
  for (let iy = from; iy < to; iy++) {
    for (let ix = 0; ix < resolution; ix++) {
      start[(iy - from) * resolution + ix] = cellCentre(range[0][0], range[0][1], resolution, ix);
      start[n + (iy - from) * resolution + ix] = cellCentre(range[1][0], range[1][1], resolution, iy);
    }
  }
  const descent = new Descent(grid.model, scenario, start);
  const previous = new Float64Array(2 * n);
  const total = scenario.epochs;
  const every = Math.max(1, Math.floor(total / 50));
  while (descent.epoch < total && descent.running > 0) {
    if (hooks.cancelled?.()) return null;
    if (descent.epoch === total - 1) previous.set(descent.params);
    descent.advance();
    if (descent.step % every === 0) hooks.onProgress?.(descent.step, total);
  }
  hooks.onProgress?.(total, total);
  const { params, status } = descent;
  const lastMove = new Float64Array(n);
  // A start that stopped early (converged) kept its place: its last move is measured as zero.
  if (descent.epoch === total)
    for (let i = 0; i < n; i++) if (status[i] === Status.running) lastMove[i] = Math.hypot(params[i] - previous[i], params[n + i] - previous[n + i]);
  return { x: params.slice(0, n), y: params.slice(n, 2 * n), status: status.slice(), lastMove, steps: descent.step };
}

/** The ends of consecutive rows as one: the whole map ran as long as its longest-running rows. */
export function joinBasinsEnds(parts: readonly BasinsEnds[]): BasinsEnds {
  const join = <T extends Float64Array<ArrayBuffer> | Uint8Array<ArrayBuffer>>(pick: (e: BasinsEnds) => T, make: (length: number) => T): T => {
    const out = make(parts.reduce((sum, e) => sum + pick(e).length, 0));
    let at = 0;
    for (const part of parts) {
      out.set(pick(part), at);
      at += pick(part).length;
    }
    return out;
  };
  return {
    x: join(
      (e) => e.x,
      (l) => new Float64Array(l),
    ),
    y: join(
      (e) => e.y,
      (l) => new Float64Array(l),
    ),
    status: join(
      (e) => e.status,
      (l) => new Uint8Array(l),
    ),
    lastMove: join(
      (e) => e.lastMove,
      (l) => new Float64Array(l),
    ),
    steps: parts.reduce((most, e) => Math.max(most, e.steps), 0),
  };
}

/**
 * Labels every start by where it ended. An end point is taken as a minimum's when it lies within 1 % of the
 * range's larger side from it (a start still crawling towards it stays unsettled); for a typed formula, end
 * points that moved less than 1e-9 of that side in their last step are clustered within the same 1 %, in
 * start order.
 */
export function labelBasins({ scenario, resolution, range }: BasinsContext, ends: BasinsEnds): BasinsResult {
  const n = resolution * resolution;
  const side = Math.max(range[0][1] - range[0][0], range[1][1] - range[1][0]);
  const radius = 0.01 * side;
  const known = knownMinima(scenario, range);
  const labels = new Int32Array(n);
  const minima: [number, number][] = known ? known.minima : [];
  for (let i = 0; i < n; i++) {
    if (ends.status[i] === Status.diverged) {
      labels[i] = divergedLabel;
      continue;
    }
    const x = ends.x[i];
    const y = ends.y[i];
    let label = nearest(minima, x, y, radius);
    if (!known && label === unsettledLabel && ends.lastMove[i] < 1e-9 * side) {
      minima.push([x, y]);
      label = minima.length - 1;
    }
    labels[i] = label;
  }
  const counts = new Array<number>(minima.length).fill(0);
  let diverged = 0;
  let unsettled = 0;
  for (const label of labels) {
    if (label >= 0) counts[label]++;
    else if (label === divergedLabel) diverged++;
    else unsettled++;
  }
  return { resolution, range, minima, minimaSource: known ? known.source : 'clustered', labels, counts, diverged, unsettled, steps: ends.steps };
}

/** Runs every start of the grid in one descent and labels it (labelBasins). Resolves to null when cancelled. */
export async function computeBasins(scenario: Scenario, options: BasinsOptions): Promise<BasinsResult | null> {
  const grid = await basinsGrid(scenario, options);
  const ends = runBasinsRows(scenario, grid, 0, grid.resolution, options);
  return ends && labelBasins({ scenario, resolution: grid.resolution, range: grid.range }, ends);
}

/** Index of the minimum nearest (x, y) if it lies within `radius`, else the unsettled label. */
function nearest(minima: readonly (readonly [number, number])[], x: number, y: number, radius: number): number {
  let best = unsettledLabel;
  let bestDistance = radius;
  for (let k = 0; k < minima.length; k++) {
    const d = Math.hypot(x - minima[k][0], y - minima[k][1]);
    if (d <= bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}
