/**
 * Engine stepping on threads: the engine cases of ./engine-section.ts at 1M particles, stepped on 1, 2 and
 * every core's worth of worker threads, each stepping its block of one cloud in shared memory
 * (src/engine/parallel/). Wall-clock time, since the point is the cores working at once; every thread
 * count uses the same threads-and-signals machinery, so the 1-thread column is its own baseline. Goal
 * (issue 17): Adam on Rosenbrock ≥ 1.7× with 2 threads, and parallel efficiency ≥ 0.85.
 *
 * The machine's own ceiling beside it: the same threads, each stepping a cloud of its own (n / threads
 * particles in its own memory, nothing shared, nothing handed back). No split of one cloud can beat that;
 * where two cores do not give twice the arithmetic (memory bandwidth, shared execution units of a virtual
 * machine's cores), the ceiling says so, and "split ÷ ceiling" is what the engine's split costs.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createDescent } from '../engine/build';
import { AttachedMemory, type SharedBuffers } from '../engine/parallel/memory';
import { prepareRun } from '../engine/parallel/block-run';
import { splitBlocks, type Block } from '../engine/parallel/split';
import type { Scenario } from '../shared/scenario';
import { validateScenario } from '../shared/validate';
import { inChild, registerTask } from './child';
import type { ModuleSection } from './section';
import { formatCell } from './table';

const n = 1_000_000;
const steps = 12;
const repeats = 5;
const alpha = { bowl: { gd: 0.01, adam: 0.01 }, rosenbrock: { gd: 1e-4, adam: 0.001 } } as const;
type Surface = keyof typeof alpha;
type Kind = 'gd' | 'adam';

/** Control words shared with the threads: [generation, steps to take, threads done]. */
const generation = 0;
const stepsWord = 1;
const doneWord = 2;

interface ThreadData {
  benchThread: true;
  scenario: Scenario;
  /** The shared cloud and this thread's block of it; null: a cloud of its own, of `scenario`'s count. */
  shared: { buffers: SharedBuffers; block: Block } | null;
  control: SharedArrayBuffer;
}

/** In a worker thread: builds its block's descent, says so, then steps whenever the generation moves on. */
async function serveBenchThread(data: ThreadData): Promise<void> {
  const control = new Int32Array(data.control);
  const { shared } = data;
  const descent = await createDescent(data.scenario, shared ? { memory: new AttachedMemory(shared.buffers), ...shared.block } : undefined);
  parentPort!.postMessage('ready');
  for (let seen = 0; ;) {
    Atomics.wait(control, generation, seen);
    seen = Atomics.load(control, generation);
    const count = Atomics.load(control, stepsWord);
    if (count < 0) return;
    for (let k = 0; k < count; k++) descent.advance();
    Atomics.add(control, doneWord, 1);
    Atomics.notify(control, doneWord);
  }
}
if (!isMainThread && (workerData as ThreadData | null)?.benchThread) void serveBenchThread(workerData as ThreadData);

function scenarioOf(surface: Surface, kind: Kind, count = n): Scenario {
  const checked = validateScenario({
    version: 1,
    model: { kind: 'surface', fn: surface },
    init: { dist: 'gaussian', mean: surface === 'bowl' ? [-2, 4] : [-1, 1.5], std: 0.3, count },
    optimizer: { kind, alpha: alpha[surface][kind] },
    epochs: 1_000_000,
    seed: 1,
  });
  if (!checked.ok) throw new Error(`bench scenario: ${checked.problems.join('; ')}`);
  return checked.scenario;
}

/** In a child: wall seconds of the fastest of `repeats` runs of `steps` steps of the whole cloud, for each thread count. */
async function measure({ surface, kind, counts }: { surface: Surface; kind: Kind; counts: number[] }): Promise<{ split: number[]; ceiling: number[] }> {
  const split: number[] = [];
  const ceiling: number[] = [];
  for (const threads of counts) {
    const run = await prepareRun(scenarioOf(surface, kind));
    split.push(await timeThreads(splitBlocks(n, threads).map((block) => ({ scenario: run.descent.scenario, shared: { buffers: run.buffers, block } }))));
    const d = run.descent;
    d.adopt({ step: 0, epoch: 0 });
    if (d.diverged || d.converged) throw new Error(`${surface} ${kind}: ${d.diverged} diverged, ${d.converged} converged; the rates would be skewed`);
    ceiling.push(await timeThreads(splitBlocks(n, threads).map(({ from, to }) => ({ scenario: scenarioOf(surface, kind, to - from), shared: null }))));
  }
  return { split, ceiling };
}

/** Starts a thread for each job, then times the fastest of `repeats` rounds of `steps` steps of them all at once. */
async function timeThreads(jobs: Omit<ThreadData, 'benchThread' | 'control'>[]): Promise<number> {
  const control = new Int32Array(new SharedArrayBuffer(12));
  const workers = jobs.map((job) => new Worker(new URL(import.meta.url), { workerData: { benchThread: true, ...job, control: control.buffer } }));
  try {
    await Promise.all(workers.map((w) => new Promise((resolve, reject) => (w.once('message', resolve), w.once('error', reject)))));
    let best = Infinity;
    for (let r = 0; r < repeats; r++) {
      Atomics.store(control, doneWord, 0);
      Atomics.store(control, stepsWord, steps);
      const start = performance.now();
      Atomics.add(control, generation, 1);
      Atomics.notify(control, generation);
      for (let done; (done = Atomics.load(control, doneWord)) < jobs.length;) Atomics.wait(control, doneWord, done, 60_000);
      best = Math.min(best, (performance.now() - start) / 1000);
    }
    return best;
  } finally {
    Atomics.store(control, stepsWord, -1);
    Atomics.add(control, generation, 1);
    Atomics.notify(control, generation);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
registerTask('engine-threads', measure);

export const threadsSection: ModuleSection = {
  id: 'threads',
  title: 'Engine stepping on threads',
  async run({ log }) {
    const cores = availableParallelism();
    const counts = [...new Set([1, 2, cores])];
    const rows: (string | number)[][] = [];
    let goal = '';
    let worstEfficiency = Infinity;
    for (const surface of ['bowl', 'rosenbrock'] as const) {
      for (const kind of ['gd', 'adam'] as const) {
        const { split, ceiling } = await inChild<{ split: number[]; ceiling: number[] }>('engine-threads', { surface, kind, counts });
        const rates = split.map((s) => (n * steps) / s);
        const speedup2 = rates[1] / rates[0];
        const efficiency = rates.at(-1)! / rates[0] / counts.at(-1)!;
        // The ceiling's rate with every core over the split's on one thread: what every core could give at best.
        const ceilingAll = (n * steps) / ceiling.at(-1)! / rates[0];
        worstEfficiency = Math.min(worstEfficiency, efficiency);
        if (surface === 'rosenbrock' && kind === 'adam') goal = `${speedup2.toFixed(2)}× with 2 threads (${speedup2 >= 1.7 ? 'met' : 'not met'})`;
        const round = (x: number) => Math.round(x * 100) / 100;
        rows.push([surface, kind, '1M', ...rates, round(speedup2), round(efficiency), round(ceilingAll), round(rates.at(-1)! / rates[0] / ceilingAll)]);
        log(`  ${rows.at(-1)!.map(formatCell).join('  ')}`);
      }
    }
    return {
      columns: [
        'surface',
        'optimizer',
        'particles',
        ...counts.map((c) => `${c === cores ? `all (${c})` : c} thread${c === 1 ? '' : 's'} steps/s`),
        'speed-up, 2',
        'efficiency, all',
        'ceiling, all',
        'split ÷ ceiling',
      ],
      rows,
      notes: [
        `Particle-steps per second of wall-clock time, the fastest of ${repeats} runs of ${steps} steps of 1M particles each; every case in a fresh process, its threads started and the cloud built before the clock starts.`,
        'Every thread count steps the same cloud in shared memory, each thread its contiguous block (src/engine/parallel/); the results are the same bits for every count (src/engine/parallel/block-run.test.ts).',
        `Efficiency: the speed-up with every core (${cores}) divided by ${cores}. Goal: Adam on Rosenbrock ≥ 1.7× with 2 threads, ${goal}; efficiency ≥ 0.85, worst ${worstEfficiency.toFixed(2)} (${worstEfficiency >= 0.85 ? 'met' : 'not met'}).`,
        `Ceiling: ${cores} threads each stepping a cloud of its own (n / ${cores}, nothing shared), over the split's 1-thread rate: the speed-up this machine gives independent work on every core. Split ÷ ceiling: the engine's split against it (1: the split costs nothing).`,
        'Wall-clock figures move with the machine’s load: measure on a quiet machine.',
      ],
    };
  },
};
