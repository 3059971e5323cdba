/**
 * The six optimizers of CONTRACTS §1 with PyTorch's conventions (state starts at zero, t counts steps
 * from 1). Each update is written exactly as the formula table, in the same operation order as
 * scripts/reference/reference.py, so trajectories agree to rounding. Arrays are parameter-major
 * (value j of particle i at j·n + i); only particles whose status is 1 (running) move.
 */
import type { OptimizerSpec } from '../shared/scenario';

/** An optimizer's settings and a copy of its state arrays (see `Optimizer.snapshot`). */
export interface OptimizerSnapshot {
  spec: OptimizerSpec;
  s1: Float64Array | null;
  s2: Float64Array | null;
}

export class Optimizer {
  /** First state array: velocity (momentum, nesterov), sum or average of squares (adagrad, rmsprop), m (adam). */
  private s1: Float64Array | null = null;
  /** Second state array: adam's v. */
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
    this.s1 = snapshot.s1 ? snapshot.s1.slice() : null;
    this.s2 = snapshot.s2 ? snapshot.s2.slice() : null;
  }

  /** Bytes of optimizer state (for memory reports). */
  get stateBytes(): number {
    return (this.s1?.byteLength ?? 0) + (this.s2?.byteLength ?? 0);
  }

  private allocate(): void {
    const kind = this.spec.kind;
    this.s1 = kind === 'gd' ? null : new Float64Array(this.size);
    this.s2 = kind === 'adam' ? new Float64Array(this.size) : null;
  }

  /** One update of every running particle: p ← p − (step), with learning rate `lr` at step `t`. */
  step(p: Float64Array, g: Float64Array, n: number, status: Uint8Array, lr: number, t: number): void {
    const spec = this.spec;
    const total = p.length;
    switch (spec.kind) {
      case 'gd':
        for (let q = 0; q < total; q++) if (status[q % n] === 1) p[q] = p[q] - lr * g[q];
        return;
      case 'momentum': {
        const v = this.s1!;
        const beta = spec.beta;
        for (let q = 0; q < total; q++) {
          if (status[q % n] !== 1) continue; // q % n: the particle of value q
          v[q] = beta * v[q] + g[q];
          p[q] = p[q] - lr * v[q];
        }
        return;
      }
      case 'nesterov': {
        const v = this.s1!;
        const beta = spec.beta;
        for (let q = 0; q < total; q++) {
          if (status[q % n] !== 1) continue; // q % n: the particle of value q
          v[q] = beta * v[q] + g[q];
          p[q] = p[q] - lr * (g[q] + beta * v[q]);
        }
        return;
      }
      case 'adagrad': {
        const s = this.s1!;
        const eps = spec.eps;
        for (let q = 0; q < total; q++) {
          if (status[q % n] !== 1) continue; // q % n: the particle of value q
          s[q] = s[q] + g[q] * g[q];
          p[q] = p[q] - (lr * g[q]) / (Math.sqrt(s[q]) + eps);
        }
        return;
      }
      case 'rmsprop': {
        const s = this.s1!;
        const { rho, eps } = spec;
        for (let q = 0; q < total; q++) {
          if (status[q % n] !== 1) continue; // q % n: the particle of value q
          s[q] = rho * s[q] + (1 - rho) * g[q] * g[q];
          p[q] = p[q] - (lr * g[q]) / (Math.sqrt(s[q]) + eps);
        }
        return;
      }
      case 'adam': {
        const m = this.s1!;
        const v = this.s2!;
        const { beta1, beta2, eps } = spec;
        const correction1 = 1 - Math.pow(beta1, t);
        const correction2 = 1 - Math.pow(beta2, t);
        for (let q = 0; q < total; q++) {
          if (status[q % n] !== 1) continue; // q % n: the particle of value q
          m[q] = beta1 * m[q] + (1 - beta1) * g[q];
          v[q] = beta2 * v[q] + (1 - beta2) * g[q] * g[q];
          const mhat = m[q] / correction1;
          const vhat = v[q] / correction2;
          p[q] = p[q] - (lr * mhat) / (Math.sqrt(vhat) + eps);
        }
        return;
      }
    }
  }
}
