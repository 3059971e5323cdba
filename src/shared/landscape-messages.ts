/**
 * The landscape's contract in the page (issue 16, CONTRACTS §6): the `landscape` command the page sends the
 * trainer, its progress and its result. The slice itself is src/engine/experiments/landscape.ts; the trainer
 * runs it as long work in slices (src/trainer/landscape.ts). The result carries typed arrays only.
 */
import { z } from 'zod';

/** Grid points per side in the page: 3 to 201 (the command line goes to 401). */
export const landscapeGrid = { min: 3, max: 201, default: 51 } as const;
export const landscapeDirections = ['filter', 'pca', 'axes'] as const;

/**
 * Computes the loss of one particle on a grid × grid slice around its parameters now. `particle`: its index
 * (the best particle when absent); `axes`: the two parameter indices of `axes` directions.
 */
export const landscapeCommandSchema = z.strictObject({
  type: z.literal('landscape'),
  directions: z.enum(landscapeDirections).default('filter'),
  grid: z.int().gte(landscapeGrid.min).lte(landscapeGrid.max).default(landscapeGrid.default),
  span: z.number().positive().lt(1e6).default(1),
  particle: z.int().gte(0).optional(),
  seed: z.int().default(0),
  axes: z.tuple([z.int().gte(0), z.int().gte(0)]).optional(),
});
export type LandscapeCommand = z.input<typeof landscapeCommandSchema>;

const vector = z.instanceof(Float64Array);

/** Rows of the grid done so far, about every 250 ms while a slice is computed. */
export const landscapeProgressSchema = z.strictObject({ type: z.literal('landscape-progress'), done: z.int().gte(0), total: z.int().gte(1) });

/**
 * A finished slice: θ(a, b) = center + a·d1 + b·d2; `loss[ib·grid + ia]` (a fastest), non-finite as NaN;
 * `path` the particle's recorded trajectory as (a, b) pairs, oldest first (the last is `center`, at (0, 0) for
 * filter and axes), `steps` the run's step of each point and `pathLoss` its loss on the full data.
 */
export const landscapeEventSchema = z
  .strictObject({
    type: z.literal('landscape'),
    directions: z.enum(landscapeDirections),
    particle: z.int().gte(0),
    grid: z.int().gte(landscapeGrid.min),
    span: z.number().positive(),
    center: vector,
    d1: vector,
    d2: vector,
    a: vector,
    b: vector,
    loss: vector,
    path: vector,
    pathLoss: vector,
    steps: z.instanceof(Int32Array),
    /** pca: the share of the trajectory's variance along d1 and along d2. */
    explained: z.tuple([z.number(), z.number()]).nullable(),
    /**
     * An optimizer race: each group's best particle's path on the same plane (for pca, the plane of all
     * their paths together), with its losses: the optimizers' routes compared on one landscape.
     */
    groups: z.strictObject({ names: z.array(z.string()), particles: z.array(z.int().gte(0)), paths: z.array(vector), pathLosses: z.array(vector) }).optional(),
    /**
     * The sharpness of the minimum: λ_max, the largest eigenvalue of the full-data loss's Hessian, of the
     * particle and the median over the cloud's networks that have not diverged; null where it was too much
     * work to measure or not finite. Left out when the network alone is too large to measure.
     */
    sharpness: z.strictObject({ particle: z.number().nullable(), median: z.number().nullable() }).optional(),
  })
  .refine((e) => e.loss.length === e.grid * e.grid && e.path.length === 2 * e.pathLoss.length && e.steps.length === e.pathLoss.length, {
    message: 'loss must be grid × grid values, and path, pathLoss and steps must describe the same points',
  });
export type LandscapeEvent = z.infer<typeof landscapeEventSchema>;

/** The options the page's controls give, as typed (numbers may be anything a field holds). */
export interface LandscapeOptionsInput {
  directions: string;
  grid: number;
  span: number;
  seed: number;
  axes?: readonly [number, number];
}

/**
 * What is wrong with the page's landscape options, one line a field, in the engine's words (the command
 * line's: src/engine/experiments/landscape.ts), with the page's own grid limit; empty when nothing is.
 */
export function landscapeOptionProblems(options: LandscapeOptionsInput): string[] {
  const { directions, grid, span, seed, axes } = options;
  const problems: string[] = [];
  if (!(landscapeDirections as readonly string[]).includes(directions)) problems.push(`directions: must be filter, pca or axes, not ${directions}`);
  if (!Number.isInteger(grid) || grid < landscapeGrid.min || grid > landscapeGrid.max)
    problems.push(`grid: must be a whole number from ${landscapeGrid.min} to ${landscapeGrid.max}, not ${grid}`);
  if (!(Number.isFinite(span) && span > 0)) problems.push(`span: must be a finite number > 0, not ${span}`);
  if (!Number.isSafeInteger(seed)) problems.push(`seed: must be a whole number, not ${seed}`);
  if (directions === 'axes' && axes && (axes.some((q) => !Number.isInteger(q) || q < 0) || axes[0] === axes[1]))
    problems.push(`axes: must name two different parameters, not ${axes.join(',')}`);
  return problems;
}
