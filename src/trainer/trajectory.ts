/**
 * The cloud's trajectory as the run goes, for the landscape's path (issue 16): the whole cloud's parameters
 * before a step, at evenly thinned steps, so that any particle's path (the best one at the end, which no one
 * knows in advance, or a race group's best) can be taken out afterwards without replaying the run.
 *
 * Memory is bounded: at most `capacity` points of n × paramCount doubles, within `trajectoryBudget` bytes and
 * never more than `maxTrajectoryPoints`. Points are kept at the multiples of a stride; when one more would
 * pass the capacity, every other one goes and the stride doubles, so the kept points stay evenly spaced
 * over the whole run (from step 0) however long it lasts.
 */

/** Bytes of parameters kept at most: 500 networks of 337 parameters get 24 points, one network 256. */
export const trajectoryBudget = 32 * 1024 * 1024;
/** Points kept at most: a path drawn with more would not look different. */
export const maxTrajectoryPoints = 256;

export class TrajectoryRecorder {
  /** Points kept at most (fewer than 2: nothing is kept, and a path is the particle's place now alone). */
  readonly capacity: number;
  private stride = 1;
  private readonly steps: number[] = [];
  private readonly points: Float64Array[] = [];
  /** Arrays of points let go, reused for the next ones. */
  private readonly spare: Float64Array[] = [];

  constructor(
    readonly n: number,
    readonly paramCount: number,
    budget = trajectoryBudget,
    maxPoints = maxTrajectoryPoints,
  ) {
    this.capacity = Math.min(maxPoints, Math.floor(budget / (8 * n * paramCount)));
  }

  /** The steps kept, oldest first. */
  get keptSteps(): readonly number[] {
    return this.steps;
  }

  /**
   * The cloud's parameters (parameter-major, n × paramCount) before step `step`. A step at or before the
   * last one kept (after a seek back, then a step) starts a new future: what was kept from there on goes.
   */
  record(step: number, params: Float64Array): void {
    if (this.capacity < 2) return;
    while (this.steps.length > 0 && this.steps[this.steps.length - 1] >= step) this.release(this.steps.length - 1);
    if (step % this.stride !== 0) return;
    const point = this.spare.pop() ?? new Float64Array(this.n * this.paramCount);
    point.set(params.subarray(0, this.n * this.paramCount));
    this.steps.push(step);
    this.points.push(point);
    if (this.points.length > this.capacity) this.thin();
  }

  /** The first step after `step` before which `record` would keep a point (+∞: it keeps none). */
  nextRecord(step: number): number {
    return this.capacity < 2 ? Infinity : (Math.floor(step / this.stride) + 1) * this.stride;
  }

  /**
   * Particle `index`'s path up to step `now`: its kept points before `now`, oldest first, then `current` (its
   * parameters at `now`). `trajectory` is points × paramCount, `steps` the step of each point.
   */
  path(index: number, now: number, current: ArrayLike<number>): { trajectory: Float64Array<ArrayBuffer>; steps: Int32Array<ArrayBuffer> } {
    const { n, paramCount } = this;
    let count = 0;
    while (count < this.steps.length && this.steps[count] < now) count++;
    const trajectory = new Float64Array((count + 1) * paramCount);
    const steps = new Int32Array(count + 1);
    for (let k = 0; k < count; k++) {
      const point = this.points[k];
      for (let j = 0; j < paramCount; j++) trajectory[k * paramCount + j] = point[j * n + index];
      steps[k] = this.steps[k];
    }
    for (let j = 0; j < paramCount; j++) trajectory[count * paramCount + j] = current[j];
    steps[count] = now;
    return { trajectory, steps };
  }

  /** Keeps the points at the multiples of twice the stride. */
  private thin(): void {
    this.stride *= 2;
    for (let k = this.steps.length - 1; k >= 0; k--) if (this.steps[k] % this.stride !== 0) this.release(k);
  }

  private release(k: number): void {
    this.spare.push(this.points[k]);
    this.points.splice(k, 1);
    this.steps.splice(k, 1);
  }
}
