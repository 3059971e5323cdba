/**
 * The trainer and its threads (./pool.ts, ./serve.ts): what goes between them. Internal to the trainer: the
 * page never sees these. Each message to a thread is answered by exactly one reply, in order.
 */
import type { StepOrder, StepsDone } from '../../engine/parallel/block-steps';
import type { SharedBuffers } from '../../engine/parallel/memory';
import type { Block } from '../../engine/parallel/split';
import type { Scenario } from '../../shared/scenario';
import type { LandscapeFromThread, LandscapeToThread } from './landscape-messages';

/**
 * `part`: which of the run's clouds, a race's group (0 for a plain run, or when left out). A thread holds a
 * descent for each part; a build of part 0 starts a new run and drops the others.
 */
export type ToThread =
  /** Build this thread's descent over `block` of the cloud in `buffers` (a new run: a load, an undo). */
  | { type: 'build'; scenario: Scenario; buffers: SharedBuffers; block: Block; part?: number }
  /** Follow the lead and step (../../engine/parallel/block-steps.ts). */
  | { type: 'steps'; order: StepOrder; part?: number }
  /** A landscape's grid rows (./landscape-messages.ts). */
  | LandscapeToThread;

export type FromThread = { type: 'built' } | { type: 'done'; end: StepsDone } | { type: 'failed'; message: string } | LandscapeFromThread;

/** Marks a worker started as one of the trainer's threads (Node's `workerData`; a Web Worker's `name`). */
export const poolThreadName = 'trainer-thread';
