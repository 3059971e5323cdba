/**
 * The trainer's side of the landscape (issue 16, CONTRACTS §6 in the page): checks a `landscape` command
 * against the run, takes the particle's path out of the recorded trajectory (./trajectory.ts) and starts the
 * engine's job on it (../engine/experiments/landscape.ts), then turns the job's result into the event.
 * The trainer runs the job's rows as long work in slices (./slices.ts).
 */
import { Status, type Descent } from '../engine/descent';
import { projectPath, startLandscape, type Landscape, type LandscapeJob } from '../engine/experiments/landscape';
import { RaceDescent } from '../engine/experiments/race';
import { finiteMedian, sharpness } from '../engine/experiments/sharpness';
import { fullBatch, type Model } from '../engine/model';
import type { LandscapeEvent } from '../shared/landscape-messages';
import type { ParsedCommand } from '../shared/messages';
import type { TrajectoryRecorder } from './trajectory';

export type LandscapeCommandParsed = Extract<ParsedCommand, { type: 'landscape' }>;

/** A job started for one particle, with the run's step of each point of its path. */
export interface StartedLandscape {
  job: LandscapeJob;
  particle: number;
  steps: Int32Array<ArrayBuffer>;
  /** A race: each group's best particle and its trajectory (points × paramCount), on the same plane. */
  groups?: { names: string[]; particles: number[]; trajectories: Float64Array[] };
}

/** Each group's particle with the lowest finite loss (-1 for a group with none). */
function groupBests(groupOf: Uint8Array, count: number, losses: Float64Array): number[] {
  const best = new Array<number>(count).fill(-1);
  for (let i = 0; i < groupOf.length; i++) {
    const g = groupOf[i];
    if (Number.isFinite(losses[i]) && (best[g] < 0 || losses[i] < losses[best[g]])) best[g] = i;
  }
  return best;
}

/**
 * Starts the slice around particle `particle` (the command's, else the caller's best), or says what is wrong
 * with the command, one line a field: the options in the engine's own words, the same as the command line's.
 */
export function startTrainerLandscape(
  descent: Descent,
  recorder: TrajectoryRecorder | null,
  command: LandscapeCommandParsed,
  best: number,
  losses: Float64Array,
): StartedLandscape | { problems: string[] } {
  const { paramCount, n } = descent;
  if (paramCount <= 2)
    return { problems: [`model: the landscape is for models of more than two parameters; this one has ${paramCount}, and the scene draws its whole surface`] };
  const particle = command.particle ?? best;
  if (command.particle !== undefined && command.particle >= n)
    return { problems: [`particle: particle ${command.particle} does not exist (the cloud has ${n})`] };
  if (particle < 0) return { problems: ['particle: no particle has a finite loss to draw a landscape around'] };
  const { trajectory, steps } = recorder
    ? recorder.path(particle, descent.step, descent.particle(particle))
    : { trajectory: Float64Array.from(descent.particle(particle)), steps: Int32Array.of(descent.step) };
  // A race: every group's best particle's path too, and for pca one plane of all of them (the optimizers compared).
  let groups: StartedLandscape['groups'];
  if (descent instanceof RaceDescent && recorder) {
    const particles = groupBests(descent.groupOf, descent.names.length, losses);
    const kept = particles.map((i, g) => ({ i, g })).filter(({ i }) => i >= 0);
    groups = {
      names: kept.map(({ g }) => descent.names[g]),
      particles: kept.map(({ i }) => i),
      trajectories: kept.map(({ i }) => recorder.path(i, descent.step, descent.particle(i)).trajectory),
    };
  }
  const options = {
    directions: command.directions,
    grid: command.grid,
    span: command.span,
    seed: command.seed,
    ...(command.axes && { axes: command.axes }),
    // The particle's own path is the first; a group's best that is the same particle is not counted twice.
    ...(groups && { pcaWith: groups.trajectories.filter((_, k) => groups.particles[k] !== particle) }),
  };
  try {
    return { job: startLandscape(descent.model, trajectory, options), particle, steps, ...(groups && { groups }) };
  } catch (error) {
    return { problems: [(error as Error).message] };
  }
}

/** The full-data loss at each point of a trajectory (points × paramCount). */
function lossesAlong(model: Model, trajectory: Float64Array): Float64Array<ArrayBuffer> {
  const P = model.paramCount;
  const points = trajectory.length / P;
  const params = new Float64Array(points * P); // parameter-major, as the model takes a cloud
  for (let k = 0; k < points; k++) for (let q = 0; q < P; q++) params[q * points + k] = trajectory[k * P + q];
  const out = new Float64Array(points);
  model.evaluate(params, points, fullBatch(model.rows), out, null, null);
  return out;
}

/**
 * Bounds of the sharpness readout's work, in parameters × rows of one gradient pass over the networks
 * measured (each of the 30 power-iteration rounds takes two): the lesson's cloud of 32 is about 67,000, and a
 * cloud past the bound gets its particle's value alone, a network past it none (the slice is still drawn).
 */
const sharpnessBudget = 5_000_000;
const sharpnessRounds = 30;

/**
 * The sharpness (λ_max of the full-data loss's Hessian, ../engine/experiments/sharpness.ts) of the slice's
 * particle and the median over the cloud's networks that have not diverged, measured where they stand now;
 * null where the work would pass the bound above or the value is not finite.
 */
export function sharpnessReadout(descent: Descent, particle: number, budget = sharpnessBudget): NonNullable<LandscapeEvent['sharpness']> | null {
  const { model, n, paramCount } = descent;
  const perNetwork = paramCount * Math.max(1, model.rows);
  if (perNetwork > budget) return null;
  const finite = (value: number) => (Number.isFinite(value) ? value : null);
  const options = { iterations: sharpnessRounds };
  if (n * perNetwork > budget) {
    return { particle: finite(sharpness(model, Float64Array.from(descent.particle(particle)), 1, options)[0]), median: null };
  }
  const lambda = sharpness(model, descent.params, n, options);
  const own = lambda[particle];
  for (let i = 0; i < n; i++) if (descent.status[i] === Status.diverged) lambda[i] = NaN;
  return { particle: finite(own), median: finite(finiteMedian(lambda)) };
}

/** The event of a finished slice: copies with buffers of their own, ready to be transferred. */
export function landscapeEvent(
  result: Landscape,
  started: StartedLandscape,
  command: LandscapeCommandParsed,
  model: Model,
  sharpness: LandscapeEvent['sharpness'] | null = null,
): LandscapeEvent {
  const own = (values: Float64Array): Float64Array<ArrayBuffer> => Float64Array.from(values);
  const groups = started.groups && {
    names: started.groups.names,
    particles: started.groups.particles,
    paths: started.groups.trajectories.map((t) => projectPath(t, result.center, result.d1, result.d2) as Float64Array<ArrayBuffer>),
    pathLosses: started.groups.trajectories.map((t) => lossesAlong(model, t)),
  };
  return {
    type: 'landscape',
    directions: command.directions,
    particle: started.particle,
    grid: command.grid,
    span: command.span,
    center: own(result.center),
    d1: own(result.d1),
    d2: own(result.d2),
    a: own(result.a),
    b: own(result.b),
    loss: own(result.loss),
    path: own(result.path),
    pathLoss: own(result.pathLoss),
    steps: started.steps,
    explained: result.explained ? [result.explained[0], result.explained[1]] : null,
    ...(groups && { groups }),
    ...(sharpness && { sharpness }),
  };
}

/** The buffers of an event to transfer rather than copy. */
export function landscapeBuffers(event: LandscapeEvent): ArrayBuffer[] {
  const { center, d1, d2, a, b, loss, path, pathLoss, steps, groups } = event;
  return [center, d1, d2, a, b, loss, path, pathLoss, steps, ...(groups ? [...groups.paths, ...groups.pathLosses] : [])].map((v) => v.buffer as ArrayBuffer);
}
