/**
 * Steps to convergence, per particle: the Descent marks a particle converged but does not say when, so
 * experiments watch its statuses after each step. Shared by the stability map (./sweep.ts) and the
 * optimizer race (./race.ts). Pure and allocation-free per step.
 */
import { Status, type Descent } from '../descent';

/** The step at which each particle of one descent was first seen converged (0: not converged). */
export class ConvergenceSteps {
  readonly at: Int32Array;
  /** How many converged particles have been recorded: a step that converges none costs one comparison. */
  private recorded = 0;

  constructor(readonly n: number) {
    this.at = new Int32Array(n);
  }

  /** Call after each `advance()`: records the descent's current step for every newly converged particle. */
  update(descent: Descent): void {
    if (descent.converged === this.recorded) return;
    const { status, step } = descent;
    for (let i = 0; i < this.n; i++) if (status[i] === Status.converged && this.at[i] === 0) this.at[i] = step;
    this.recorded = descent.converged;
  }

  /** Back to a recorded state (a replay restores the descent, then this). */
  restore(at: Int32Array, recorded: number): void {
    this.at.set(at);
    this.recorded = recorded;
  }

  get recordedCount(): number {
    return this.recorded;
  }

  /** Steps of the converged particles among `[from, to)`, ascending. */
  sorted(from = 0, to = this.n): number[] {
    const steps: number[] = [];
    for (let i = from; i < to; i++) if (this.at[i] > 0) steps.push(this.at[i]);
    return steps.sort((a, b) => a - b);
  }
}

/** The median of ascending numbers (the mean of the two middle ones for an even count), or null for none. */
export function median(sorted: readonly number[]): number | null {
  const k = sorted.length;
  if (k === 0) return null;
  return k % 2 === 1 ? sorted[(k - 1) / 2] : (sorted[k / 2 - 1] + sorted[k / 2]) / 2;
}
