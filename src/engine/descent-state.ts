/**
 * The types of a descent's state that both the Descent (./descent.ts) and its snapshot history
 * (./snapshot.ts) name: the hot settings in force and a snapshot of everything that determines the future.
 * Kept apart so that neither of those two files imports the other's types back.
 */
import type { BatchSpec, ClipSpec, OptimizerSpec, StopSpec } from '../shared/scenario';
import type { BatcherSnapshot } from './batching';
import type { OptimizerSnapshot } from './optimizers';

/** The settings that change a running descent without a reset (a "hot" change). */
export interface HotSettings {
  optimizer: OptimizerSpec;
  clip: ClipSpec;
  batch: BatchSpec;
  freeze: number[];
  tolerance: number | null;
  stop: StopSpec;
}

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
