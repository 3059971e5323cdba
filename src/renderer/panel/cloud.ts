/**
 * The starting cloud (`init`) as the panel shows it: a distribution, a centre, a spread and a count, read
 * from any of its forms and written back as a whole `init` object. Pure: tested in node.
 *
 * Centre is the mean of the points, the gaussian's mean, or the middle of [min, max]; spread is the
 * points' standard deviation, the gaussian's std, or the half-width of [min, max]. A network's weight
 * scheme (xavier-…, kaiming-…, torch-default) has neither: its widths come from the layers.
 */
import type { InitSpec, WeightScheme } from '../../shared/scenario';
import { limits } from '../../shared/limits';
import { isWeightScheme } from '../../shared/validate';

export type InitKind = 'points' | 'gaussian' | 'uniform' | 'grid' | WeightScheme;
const schemeKinds: readonly string[] = ['xavier-uniform', 'xavier-normal', 'kaiming-uniform', 'kaiming-normal', 'torch-default'] satisfies WeightScheme[];

/** What a single starting point becomes when it is switched to a distribution: a visible cloud. */
export const defaultCloud = { spread: 1, count: 100 } as const;

export function initKind(init: InitSpec): InitKind {
  return 'points' in init ? 'points' : init.dist;
}

/** Parameters per particle: the width of the init's own vectors (validation ties it to the model). */
export function dimsOf(init: InitSpec): number {
  if ('points' in init) return init.points[0]?.length ?? 0;
  if (isWeightScheme(init)) return 0; // the model's layers say
  return init.dist === 'gaussian' ? init.mean.length : init.min.length;
}

export function countOf(init: InitSpec): number {
  return 'points' in init ? init.points.length : init.count;
}

export function centreOf(init: InitSpec): number[] {
  if ('points' in init) return columnMeans(init.points);
  if (isWeightScheme(init)) return [];
  if (init.dist === 'gaussian') return [...init.mean];
  return init.min.map((low, j) => (low + init.max[j]) / 2);
}

/** One spread per parameter. */
export function spreadOf(init: InitSpec): number[] {
  if ('points' in init) {
    const means = columnMeans(init.points);
    return means.map((mean, j) => Math.sqrt(init.points.reduce((sum, point) => sum + (point[j] - mean) ** 2, 0) / init.points.length));
  }
  if (isWeightScheme(init)) return [];
  if (init.dist === 'gaussian') return typeof init.std === 'number' ? init.mean.map(() => init.std as number) : [...init.std];
  return init.min.map((low, j) => (init.max[j] - low) / 2);
}

/** The nearest count a grid over `dims` parameters can have (a perfect power, k^dims), within the limits. */
export function gridCount(count: number, dims: number): number {
  if (dims <= 0) return Math.max(1, Math.round(count));
  let side = Math.max(1, Math.round(Math.pow(count, 1 / dims)));
  while (side > 1 && Math.pow(side, dims) * dims > limits.maxParticleValues) side--;
  return Math.pow(side, dims);
}

/**
 * The init of another kind, built from the current one's centre, spread and count (points → a single
 * point at the centre). A single point switched to a distribution gets the default cloud's spread and count.
 * A weight scheme keeps only the count; leaving one starts at 0 with the default spread, over `dims` parameters.
 */
export function switchInit(init: InitSpec, kind: InitKind, dims = dimsOf(init)): InitSpec {
  if (kind === initKind(init)) return init;
  let count = countOf(init);
  if (count === 1) count = defaultCloud.count;
  if (schemeKinds.includes(kind)) return schemeInit(kind as WeightScheme, count);
  const fromScheme = isWeightScheme(init);
  const centre = fromScheme ? new Array<number>(dims).fill(0) : centreOf(init);
  if (kind === 'points') return { points: [centre] };
  let spread = fromScheme ? centre.map(() => defaultCloud.spread) : spreadOf(init);
  if (spread.every((s) => s === 0)) spread = spread.map(() => defaultCloud.spread);
  if (kind === 'grid') count = gridCount(count, dims);
  if (kind === 'gaussian') return { dist: 'gaussian', mean: centre, std: collapse(spread), count };
  return { dist: kind as 'uniform' | 'grid', min: centre.map((c, j) => c - spread[j]), max: centre.map((c, j) => c + spread[j]), count };
}

/** A weight scheme of `count` networks at its defaults (the nonlinearities' gains; Kaiming by fan-in). */
function schemeInit(dist: WeightScheme, count: number): InitSpec {
  return dist === 'kaiming-uniform' || dist === 'kaiming-normal' ? { dist, mode: 'fan-in', count } : { dist, count };
}

/** Whether a scheme takes a gain: Xavier's and Kaiming's (torch-default's bounds are nn.Linear's own). */
export function takesGain(init: InitSpec): boolean {
  return isWeightScheme(init) && init.dist !== 'torch-default';
}

/** The gain a scheme was given, or null where each layer takes its nonlinearity's (or it takes none). */
export function gainOf(init: InitSpec): number | null {
  return 'gain' in init && init.gain !== undefined ? init.gain : null;
}

/** The same scheme with this gain for every layer; null: each layer's own again. */
export function withGain(init: InitSpec, gain: number | null): InitSpec {
  if (!takesGain(init)) return init;
  const { gain: _old, ...rest } = init as InitSpec & { gain?: number };
  return (gain === null ? rest : { ...rest, gain }) as InitSpec;
}

/** The same cloud moved so that its centre is `centre` (every point, or the whole box, shifted). */
export function moveCentre(init: InitSpec, centre: readonly number[]): InitSpec {
  const old = centreOf(init);
  const delta = centre.map((c, j) => c - old[j]);
  if ('points' in init) return { points: init.points.map((point) => point.map((v, j) => v + delta[j])) };
  if (isWeightScheme(init)) return init;
  if (init.dist === 'gaussian') return { ...init, mean: [...centre] };
  return { ...init, min: init.min.map((v, j) => v + delta[j]), max: init.max.map((v, j) => v + delta[j]) };
}

/**
 * The same cloud with another spread: one number for every parameter, or one per parameter. Components
 * whose spread is unchanged keep their exact bounds. Points have no spread to set: they are returned as they are.
 */
export function withSpread(init: InitSpec, spread: readonly number[]): InitSpec {
  if ('points' in init || isWeightScheme(init)) return init;
  if (init.dist === 'gaussian') return { ...init, std: spread.length === 1 ? spread[0] : [...spread] };
  const old = spreadOf(init);
  const centre = centreOf(init);
  const at = (j: number) => (spread.length === 1 ? spread[0] : spread[j]);
  return {
    ...init,
    min: init.min.map((v, j) => (at(j) === old[j] ? v : centre[j] - at(j))),
    max: init.max.map((v, j) => (at(j) === old[j] ? v : centre[j] + at(j))),
  };
}

/** The same cloud with another particle count (a grid's rounded to the nearest perfect power); points keep theirs. */
export function withCount(init: InitSpec, count: number): InitSpec {
  if ('points' in init) return init;
  return { ...init, count: init.dist === 'grid' ? gridCount(count, dimsOf(init)) : count };
}

function columnMeans(rows: readonly (readonly number[])[]): number[] {
  const width = rows[0]?.length ?? 0;
  return Array.from({ length: width }, (_, j) => rows.reduce((sum, row) => sum + row[j], 0) / rows.length);
}

/** A gaussian's std as one number when it is the same for every parameter. */
function collapse(spread: readonly number[]): number | number[] {
  return spread.every((s) => s === spread[0]) ? spread[0] : [...spread];
}
