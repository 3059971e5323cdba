/**
 * The types of a descent's state that both the Descent (./descent.ts) and its snapshot history
 * (./snapshot.ts) name: the hot settings in force and a snapshot of everything that determines the future.
 * Kept apart so that neither of those two files imports the other's types back.
 */
import type { HotSettings } from '../shared/settings';
import type { BatcherSnapshot } from './batching';
import type { OptimizerSnapshot } from './optimizers';

/** The settings that change a running descent without a reset (a "hot" change): the settings table's `descent` rows. */
export type { HotSettings };

/** Everything that determines a descent's future (see ./snapshot.ts). */
export interface DescentSnapshot {
  step: number;
  epoch: number;
  converged: number;
  diverged: number;
  params: Float64Array;
  loss: Float64Array;
  previousLoss: Float64Array;
  status: Uint8Array;
  reason: Uint8Array;
  stoppedAt: Uint32Array;
  /** Patience state (stop.patience), null while the rule is off. */
  best: Float64Array | null;
  wait: Uint32Array | null;
  settings: HotSettings;
  optimizer: OptimizerSnapshot;
  batcher: BatcherSnapshot;
}

/** What a descent stepping one block of a cloud takes from the descent that leads it (`Descent.follow`). */
export interface LeadState {
  step: number;
  epoch: number;
  settings: HotSettings;
  batcher: BatcherSnapshot;
  /** How many times the lead has written statuses itself (its own steps, a restore, a restart): a block whose last order saw the same count need not count its particles again. */
  statusWrites: number;
}

/** A block's count of its stopped particles, which the lead sums instead of counting the whole cloud again. */
export interface StoppedCounts {
  converged: number;
  diverged: number;
  stoppedBy: number[];
  stoppedIn: Uint32Array;
}
