/**
 * A worker thread of the command line. Its `workerData` says what it does:
 * - `block`: steps its block of a run held in shared memory (../../engine/parallel/block-run.ts) and says
 *   where it ended; it posts `{ type: 'epoch', epoch }` now and then, and `{ type: 'done', end }` once;
 * - `sweep`: runs the sweep's cells it is sent (`{ cell: k }`), answering `{ type: 'cell', k, cell }` each;
 * - `landscape`: computes the landscape's grid rows it is sent (`{ from, to }`), answering `{ type: 'rows', from, loss }`.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { buildModel, datasetOf } from '../../engine/build';
import { GridRows, type LandscapePlane } from '../../engine/experiments/landscape';
import { runCellAt, type SweepPlan } from '../../engine/experiments/sweep';
import { runBlock, type BlockJob } from '../../engine/parallel/block-run';
import type { Scenario } from '../../shared/scenario';

/** How often, at most, a thread reports its epoch (the progress line needs no more). */
const progressEveryMs = 200;

export type ThreadJob =
  | ({ kind: 'block' } & BlockJob)
  | { kind: 'sweep'; scenario: Scenario; plan: SweepPlan; index: number }
  | { kind: 'landscape'; scenario: Scenario; plane: LandscapePlane; index: number };

export function serveThread(): void {
  const job = workerData as ThreadJob;
  // For the tests of a thread that fails mid-run (threads.test.ts): every thread but the first fails at its first epoch, or a sweep's as it starts.
  const first = job.kind === 'block' ? job.block.from === 0 : job.index === 0;
  const fault = first ? undefined : process.env.DESCENT_THREAD_FAULT;
  const faultNow = () => {
    if (fault === 'throw') throw new Error('injected fault');
    if (fault === 'exit') process.exit(3);
  };
  if (job.kind === 'block') serveBlock(job, parentPort!, faultNow);
  else if (job.kind === 'sweep') void serveSweep(job, parentPort!, faultNow);
  else void serveLandscape(job, parentPort!, faultNow);
}

function serveBlock(job: BlockJob, port: MessagePort, faultNow: () => void): void {
  let last = 0;
  const onEpoch = (epoch: number) => {
    faultNow();
    const now = Date.now();
    if (now - last < progressEveryMs) return;
    last = now;
    port.postMessage({ type: 'epoch', epoch });
  };
  void runBlock(job, onEpoch).then((end) => port.postMessage({ type: 'done', end }));
}

async function serveSweep(job: { scenario: Scenario; plan: SweepPlan }, port: MessagePort, faultNow: () => void): Promise<void> {
  // The model (and its data) is built once per thread, as runSweep builds it once: no swept field changes it.
  const model = await buildModel(job.scenario, datasetOf(job.scenario));
  // Before it is ready, not at its first cell: under load the first thread may take every cell before another starts.
  faultNow();
  port.on('message', ({ cell: k }: { cell: number }) => {
    port.postMessage({ type: 'cell', k, cell: runCellAt(model, job.scenario, job.plan, k) });
  });
  port.postMessage({ type: 'ready' });
}

async function serveLandscape(job: { scenario: Scenario; plane: LandscapePlane }, port: MessagePort, faultNow: () => void): Promise<void> {
  // The model the path was trained on, built again from the scenario (its data and seed): the same losses.
  const rows = new GridRows(await buildModel(job.scenario, datasetOf(job.scenario)), job.plane);
  faultNow();
  port.on('message', ({ from, to }: { from: number; to: number }) => {
    const loss = rows.rows(from, to);
    port.postMessage({ type: 'rows', from, loss }, [loss.buffer as ArrayBuffer]);
  });
  port.postMessage({ type: 'ready' });
}
