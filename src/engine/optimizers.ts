/**
 * The optimizers of CONTRACTS §1 with PyTorch's conventions (state starts at zero, t counts steps from 1),
 * each a row of ./update-rules.ts (the formula table, in the reference's operation order), from which
 * `npm run generate` writes the update loops (./update-rules.generated.ts). Arrays are parameter-major
 * (value j of particle i at j·n + i); only particles whose status is 1 (running) move.
 */
import type { OptimizerSpec } from '../shared/scenario';
import type { SurfaceBlock, SurfaceSteppers } from './surface-steps';
import { stateArrays, updateRange } from './update-rules.generated';

/** An optimizer's settings and a copy of its state arrays (see `Optimizer.snapshot`). */
export interface OptimizerSnapshot {
  spec: OptimizerSpec;
  s1: Float64Array | null;
  s2: Float64Array | null;
}

export class Optimizer {
  /** First state array, the first of the rule's `state` (momentum's velocity, Adam's m, …). */
  private s1: Float64Array | null = null;
  /** Second state array (Adam's v). */
  private s2: Float64Array | null = null;

  constructor(public spec: OptimizerSpec, private readonly size: number) {
    this.allocate();
  }

  /** Switches the kind or settings; a new kind starts from zero state, as a fresh torch.optim would. */
  configure(spec: OptimizerSpec): void {
    const kindChanged = spec.kind !== this.spec.kind;
    this.spec = spec;
    if (kindChanged) this.allocate();
  }

  /** Zeroes all state, as a fresh torch.optim would start (a reset run). */
  resetState(): void {
    this.s1?.fill(0);
    this.s2?.fill(0);
  }

  /** A copy of the settings and state: restoring it makes the same updates follow. */
  snapshot(): OptimizerSnapshot {
    return { spec: this.spec, s1: this.s1?.slice() ?? null, s2: this.s2?.slice() ?? null };
  }

  /** Back to a snapshot of an optimizer of the same size (the kind may differ from the current one). */
  restore(snapshot: OptimizerSnapshot): void {
    this.spec = snapshot.spec;
    this.s1 = copied(snapshot.s1, this.s1);
    this.s2 = copied(snapshot.s2, this.s2);
  }

  /** Bytes of optimizer state (for memory reports). */
  get stateBytes(): number {
    return (this.s1?.byteLength ?? 0) + (this.s2?.byteLength ?? 0);
  }

  private allocate(): void {
    const count = stateArrays[this.spec.kind];
    this.s1 = count >= 1 ? new Float64Array(this.size) : null;
    this.s2 = count >= 2 ? new Float64Array(this.size) : null;
  }

  /**
   * One update of every running particle from ≤ i < to (the whole cloud by default): p ← p − (step), with
   * learning rate `lr` at step `t`. `status` null says every particle of the range runs (the common case).
   * Otherwise the range is cut into runs of consecutive running particles, so that the update loops never
   * test a status: each walks contiguous memory, one parameter at a time. Returns whether every updated
   * value is finite (false: some particle has to be checked for divergence).
   */
  step(p: Float64Array, g: Float64Array, n: number, status: Uint8Array | null, lr: number, t: number, from = 0, to = n): boolean {
    const params = p.length / n;
    let finite = true;
    if (status === null) {
      for (let j = 0, q0 = 0; j < params; j++, q0 += n) if (!this.update(p, g, q0 + from, q0 + to, lr, t)) finite = false;
      return finite;
    }
    let i = from;
    while (i < to) {
      while (i < to && status[i] !== 1) i++;
      const first = i;
      while (i < to && status[i] === 1) i++;
      if (i > first) for (let j = 0, q0 = 0; j < params; j++, q0 += n) if (!this.update(p, g, q0 + first, q0 + i, lr, t)) finite = false;
    }
    return finite;
  }

  /** The update of values lo ≤ q < hi by gradient g (same layout): the generated loop of the kind's rule. */
  private update(p: Float64Array, g: Float64Array, lo: number, hi: number, lr: number, t: number): boolean {
    return updateRange(this.spec, this.s1, this.s2, p, g, lo, hi, lr, t);
  }

  /**
   * One step of a block of particles of a surface, which all run: each particle evaluated and updated in
   * one pass by the surface's stepper for this optimizer (./surface-steps.ts). Returns whether every loss
   * and new value is finite; when not, the caller looks at each particle of the block.
   */
  stepSurface(steppers: SurfaceSteppers, block: SurfaceBlock): boolean {
    block.spec = this.spec;
    block.s1 = this.s1;
    block.s2 = this.s2;
    return steppers[this.spec.kind](block);
  }
}

/** A copy of `from`, written into `into` when it has the size (a seek of a big cloud then allocates nothing). */
function copied(from: Float64Array | null, into: Float64Array | null): Float64Array | null {
  if (!from) return null;
  if (into && into.length === from.length) {
    into.set(from);
    return into;
  }
  return from.slice();
}
