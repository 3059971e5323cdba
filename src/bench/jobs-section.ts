/**
 * The page's experiments on a pool of workers (issue 17): a stability map and a basins map, each on 1, 2 and
 * every core's worth of workers through the page's own pool (src/engine/parallel/cell-pool.ts) and the
 * workers' own code (src/trainer/cells.ts, sweep.ts, basins.ts), here on Node's worker_threads in place of
 * Web Workers. Beside them the same job in this thread with no pool at all (the engine's runSweep and
 * computeBasins): what the pool costs on one worker. Wall-clock time from the command to the result, workers'
 * start included, as the page sees it; every count must give the same result as the job run alone.
 */
import { isDeepStrictEqual } from 'node:util';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { computeBasins, joinBasinsEnds, labelBasins, type BasinsContext, type BasinsEnds } from '../engine/experiments/basins';
import { planSweep, runSweep, sweepResult, type SweepCell, type SweepPlan } from '../engine/experiments/sweep';
import { runCellPool, type PoolWorkerEvents } from '../engine/parallel/cell-pool';
import type { ScenarioInput } from '../shared/scenario';
import { validateScenario } from '../shared/validate';
import { prepareBasins } from '../trainer/basins';
import { serveCells, type Prepared } from '../trainer/cells';
import { prepareSweep } from '../trainer/sweep';
import { inChild, registerTask } from './child';
import type { ModuleSection } from './section';
import { formatCell } from './table';

const repeats = 3;
type JobName = 'sweep' | 'basins';

// Adam on Rosenbrock, 2,000 particles: a map of 8 α by 4 clip limits, 400 epochs a cell.
const sweepScenario: ScenarioInput = {
  version: 1,
  name: 'bench-jobs-sweep',
  model: { kind: 'surface', fn: 'rosenbrock' },
  init: { dist: 'gaussian', mean: [-1, 1.5], std: 0.3, count: 2000 },
  optimizer: { kind: 'adam', alpha: 0.01 },
  epochs: 400,
  seed: 1,
};
const sweepCommand = {
  type: 'sweep',
  scenario: sweepScenario,
  alpha: { min: 1e-3, max: 0.3, count: 8 },
  vs: { field: 'clip.limit', min: 0.5, max: 5, count: 4 },
};

// Himmelblau’s four basins, 200 × 200 starts of plain GD at a small α for up to 2,000 epochs: a map the page
// takes about half a second to compute alone (at the preset’s α most starts settle within a few dozen steps, and
// the whole map takes 0.1 s: too little work to time a pool by).
const basinsScenario: ScenarioInput = {
  version: 1,
  name: 'bench-jobs-basins',
  model: { kind: 'surface', fn: 'himmelblau' },
  init: { dist: 'uniform', min: [-5, -5], max: [5, 5], count: 1 },
  optimizer: { kind: 'gd', alpha: 0.001 },
  epochs: 2000,
  tolerance: 1e-12,
  seed: 1,
};
const basinsCommand = { type: 'basins', scenario: basinsScenario, resolution: 200 };

const jobs = {
  sweep: { command: sweepCommand, cells: 32, what: 'sweep', prepare: prepareSweep, merge: (plan: SweepPlan, cells: SweepCell[]) => sweepResult(plan, cells) },
  basins: {
    command: basinsCommand,
    cells: 200,
    what: 'basins',
    prepare: prepareBasins,
    merge: (context: BasinsContext, rows: BasinsEnds[]) => labelBasins(context, joinBasinsEnds(rows)),
  },
} as const;

/** In a worker thread: the page worker's side of one job, over the thread's port. */
function serveJobThread(name: JobName): void {
  const job = jobs[name];
  const port = parentPort!;
  const prepare = job.prepare as (command: unknown) => Promise<Prepared<unknown, unknown>>;
  const handle = serveCells(job.what, prepare, (reply, transfer = []) => port.postMessage(reply, transfer));
  port.on('message', (message: unknown) => void handle(message));
}
const data = workerData as { benchJob?: JobName } | null;
if (!isMainThread && data?.benchJob) serveJobThread(data.benchJob);

/** A worker thread as the pool sees it: an error or an exit before the end fails the job. */
function threadWorker(name: JobName, events: PoolWorkerEvents) {
  const worker = new Worker(new URL(import.meta.url), { workerData: { benchJob: name } });
  worker.on('message', events.message);
  worker.on('error', (error) => events.failed(error.message));
  worker.on('exit', (code) => events.failed(`it stopped (exit code ${code})`));
  return { post: (message: unknown) => worker.postMessage(message), terminate: () => void worker.terminate() };
}

/** The job alone in this thread, as the engine runs it without a pool. */
async function alone(name: JobName): Promise<unknown> {
  const checked = validateScenario(jobs[name].command.scenario);
  if (!checked.ok) throw new Error(`bench scenario: ${checked.problems.join('; ')}`);
  if (name === 'basins') return computeBasins(checked.scenario, { resolution: basinsCommand.resolution });
  const planned = planSweep(checked.scenario, sweepCommand as Parameters<typeof planSweep>[1]);
  if (!planned.ok) throw new Error(`bench sweep: ${planned.problems.join('; ')}`);
  return runSweep(checked.scenario, planned.plan);
}

/** In a child: wall seconds, the fastest of `repeats`, of the job alone and on each worker count; throws if a count's result differs. */
async function measure({ name, counts }: { name: JobName; counts: number[] }): Promise<number[]> {
  const job = jobs[name];
  const time = async (run: () => Promise<unknown>) => {
    let best = Infinity;
    let result: unknown;
    for (let r = 0; r < repeats; r++) {
      const began = performance.now();
      result = await run();
      best = Math.min(best, (performance.now() - began) / 1000);
    }
    return { best, result };
  };
  const reference = await time(() => alone(name));
  const seconds = [reference.best];
  for (const workers of counts) {
    const pooled = await time(
      () =>
        runCellPool({
          workers,
          open: (events) => threadWorker(name, events),
          command: job.command,
          merge: job.merge as (context: unknown, values: unknown[]) => unknown,
        }).done,
    );
    if (!isDeepStrictEqual(pooled.result, reference.result)) throw new Error(`${name} on ${workers} workers: not the result of the job alone`);
    seconds.push(pooled.best);
  }
  return seconds;
}
registerTask('experiment-jobs', measure);

export const jobsSection: ModuleSection = {
  id: 'jobs',
  title: 'Experiments on a pool of workers',
  async run({ log }) {
    const cores = availableParallelism();
    const counts = [...new Set([1, 2, cores])];
    const rows: (string | number)[][] = [];
    for (const name of ['sweep', 'basins'] as const) {
      const [single, ...pooled] = await inChild<number[]>('experiment-jobs', { name, counts });
      rows.push([
        name,
        jobs[name].cells,
        single,
        ...pooled,
        Math.round((single / pooled[0]) * 100) / 100,
        Math.round((pooled[0] / pooled[1]) * 100) / 100,
        Math.round((pooled[0] / pooled.at(-1)! / counts.at(-1)!) * 100) / 100,
      ]);
      log(`  ${rows.at(-1)!.map(formatCell).join('  ')}`);
    }
    return {
      columns: [
        'job',
        'cells',
        'alone s',
        ...counts.map((c) => `${c === cores ? `all (${c})` : c} worker${c === 1 ? '' : 's'} s`),
        'alone : 1 worker',
        'speed-up, 2',
        'efficiency, all',
      ],
      rows,
      notes: [
        `Wall-clock seconds from the command to the result, the fastest of ${repeats}, each job in a fresh process; the workers' start (loading the bundle, building the model) is counted, as the page waits for it too.`,
        'sweep: Adam on Rosenbrock, 2,000 particles, 8 α × 4 clip limits, 400 epochs a cell; basins: Himmelblau, 200 × 200 starts of GD for 500 epochs, a row a cell.',
        '"alone": the engine’s own loop in one thread, no pool and no worker (runSweep, computeBasins); every worker count gave the same result as it (checked in the run).',
        'Workers are Node worker_threads here, Web Workers in the page; the pool and the workers’ code are the page’s. Measure on a quiet machine.',
      ],
    };
  },
};
