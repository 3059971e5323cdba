/** What the fused surface steps (./surface-steps.ts) work on, apart from the loops themselves (generated). */
import type { OptimizerKind, OptimizerSpec } from '../shared/scenario';

/** What a fused step of one block needs: the cloud's arrays, the optimizer's settings, state and rate. */
export interface SurfaceBlock {
  p: Float64Array;
  n: number;
  loss: Float64Array;
  from: number;
  to: number;
  lr: number;
  /** The optimizer's t: steps taken, this one included. */
  t: number;
  spec: OptimizerSpec;
  /** The optimizer's state arrays (Optimizer.s1, s2, s3), null where its kind keeps none. */
  s1: Float64Array | null;
  s2: Float64Array | null;
  s3: Float64Array | null;
  /** A loss at or past this stops the particle as diverged, unmoved (+∞: only a non-finite loss does). */
  limit: number;
}

export type SurfaceStepper = (block: SurfaceBlock) => boolean;
/** A surface's fused step for each optimizer, and its evaluation for the separate passes. */
export type SurfaceSteppers = Readonly<Record<OptimizerKind, SurfaceStepper>> & {
  readonly lossAndGradient: (block: SurfaceBlock, grad: Float64Array) => boolean;
  readonly loss: SurfaceStepper;
};
