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
    return [[a0, a1], [b0, b1]];
  }
  const init = scenario.init;
  if ('dist' in init && init.dist !== 'gaussian') return [[init.min[0], init.max[0]], [init.min[1], init.max[1]]];
  return [[-5, 5], [-5, 5]];
}

/**
 * Runs every start of the grid and labels it. An end point is taken as a minimum's when it lies within
 * 1 % of the range's larger side from it (a start still crawling towards it stays unsettled); for a typed
 * formula, end points that moved less than 1e-9 of that side in their last step are clustered within the
 * same 1 %. Resolves to null when cancelled.
 */
export async function computeBasins(scenario: Scenario, options: BasinsOptions): Promise<BasinsResult | null> {
  if (scenario.model.kind !== 'surface') throw new Error('basins: the model must be a surface of two parameters (x, y)');
  const resolution = options.resolution;
  if (!Number.isInteger(resolution) || resolution < 2 || resolution > 1000) throw new Error('basins: resolution must be an integer from 2 to 1000');
  const range = options.range ? ([[...options.range[0]], [...options.range[1]]] as [[number, number], [number, number]]) : basinsRange(scenario);
  const model = await buildModel(scenario, null);
  const n = resolution * resolution;
  const start = new Float64Array(2 * n);
  for (let iy = 0; iy < resolution; iy++) {
    for (let ix = 0; ix < resolution; ix++) {
      start[iy * resolution + ix] = cellCentre(range[0][0], range[0][1], resolution, ix);
      start[n + iy * resolution + ix] = cellCentre(range[1][0], range[1][1], resolution, iy);
    }
  }
  const descent = new Descent(model, scenario, start);
  const previous = new Float64Array(2 * n);
  const total = scenario.epochs;
  const every = Math.max(1, Math.floor(total / 50));
  while (descent.epoch < total && descent.running > 0) {
    if (options.cancelled?.()) return null;
    if (descent.epoch === total - 1) previous.set(descent.params);
    descent.advance();
    if (descent.step % every === 0) options.onProgress?.(descent.step, total);
  }
  options.onProgress?.(total, total);

  const side = Math.max(range[0][1] - range[0][0], range[1][1] - range[1][0]);
  const radius = 0.01 * side;
  const known = knownMinima(scenario, range);
  const labels = new Int32Array(n);
  const minima: [number, number][] = known ? known.minima : [];
  const { params, status } = descent;
  // A start that stopped early (converged) kept its place: its last move is measured as zero.
  const lastMove = (i: number) => (descent.epoch === total && status[i] === Status.running ? Math.hypot(params[i] - previous[i], params[n + i] - previous[n + i]) : 0);
  for (let i = 0; i < n; i++) {
    if (status[i] === Status.diverged) {
      labels[i] = divergedLabel;
      continue;
    }
    const x = params[i];
    const y = params[n + i];
    let label = nearest(minima, x, y, radius);
    if (!known && label === unsettledLabel && lastMove(i) < 1e-9 * side) {
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
  return { resolution, range, minima, minimaSource: known ? known.source : 'clustered', labels, counts, diverged, unsettled, steps: descent.step };
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
