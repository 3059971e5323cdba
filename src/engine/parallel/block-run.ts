/**
 * A run split over threads, without the threads: what the thread that builds the run does (`prepareRun`),
 * what each thread does with its block (`runBlock`), and how the results are taken back (`finishRun`). The
 * hosts (src/cli/threads/) only carry these calls to worker threads; a test can call them one after another
 * on one thread and get the same bytes.
 */
import type { Scenario } from '../../shared/scenario';
import { createDescent } from '../build';
import type { Descent, TraceEntry } from '../descent';
import { AttachedMemory, SharedMemory, type SharedBuffers } from './memory';
import { mergeEnds, type Block, type ThreadEnd } from './split';

/** The run as built by the first thread: its descent over the whole cloud, in shared buffers. */
export interface SharedRun {
  descent: Descent;
  buffers: SharedBuffers;
  /** Each particle's loss on the whole data at the end, written by the thread that steps it. */
  finalLoss: Float64Array;
}

/** Builds the run in shared memory: the cloud placed, its state fresh, nothing stepped. */
export async function prepareRun(scenario: Scenario): Promise<SharedRun> {
  const memory = new SharedMemory();
  const descent = await createDescent(scenario, { memory });
  const finalLoss = memory.float64('finalLoss', descent.n);
  return { descent, buffers: memory.buffers, finalLoss };
}

/** What one thread reports when its block is done. */
export interface BlockEnd extends ThreadEnd {
  /** The traced particle's steps, when it is in this block; else empty. */
  trace: TraceEntry[];
}

export interface BlockJob {
  scenario: Scenario;
  buffers: SharedBuffers;
  block: Block;
  epochs: number;
  /** The particle to trace, or null. */
  trace: number | null;
}

/** One thread's part: its block stepped to the end, and its particles' losses on the whole data written. */
export async function runBlock(job: BlockJob, onEpoch?: (epoch: number) => void): Promise<BlockEnd> {
  const memory = new AttachedMemory(job.buffers);
  const descent = await createDescent(job.scenario, { memory, ...job.block });
  const { trace } = job;
  if (trace !== null && trace >= job.block.from && trace < job.block.to) descent.traceParticle(trace);
  descent.run(job.epochs, onEpoch);
  descent.fullLoss(memory.float64('finalLoss', descent.n));
  return { step: descent.step, epoch: descent.epoch, trace: descent.trace };
}

/** Takes the blocks' ends back into the first thread's descent; returns the final losses, in particle order. */
export function finishRun(run: SharedRun, ends: readonly BlockEnd[]): Float64Array {
  run.descent.adopt(mergeEnds(ends));
  for (const end of ends) run.descent.trace.push(...end.trace);
  return run.finalLoss;
}
