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
  s3: Float64Array | null;
}

export class Optimizer {
  /** First state array, the first of the rule's `state` (momentum's velocity, Adam's m, …). */
  private s1: Float64Array | null = null;
  /** Second state array (Adam's v). */
  private s2: Float64Array | null = null;
  /**
   * Third state array: RMSprop's momentum buffer; Adam's denominator v, its running maximum with AMSGrad.
   * Without AMSGrad it is Adam's v itself (s2), whose rule then stores v into v: plain Adam keeps two arrays.
   */
  private s3: Float64Array | null = null;

  /** `allocate` makes each state array by name (shared memory for a parallel run: ./parallel/memory.ts). */
  constructor(
    public spec: OptimizerSpec,
    private readonly size: number,
    private readonly allocate: (key: string, length: number) => Float64Array = (_key, length) => new Float64Array(length),
  ) {
    this.makeState();
  }

  /** Switches the kind or settings; a new kind starts from zero state, as a fresh torch.optim would. */
  configure(spec: OptimizerSpec): void {
    const kindChanged = spec.kind !== this.spec.kind;
    const maximumChanged = amsgrad(spec) !== amsgrad(this.spec);
    this.spec = spec;
    if (kindChanged) this.makeState();
    // AMSGrad switched on starts its maximum from zero (max(0, v) = v), as a fresh state would.
    else if (maximumChanged) this.s3 = amsgrad(spec) ? this.allocate('optimizer.s3', this.size) : this.s2;
  }

  /** Zeroes all state, as a fresh torch.optim would start (a reset run). */
  resetState(): void {
    this.s1?.fill(0);
    this.s2?.fill(0);
    this.s3?.fill(0);
  }

  /** A copy of the settings and state: restoring it makes the same updates follow. */
  snapshot(): OptimizerSnapshot {
    return { spec: this.spec, s1: this.s1?.slice() ?? null, s2: this.s2?.slice() ?? null, s3: this.s3 === this.s2 ? null : (this.s3?.slice() ?? null) };
  }

  /** Back to a snapshot of an optimizer of the same size (the kind may differ from the current one). */
  restore(snapshot: OptimizerSnapshot): void {
    this.spec = snapshot.spec;
    this.s1 = this.copied('optimizer.s1', snapshot.s1, this.s1);
    this.s2 = this.copied('optimizer.s2', snapshot.s2, this.s2);
    this.s3 =
      snapshot.spec.kind === 'adam' && !snapshot.spec.amsgrad ? this.s2 : this.copied('optimizer.s3', snapshot.s3, this.s3 === this.s2 ? null : this.s3);
  }

  /**
   * A block's optimizer following the one that leads the cloud (./parallel/block-steps.ts): the lead's spec,
   * and its state arrays taken again by name from the memory (the lead may have made new ones since).
   */
  follow(spec: OptimizerSpec): void {
    this.spec = spec;
    this.makeState();
  }

  /** The state arrays by the names they were made under (plain Adam's s3 is its s2: not named twice). */
  get arrays(): Record<string, Float64Array> {
    const named: Record<string, Float64Array> = {};
    if (this.s1) named['optimizer.s1'] = this.s1;
    if (this.s2) named['optimizer.s2'] = this.s2;
    if (this.s3 && this.s3 !== this.s2) named['optimizer.s3'] = this.s3;
    return named;
  }

  /** A copy of `from`, written into `into` when it has the size (a seek of a big cloud then allocates nothing), else into a new array made under `key`. */
  private copied(key: string, from: Float64Array | null, into: Float64Array | null): Float64Array | null {
    if (!from) return null;
    const target = into && into.length === from.length ? into : this.allocate(key, from.length);
    target.set(from);
    return target;
  }

  /** Bytes of optimizer state (for memory reports). */
  get stateBytes(): number {
    return (this.s1?.byteLength ?? 0) + (this.s2?.byteLength ?? 0) + (this.s3 === this.s2 ? 0 : (this.s3?.byteLength ?? 0));
  }

  private makeState(): void {
    const count = stateArrays[this.spec.kind];
    this.s1 = count >= 1 ? this.allocate('optimizer.s1', this.size) : null;
    this.s2 = count >= 2 ? this.allocate('optimizer.s2', this.size) : null;
    this.s3 = count < 3 ? null : this.spec.kind === 'adam' && !amsgrad(this.spec) ? this.s2 : this.allocate('optimizer.s3', this.size);
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
    return updateRange(this.spec, this.s1, this.s2, this.s3, p, g, lo, hi, lr, t);
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
    block.s3 = this.s3;
    return steppers[this.spec.kind](block);
  }
}

/** Whether the spec is Adam with AMSGrad (the only rule whose third array depends on a setting). */
function amsgrad(spec: OptimizerSpec): boolean {
  return spec.kind === 'adam' && spec.amsgrad;
}

/** The state arrays a spec keeps (Optimizer's s1, s2, s3; plain Adam's s3 is its s2). */
export function stateArraysOf(spec: OptimizerSpec): number {
  return spec.kind === 'adam' && !spec.amsgrad ? 2 : stateArrays[spec.kind];
}
