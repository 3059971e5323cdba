/**
 * `lab landscape` (CONTRACTS §6): trains the scenario as `run` does (same seed, same result) while recording
 * particle I's path (its parameters before each step, then the final ones), then prints the full-data loss
 * on a K×K grid of a plane around its end point, with the path placed in the plane. Exit status (§10): 1 an
 * invalid scenario, 2 a mistake in the command, every option's value included, named as it was typed.
 */
import { createRun, RaceDescent, RaceError } from '../engine/experiments/race';
import { ExpressionError } from '../engine/expression';
import {
  checkLandscapeOptions,
  landscapeDirections,
  landscapeGrid,
  LandscapeError,
  startLandscape,
  type Landscape,
  type LandscapeDirections,
  type LandscapeOptions,
} from '../engine/experiments/landscape';
import type { Descent } from '../engine/descent';
import type { Io } from './io';
import { CommandMistake, didYouMean } from './mistake';
import { toJson } from './output';
import type { Options } from './parse';
import { threadCount } from '../engine/parallel/split';
import { loadScenario } from './scenarios';
import { landscapeRowsOnThreads, runOnThreads, ThreadFailure } from './threads/pool';
import type { Setting } from './set-option';

/** Grid rows evaluated between two looks at the clock. */
const rowsPerSlice = 4;

export async function landscapeCommand(args: string[], options: Options, io: Io): Promise<number> {
  const [source] = args;
  const request = readOptions(options);
  const loaded = loadScenario(source, io, options.all<Setting>('set'));
  if (!loaded.ok) return report(loaded.problems, io);
  const scenario = loaded.scenario;
  const landscapeOptions: LandscapeOptions = { ...request, seed: request.seed ?? scenario.seed };

  let descent: Descent;
  try {
    descent = await createRun(scenario);
  } catch (error) {
    if (error instanceof ExpressionError) return report([`model.expr: ${error.message}`], io);
    if (error instanceof RaceError) return report([error.message], io);
    throw error;
  }
  const particle = options.value<number>('particle') ?? 0;
  if (particle >= descent.n) {
    const count = descent.n === 1 ? '1 particle' : `${descent.n} particles`;
    throw new CommandMistake(`--particle ${particle} is out of range: ${source} has ${count} (0 to ${descent.n - 1})`);
  }
  // The options are checked against the model before the training, which may be long.
  asMistake(() => checkLandscapeOptions(landscapeOptions, descent.paramCount), particle);

  // The training as `run` does it, on as many threads (--threads, CONTRACTS §7): the same path for every count.
  // In a race each group steps its own particles on one thread: the particle's group records its path.
  const threads = scenario.groups || !io.threads.entry ? 1 : threadCount(descent.n, options.value<number>('threads'), io.threads.cores);
  let traced = descent instanceof RaceDescent ? descent.locate(particle) : { descent, index: particle };
  if (threads > 1) {
    try {
      ({ descent } = await runOnThreads(scenario, { threads, entry: io.threads.entry!, epochs: scenario.epochs, trace: particle }));
      traced = { descent, index: particle };
    } catch (error) {
      if (!(error instanceof ThreadFailure)) throw error;
      io.stderr(`lab: the run failed: ${error.message}\n`);
      return 70;
    }
  } else {
    traced.descent.traceParticle(traced.index);
    descent.run(scenario.epochs);
  }
  const trajectory = pathOf(traced.descent, traced.index);
  const job = asMistake(() => startLandscape(descent.model, trajectory, landscapeOptions), particle);
  const start = io.now();
  let last = start;
  const progress = (done: number, rows: number) => {
    const now = io.now();
    if (now - start >= 1000 && now - last >= 5000) {
      last = now;
      io.stderr(`lab: landscape ${done}/${rows} rows, ${((now - start) / 1000).toFixed(0)} s\n`);
    }
  };
  // The grid's rows on as many threads as asked (every core by default), whatever the cloud's size: one
  // network's slice is the work. The same grid for every count; the path's losses are then the job's own.
  const gridThreads = io.threads.entry ? Math.min(options.value<number>('threads') ?? io.threads.cores, job.rows) : 1;
  if (gridThreads > 1) {
    try {
      job.adoptGrid(
        await landscapeRowsOnThreads(scenario, job.plane(), { threads: gridThreads, entry: io.threads.entry!, rowsPerTask: rowsPerSlice, progress }),
      );
    } catch (error) {
      if (!(error instanceof ThreadFailure)) throw error;
      io.stderr(`lab: the landscape failed: ${error.message}\n`);
      return 70;
    }
  }
  while (!job.advance(rowsPerSlice)) progress(job.rowsDone, job.rows);
  io.stdout(toJson(landscapeJson(job.result())));
  return 0;
}

/** The options' words read into values; a malformed one is a mistake in the command. */
function readOptions(options: Options): Omit<LandscapeOptions, 'seed'> & { seed: number | null } {
  const directionsText = options.value<string>('directions') ?? 'filter';
  if (!(landscapeDirections as readonly string[]).includes(directionsText))
    throw new CommandMistake(`--directions must be filter, pca or axes, not "${directionsText}"${didYouMean(directionsText, landscapeDirections)}`);
  const directions = directionsText as LandscapeDirections;
  const gridText = options.value<string>('grid');
  const grid = gridText === undefined ? landscapeGrid.default : wholeNumber(gridText);
  if (grid === null || grid < landscapeGrid.min || grid > landscapeGrid.max)
    throw new CommandMistake(`--grid must be a whole number from ${landscapeGrid.min} to ${landscapeGrid.max}, not "${gridText}"`);
  const spanText = options.value<string>('span');
  const span = spanText === undefined ? 1 : Number(spanText);
  if (!(spanText === undefined || (spanText.trim() !== '' && Number.isFinite(span) && span > 0)))
    throw new CommandMistake(`--span must be a number > 0, not "${spanText}"`);
  const seedText = options.value<string>('seed');
  const seed = seedText === undefined ? null : wholeNumber(seedText);
  if (seedText !== undefined && seed === null) throw new CommandMistake(`--seed must be a whole number, not "${seedText}"`);
  const axesText = options.value<string>('axes');
  if (directions === 'axes' && axesText === undefined) throw new CommandMistake('--directions axes needs the two parameters: --axes i,j (e.g. --axes 0,1)');
  if (directions !== 'axes' && axesText !== undefined) throw new CommandMistake(`--axes goes with --directions axes, not ${directions}`);
  if (axesText === undefined) return { directions, grid, span, seed };
  const parts = axesText.split(',').map(wholeNumber);
  if (parts.length !== 2 || parts.some((p) => p === null || p < 0))
    throw new CommandMistake(`--axes must be two parameter indices from 0, written i,j (e.g. --axes 0,1), not "${axesText}"`);
  return { directions, grid, span, seed, axes: [parts[0]!, parts[1]!] };
}

/** The engine's refusal (`grid: …`) said the way the option was typed (`--grid …`). */
function asMistake<T>(work: () => T, particle: number): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof LandscapeError)) throw error;
    const problem = error.message.slice(error.option.length + 2);
    if (error.option === 'trajectory') {
      if (/center/.test(problem)) throw new CommandMistake(`--particle ${particle} diverged: there is no center to draw around; choose another --particle`);
      throw new CommandMistake(`--particle ${particle}: ${problem}`);
    }
    const hint = / at least 3 points/.test(problem) ? ' (train for more epochs: --set epochs=N, or --directions filter)' : '';
    throw new CommandMistake(`--${error.option}: ${problem}${hint}`);
  }
}

/** Particle i's path: its parameters before each applied step (the trace), then its final parameters. */
function pathOf(descent: Descent, i: number): Float64Array {
  const P = descent.paramCount;
  const steps = descent.trace;
  const path = new Float64Array((steps.length + 1) * P);
  steps.forEach((entry, k) => path.set(entry.params, k * P));
  path.set(descent.particle(i), steps.length * P);
  return path;
}

/** CONTRACTS §6's JSON: the loss as K rows along b of K values along a, the path as [a, b] pairs. */
function landscapeJson(land: Landscape) {
  const K = land.a.length;
  const list = (values: Float64Array) => Array.from(values);
  return {
    directions: land.directions,
    center: list(land.center),
    d1: list(land.d1),
    d2: list(land.d2),
    a: list(land.a),
    b: list(land.b),
    loss: Array.from({ length: K }, (_, ib) => list(land.loss.subarray(ib * K, (ib + 1) * K))),
    path: Array.from({ length: land.path.length / 2 }, (_, k) => [land.path[2 * k], land.path[2 * k + 1]]),
    pathLoss: list(land.pathLoss),
    ...(land.explained && { explained: land.explained }),
  };
}

/** A whole number written in decimal digits (a sign allowed), else null. */
function wholeNumber(text: string): number | null {
  if (!/^[+-]?\d+$/.test(text.trim())) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

function report(problems: string[], io: Io): number {
  io.stderr(problems.map((p) => p + '\n').join(''));
  return 1;
}
