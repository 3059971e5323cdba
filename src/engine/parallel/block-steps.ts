/**
 * A few steps of a cloud split over threads, without the threads (issue 17, the page's trainer): the thread
 * that leads the cloud (the trainer's own descent, over every particle in shared memory) writes an order
 * (`leadOrder`), each block's descent follows it and steps (`stepBlock`), and the lead takes the blocks'
 * ends back (`adoptSteps`). Unlike ./block-run.ts (a whole run to its end), the lead keeps stepping between
 * orders, changes settings and seeks: each order carries everything that is not in the shared arrays, so
 * the blocks hold no state of their own from one order to the next. The result is the same bytes as the
 * lead's own steps, for any split (./split.ts says why).
 */
import type { Descent } from '../descent';
import type { LeadState, StoppedCounts } from '../descent-state';
import type { BatcherSnapshot } from '../batching';
import type { SharedBuffers } from './memory';
import { mergeEnds } from './split';

/** What each block's descent is told to do. */
export interface StepOrder {
  /** Steps to take at most. */
  count: number;
  /** A block stops once this many epochs are complete (the run's `epochs`), as the lead's caller would. */
  epochs: number;
  lead: LeadState;
  /** The lead's per-particle arrays now: a setting changed or a seek since the last order may have made new ones. */
  buffers: SharedBuffers;
}

/** Where a block's descent stopped: its step and epoch, its batch order there, and its count of stopped particles. */
export interface StepsDone {
  step: number;
  epoch: number;
  batcher: BatcherSnapshot;
  counts: StoppedCounts;
}

/** The shared buffers of every per-particle array of the lead; null when one is not shared (then no thread can step it). */
export function sharedBuffersOf(descent: Descent): SharedBuffers | null {
  const buffers: SharedBuffers = {};
  for (const [key, array] of Object.entries(descent.namedArrays)) {
    if (!(array.buffer instanceof SharedArrayBuffer)) return null;
    buffers[key] = array.buffer;
  }
  return buffers;
}

/** The order for `count` steps of the lead, or null when its arrays are not all shared. */
export function leadOrder(descent: Descent, count: number, epochs: number): StepOrder | null {
  const buffers = sharedBuffersOf(descent);
  return buffers && { count, epochs, lead: descent.leadState(), buffers };
}

/**
 * One block's part of an order: `memory` is the block descent's own view of the buffers (updated here, before
 * the descent takes its arrays again by name). Its particles step while any runs and the epochs are not done.
 */
export function stepBlock(descent: Descent, memory: SharedBuffers, order: StepOrder): StepsDone {
  Object.assign(memory, order.buffers);
  descent.follow(order.lead);
  for (let k = 0; k < order.count && descent.running > 0 && descent.epoch < order.epochs; k++) descent.advance();
  const { step, epoch } = descent;
  return { step, epoch, batcher: descent.leadState().batcher, counts: descent.stoppedCounts() };
}

/**
 * The lead takes the blocks' ends: the run is where the block that stepped longest is (a block whose particles
 * all stopped stepped no further, as the lead would have gone on only for the others), with that block's batch order.
 */
export function adoptSteps(lead: Descent, ends: readonly StepsDone[]): void {
  // The blocks' counts summed, not the whole cloud counted again: at a million particles that count was a
  // third of the lead's time between orders (6 ms an order, 2026-12-06).
  lead.adoptCounted(
    mergeEnds(ends),
    ends.map((end) => end.counts),
  );
}
