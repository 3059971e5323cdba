/**
 * The losses of the trails' particles (./Trails.ts), frame by frame, kept exactly as long as the trails keep
 * their places: a ring of `length` frames per slot. This is what the loss chart draws for a hovered particle
 * (issue 18, part 6). Its memory is slots × length float32s plus 2 × length float64s, whatever the cloud's
 * size: 33 × 128 × 4 B + 2 KB ≈ 19 KB for the scene's trails, at 100 particles or 1,000,000.
 */

/** A particle's loss against the step, oldest first: null where it had diverged (a gap in the line). */
export interface ParticleCurve {
  steps: number[];
  losses: (number | null)[];
}

/** The status byte of a diverged particle (messages.ts: 1 running, 2 converged, 3 diverged). */
const divergedStatus = 3;

export class TrailLosses {
  /** Each ring place's step, and which frame (counted from the reset) wrote it; −1 for none yet. */
  private readonly steps: Float64Array;
  private readonly arrivals: Float64Array;
  /** Slot s's loss at ring place k is losses[s·length + k]; NaN for a diverged or non-finite loss. */
  private readonly losses: Float32Array;
  /** The first frame whose place holds slot s's current particle (it follows another from then on). */
  private readonly since: Float64Array;
  /** Frames recorded since the reset; the latest is at ring place (frames − 1) mod length. */
  private frames = 0;

  constructor(
    readonly slots: number,
    readonly length: number,
  ) {
    this.steps = new Float64Array(length);
    this.arrivals = new Float64Array(length);
    this.losses = new Float32Array(slots * length);
    this.since = new Float64Array(slots);
    this.reset();
  }

  /** Forgets every frame. */
  reset(): void {
    this.steps.fill(-1);
    this.arrivals.fill(-1);
    this.losses.fill(NaN);
    this.since.fill(0);
    this.frames = 0;
  }

  /**
   * Takes a frame: the loss of each slot's particle (`targets[s]`, −1 for none) from the frame's losses and
   * statuses. A frame of the same step as the latest one (a re-sent frame, a hot change) replaces it.
   */
  record(step: number, targets: Int32Array, losses: ArrayLike<number>, statuses: ArrayLike<number>): void {
    const latest = (this.frames - 1 + this.length) % this.length;
    const again = this.frames > 0 && this.steps[latest] === step;
    const place = again ? latest : this.frames % this.length;
    if (!again) {
      this.arrivals[place] = this.frames++;
      this.steps[place] = step;
    }
    for (let s = 0; s < this.slots; s++) {
      const i = targets[s];
      const loss = i >= 0 && i < losses.length && statuses[i] !== divergedStatus ? losses[i] : NaN;
      this.losses[s * this.length + place] = Number.isFinite(loss) ? loss : NaN;
    }
  }

  /** Slot s follows another particle from the next frame on: its past is not that particle's. */
  restart(s: number): void {
    this.since[s] = this.frames;
  }

  /** Slot `to` takes slot `from`'s past (the same particle, followed there already). */
  copy(from: number, to: number): void {
    this.losses.copyWithin(to * this.length, from * this.length, (from + 1) * this.length);
    this.since[to] = this.since[from];
  }

  /**
   * Slot s's losses, in the order of their steps. After a seek back the ring holds replayed steps after later
   * ones: each step appears once, from its latest frame (a replay is exact for the seed, so either would do).
   */
  curve(s: number): ParticleCurve {
    const places: number[] = [];
    for (let k = 0; k < this.length; k++) if (this.arrivals[k] >= this.since[s]) places.push(k);
    places.sort((a, b) => this.steps[a] - this.steps[b] || this.arrivals[b] - this.arrivals[a]);
    const curve: ParticleCurve = { steps: [], losses: [] };
    for (const k of places) {
      const step = this.steps[k];
      if (curve.steps.length && curve.steps[curve.steps.length - 1] === step) continue;
      const loss = this.losses[s * this.length + k];
      curve.steps.push(step);
      curve.losses.push(Number.isNaN(loss) ? null : loss);
    }
    return curve;
  }
}
