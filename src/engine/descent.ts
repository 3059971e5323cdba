/**
 * One run of a scenario: a cloud of particles stepped together, in place. The cloud is structure of
 * arrays (parameter-major Float64Arrays, a status byte per particle); a step allocates nothing unless a
 * trace is being recorded. A particle stops by the scenario's stop rules (./stopping.ts): one whose loss
 * blows up past the divergence threshold, or whose loss or parameters stop being finite, is marked
 * diverged; nothing throws. Each stopped particle keeps its reason and the step it stopped at.
 */
import type { Scenario, StopSpec } from '../shared/scenario';
import { Reason, noReasons, stopReasons, type ReasonCounts, type StopReason } from '../shared/stopping';
import { Batcher, type BatcherSnapshot } from './batching';
import { adjustGradients } from './gradients';
import { fullBatch, type Batch, type Model } from './model';
import { Optimizer } from './optimizers';
import { learningRate } from './schedules';
import type { SurfaceBlock } from './surface-steps';
import { hotSettingsOf, type HotSettings } from '../shared/settings';
import type { DescentSnapshot, LeadState, StoppedCounts } from './descent-state';
import { comparesLosses, divergenceLimit, improves, lossStopReason } from './stopping';
import { localMemory, type ArrayMemory } from './parallel/memory';

// Picked by the settings table's `descent` rows (../shared/settings.ts); exported here, where the trainer looks.
export { hotSettingsOf, type HotSettings };

export const Status = { running: 1, converged: 2, diverged: 3 } as const;
export type StatusName = 'running' | 'converged' | 'diverged';
export const statusNames: Record<number, StatusName> = { 1: 'running', 2: 'converged', 3: 'diverged' };

/** Whether losses lo ≤ q < hi are all finite and below the divergence limit (+∞: only finite). */
function allBelow(losses: Float64Array, lo: number, hi: number, limit: number): boolean {
  for (let q = lo; q < hi; q++) {
    const L = losses[q];
    if (L - L !== 0 || L >= limit) return false;
  }
  return true;
}

/** The status a reason stops a particle with. */
export const statusOfReason = (reason: number) => (reason <= Reason.patience ? Status.converged : Status.diverged);
/** Name of each reason code (index 0: still running). */
export const reasonNames: readonly (StopReason | null)[] = [null, ...stopReasons];

/** Particles taken through a whole step together: their arrays (up to ~100 KB with adam) stay in the L2 cache. */
const blockSize = 1024;

export interface Summary {
  count: number;
  converged: number;
  diverged: number;
  running: number;
  /** Over finite losses only; null when there is none. */
  bestLoss: number | null;
  meanLoss: number | null;
  /** Stopped particles by reason (CONTRACTS §5): their sum is converged + diverged. */
  reasons: ReasonCounts;
}

/** One applied update of the traced particle (CONTRACTS §2, `trace`). */
export interface TraceEntry {
  step: number;
  epoch: number;
  /** Parameters before the step. */
  params: number[];
  /** Loss on the step's batch. */
  loss: number;
  /** Gradient applied (after freezing and clipping). */
  grad: number[];
}

/**
 * Where a descent keeps its arrays and which particles it steps: one thread of a parallel run
 * (./parallel/split.ts) steps particles from ≤ i < to of a cloud held in shared memory.
 */
export interface Placement {
  memory: ArrayMemory;
  /** The whole cloud when left out. */
  from?: number;
  to?: number;
}

export class Descent {
  readonly n: number;
  readonly paramCount: number;
  /** Parameter j of particle i at j·n + i. */
  readonly params: Float64Array;
  /** The gradient each particle was last stepped with (after freezing and clipping): see `grad`. */
  private gradient: Float64Array | null = null;
  /** Loss of each particle on the last batch it was stepped on. */
  readonly loss: Float64Array;
  private readonly previousLoss: Float64Array;
  readonly status: Uint8Array<ArrayBuffer>;
  /** Why each stopped particle stopped (../shared/stopping.ts `Reason`; 0 while it runs). */
  readonly reason: Uint8Array<ArrayBuffer>;
  /** The step at which each stopped particle stopped (0 while it runs). */
  readonly stoppedAt: Uint32Array<ArrayBuffer>;
  /** Stopped particles by reason code. */
  readonly stoppedBy = new Array<number>(reasonNames.length).fill(0);
  /** Patience state (stop.patience): each particle's best loss and steps since it improved; null while off. */
  private best: Float64Array | null = null;
  private wait: Uint32Array | null = null;
  /** The block a fused surface step works on (./surface-steps.ts), kept to allocate nothing per block. */
  private readonly surfaceBlock: SurfaceBlock;
  /** Stopped (converged or diverged) particles in each block of `blockSize`: 0 lets a step skip status tests. */
  private readonly stoppedIn: Uint32Array;
  /** Steps taken so far (the optimizer's t of the last step). */
  step = 0;
  /** Whole epochs completed. */
  epoch = 0;
  converged = 0;
  diverged = 0;
  private readonly optimizer: Optimizer;
  private readonly batcher: Batcher;
  private settings: HotSettings;
  private traced = -1;
  /** Status writes this descent made itself (LeadState.statusWrites), and the lead's count its last `follow` saw. */
  private statusWrites = 0;
  private followedWrites = -1;
  private wholeData: Batch | null = null;
  private readonly traceEntries: TraceEntry[] = [];
  /** The particles this descent steps, from ≤ i < to: the whole cloud, unless it is one thread's block. */
  readonly from: number;
  readonly to: number;
  private readonly memory: ArrayMemory;

  /** The batcher as built, for `restart`. */
  private readonly startBatcher: BatcherSnapshot;

  /**
   * `rebuildStart`, when given, writes the initial positions again into the array it is handed
   * (deterministic from the scenario's seed): the run can then go back to its start without a stored copy
   * of it (`restart`).
   */
  constructor(
    readonly model: Model,
    readonly scenario: Scenario,
    initial: Float64Array,
    private readonly rebuildStart?: (into: Float64Array) => void,
    place?: Placement,
  ) {
    this.paramCount = model.paramCount;
    this.n = initial.length / this.paramCount;
    this.params = initial;
    const memory = (this.memory = place?.memory ?? localMemory);
    this.from = place?.from ?? 0;
    this.to = place?.to ?? this.n;
    this.loss = memory.float64('loss', this.n);
    this.previousLoss = memory.float64('previousLoss', this.n);
    this.status = memory.uint8('status', this.n);
    this.reason = memory.uint8('reason', this.n);
    this.stoppedAt = memory.uint32('stoppedAt', this.n);
    // Arrays another thread made already hold their first values, and other blocks may be stepping.
    if (memory.fresh) {
      this.loss.fill(NaN);
      this.previousLoss.fill(Infinity);
      this.status.fill(Status.running);
    }
    this.stoppedIn = new Uint32Array(Math.ceil(this.n / blockSize));
    this.surfaceBlock = {
      p: initial,
      n: this.n,
      loss: this.loss,
      from: 0,
      to: 0,
      lr: 0,
      t: 0,
      spec: scenario.optimizer,
      s1: null,
      s2: null,
      s3: null,
      limit: Infinity,
    };
    this.settings = hotSettingsOf(scenario);
    this.configurePatience(scenario.stop);
    this.optimizer = new Optimizer(scenario.optimizer, initial.length, (key, length) => memory.float64(key, length));
    this.batcher = new Batcher(model.rows, scenario.batch, scenario.seed);
    this.startBatcher = this.batcher.snapshot();
  }

  /** Whether `restart` can rebuild the start (./snapshot.ts then keeps no copy of step 0). */
  get restartable(): boolean {
    return this.rebuildStart !== undefined;
  }

  /**
   * Back to step 0 exactly as built: the initial cloud made again from the scenario, the settings, state
   * and batch order it started with. Stepping on repeats the run bit for bit, like restoring a snapshot
   * of step 0, but nothing of the size of the cloud had to be kept for it.
   */
  restart(): void {
    if (!this.rebuildStart) throw new Error('restart: this descent was built without a way to rebuild its start');
    this.rebuildStart(this.params);
    this.step = 0;
    this.epoch = 0;
    this.converged = 0;
    this.diverged = 0;
    this.loss.fill(NaN);
    this.previousLoss.fill(Infinity);
    this.status.fill(Status.running);
    this.statusWrites++;
    this.reason.fill(0);
    this.stoppedAt.fill(0);
    this.stoppedBy.fill(0);
    this.stoppedIn.fill(0);
    this.settings = hotSettingsOf(this.scenario);
    this.best = this.wait = null;
    this.configurePatience(this.settings.stop);
    this.optimizer.configure(this.settings.optimizer);
    this.optimizer.resetState();
    this.batcher.restore(this.startBatcher);
  }

  get running(): number {
    return this.to - this.from - this.converged - this.diverged;
  }

  get batchesPerEpoch(): number {
    return this.batcher.batchesPerEpoch;
  }

  /** Records every applied update of particle `index` from now on. */
  traceParticle(index: number): void {
    this.traced = index;
  }

  /** The traced particle's applied updates so far (see traceParticle). */
  get trace(): TraceEntry[] {
    return this.traceEntries;
  }

  /** Changes hot settings; the next step uses them (a new batch size at the next epoch). */
  configure(changes: Partial<HotSettings>): void {
    // Without a tolerance the previous losses are not kept up (a step saves writing them): the loss of the
    // last step, which they would equal, stands in for them from the moment a tolerance is set. A particle
    // not yet stepped has loss NaN where it had +∞: both fail |L − previous| < t alike.
    if (changes.tolerance != null && this.settings.tolerance === null) this.previousLoss.set(this.loss);
    this.settings = { ...this.settings, ...changes };
    if (changes.optimizer) this.optimizer.configure(changes.optimizer);
    if (changes.batch) this.batcher.configure(changes.batch);
    if (changes.stop) this.configurePatience(changes.stop);
  }

  /**
   * Patience state kept while the rule is on: switched on (at the start or while playing), every particle
   * starts afresh (best +∞, no step waited), as Lightning's EarlyStopping does when it is created.
   */
  private configurePatience(stop: StopSpec): void {
    if (stop.patience === null) this.best = this.wait = null;
    else if (this.best === null) {
      this.best = this.memory.float64('best', this.n);
      this.wait = this.memory.uint32('wait', this.n);
      if (this.memory.fresh) this.best.fill(Infinity);
    }
  }

  get hotSettings(): Readonly<HotSettings> {
    return this.settings;
  }

  /** A copy of everything that determines the future of this run (./snapshot.ts). */
  snapshot(): DescentSnapshot {
    const { step, epoch, converged, diverged, settings } = this;
    return {
      step,
      epoch,
      converged,
      diverged,
      params: this.params.slice(),
      loss: this.loss.slice(),
      previousLoss: this.previousLoss.slice(),
      status: this.status.slice(),
      reason: this.reason.slice(),
      stoppedAt: this.stoppedAt.slice(),
      best: this.best?.slice() ?? null,
      wait: this.wait?.slice() ?? null,
      settings,
      optimizer: this.optimizer.snapshot(),
      batcher: this.batcher.snapshot(),
    };
  }

  /** Back to a snapshot of this same run: the steps that follow are bit-identical to those that followed it. */
  restore(snapshot: DescentSnapshot): void {
    if (snapshot.params.length !== this.params.length) throw new Error('restore: the snapshot is of another cloud');
    this.step = snapshot.step;
    this.epoch = snapshot.epoch;
    this.params.set(snapshot.params);
    this.loss.set(snapshot.loss);
    this.previousLoss.set(snapshot.previousLoss);
    this.status.set(snapshot.status);
    this.statusWrites++;
    this.reason.set(snapshot.reason);
    this.stoppedAt.set(snapshot.stoppedAt);
    // Into arrays of this descent's memory (shared, where threads step its blocks), not copies of its own.
    this.best = snapshot.best ? this.kept(this.best, () => this.memory.float64('best', this.n), snapshot.best) : null;
    this.wait = snapshot.wait ? this.kept(this.wait, () => this.memory.uint32('wait', this.n), snapshot.wait) : null;
    this.countStopped();
    this.settings = snapshot.settings;
    this.optimizer.restore(snapshot.optimizer);
    this.batcher.restore(snapshot.batcher);
  }

  /** `values` written into `into`, or into a new array of the memory when there is none of the size. */
  private kept<T extends Float64Array | Uint32Array>(into: T | null, make: () => T, values: T): T {
    const target = into && into.length === values.length ? into : make();
    target.set(values);
    return target;
  }

  /** What a descent stepping a block of this cloud must be told besides the shared arrays (./parallel/block-steps.ts). */
  leadState(): LeadState {
    return { step: this.step, epoch: this.epoch, settings: this.settings, batcher: this.batcher.snapshot(), statusWrites: this.statusWrites };
  }

  /**
   * A block's descent taking the state of the descent that leads the cloud: its step, epoch, settings and
   * batch order, and the arrays the lead may have made anew since (patience, optimizer state), taken again
   * by name from the memory. Nothing shared is written: other blocks may be stepping.
   */
  follow(lead: LeadState): void {
    this.settings = lead.settings;
    this.best = this.wait = null;
    this.configurePatience(lead.settings.stop);
    this.optimizer.follow(lead.settings.optimizer);
    this.standAt(lead);
    // Unless the lead wrote statuses since this block's last order, only this block's own steps changed its
    // particles, and its counts still hold.
    if (lead.statusWrites !== this.followedWrites) this.countStopped();
    this.followedWrites = lead.statusWrites;
  }

  /** This block's count of its stopped particles (./parallel/block-steps.ts). */
  stoppedCounts(): StoppedCounts {
    return { converged: this.converged, diverged: this.diverged, stoppedBy: [...this.stoppedBy], stoppedIn: this.stoppedIn.slice() };
  }

  /** The lead taking its blocks' ends and counts: the sums of the counts, instead of counting the whole cloud again. */
  adoptCounted(end: { step: number; epoch: number; batcher?: BatcherSnapshot }, counts: readonly StoppedCounts[]): void {
    this.standAt(end);
    this.converged = this.diverged = 0;
    this.stoppedBy.fill(0);
    this.stoppedIn.fill(0);
    for (const count of counts) {
      this.converged += count.converged;
      this.diverged += count.diverged;
      count.stoppedBy.forEach((k, reason) => (this.stoppedBy[reason] += k));
      for (let b = 0; b < this.stoppedIn.length; b++) this.stoppedIn[b] += count.stoppedIn[b];
    }
  }

  /** Every per-particle array of the cloud by the name its memory made it under (what threads must share). */
  get namedArrays(): Record<string, Float64Array | Uint8Array | Uint32Array> {
    const { params, loss, previousLoss, status, reason, stoppedAt, best, wait } = this;
    return { params, loss, previousLoss, status, reason, stoppedAt, ...(best && wait && { best, wait }), ...this.optimizer.arrays };
  }

  /**
   * One step of every running particle (CONTRACTS §1, "One step"). Returns false once none runs. The cloud
   * is walked in blocks of `blockSize` particles, each taken through the whole step (evaluate, check, clip,
   * update, check) while its arrays are still in the cache: every particle's step is independent of the
   * others', so the result is bit-identical to whole-cloud passes at a fraction of the memory traffic.
   */
  advance(): boolean {
    if (this.running === 0) return false;
    const { n, params, loss, status, paramCount, model, optimizer } = this;
    const { optimizer: spec, clip, freeze, tolerance, stop } = this.settings;
    const batch = this.batcher.advance();
    const t = ++this.step;
    const epoch = this.epoch;
    if (this.batcher.epochDone) this.epoch++;
    const lr = learningRate(spec.alpha, spec.schedule, t);
    const traced = this.traced >= 0 && status[this.traced] === Status.running ? this.traced : -1;
    // A surface with nothing to clip, freeze or compare: each particle evaluated and updated in one pass,
    // which stops those whose loss is not finite or blew up (the only rules that need no comparison).
    const compares = comparesLosses(tolerance, stop);
    const steppers = clip === null && freeze.length === 0 && !compares && stop.gradNorm === null ? model.steppers : undefined;
    const limit = divergenceLimit(stop);
    const fused = this.surfaceBlock;
    fused.lr = lr;
    fused.t = t;
    fused.limit = limit;

    // Blocks of `blockSize` particles counted from particle 0, cut to this descent's particles.
    for (let from = this.from; from < this.to; from = (Math.floor(from / blockSize) + 1) * blockSize) {
      const block = Math.floor(from / blockSize);
      const to = Math.min(this.to, (block + 1) * blockSize);
      // null: every particle of the block runs, so the loops below need not test each one's status.
      const active = this.stoppedIn[block] === 0 ? null : status;
      if (steppers && active === null && (traced < from || traced >= to)) {
        fused.from = from;
        fused.to = to;
        if (!optimizer.stepSurface(steppers, fused)) {
          // A loss blew up or a value came out NaN or ±∞: those particles stop here (one that did not move too).
          this.checkLosses(from, to, true);
          this.checkParams(from, to);
        }
        continue;
      }
      const grad = this.grad;
      const lossesFinite = model.evaluate(params, n, batch, loss, grad, active, from, to) === true;
      // With no rule to compare by, losses the model found finite for a block that all ran need no second look.
      if (!(lossesFinite && !compares && limit === Infinity && active === null)) this.checkLosses(from, to, active === null);
      let moving = this.stoppedIn[block] === 0 ? null : status;
      if (stop.gradNorm !== null) {
        // The gradient-norm rule reads the gradient after freezing and before clipping.
        adjustGradients(grad, n, paramCount, moving, freeze, null, from, to);
        this.checkGradients(stop.gradNorm, from, to);
        moving = this.stoppedIn[block] === 0 ? null : status;
        adjustGradients(grad, n, paramCount, moving, [], clip, from, to);
      } else adjustGradients(grad, n, paramCount, moving, freeze, clip, from, to);
      if (traced >= from && traced < to && status[traced] === Status.running) {
        this.traceEntries.push({ step: t, epoch, params: this.column(params, traced), loss: loss[traced], grad: this.column(grad, traced) });
      }
      // The optimizer sees every value it writes: only a block where one came out NaN or ±∞ is looked at.
      if (!optimizer.step(params, grad, n, moving, lr, t, from, to)) this.checkParams(from, to);
    }
    return this.running > 0;
  }

  /**
   * Step 5 for the loss, by the stop rules (./stopping.ts). With only the divergence tests on, a block whose
   * particles all ran is first checked in one tight pass.
   */
  private checkLosses(from: number, to: number, allRan: boolean): void {
    const { loss, previousLoss, status, best, wait } = this;
    const { tolerance, stop } = this.settings;
    if (!comparesLosses(tolerance, stop)) {
      const limit = divergenceLimit(stop);
      if (allRan && allBelow(loss, from, to, limit)) return;
      for (let i = from; i < to; i++) {
        if (status[i] !== Status.running) continue;
        // L − L is 0 exactly when L is finite (NaN and ±∞ give NaN): one subtraction instead of a call.
        const L = loss[i];
        if (L - L !== 0) this.stop(i, Reason.nonFinite);
        else if (L >= limit) this.stop(i, Reason.divergence);
      }
      return;
    }
    for (let i = from; i < to; i++) {
      if (status[i] !== Status.running) continue;
      const L = loss[i];
      const reason = lossStopReason(L, previousLoss[i], best ? best[i] : Infinity, wait ? wait[i] : 0, tolerance, stop);
      if (reason !== Reason.none) {
        this.stop(i, reason);
        continue;
      }
      if (tolerance !== null) previousLoss[i] = L;
      if (best !== null && wait !== null) {
        if (improves(L, best[i], stop.minDelta)) {
          best[i] = L;
          wait[i] = 0;
        } else wait[i]++;
      }
    }
  }

  /** The gradient-norm rule: a running particle whose ‖g‖ (frozen parts zeroed, not clipped) ≤ `limit` converges. */
  private checkGradients(limit: number, from: number, to: number): void {
    const { n, status, paramCount } = this;
    const grad = this.grad;
    for (let i = from; i < to; i++) {
      if (status[i] !== Status.running) continue;
      let squares = 0;
      for (let q = i; q < paramCount * n; q += n) squares += grad[q] * grad[q];
      if (Math.sqrt(squares) <= limit) this.stop(i, Reason.gradNorm);
    }
  }

  /** Step 5 for the parameters: a running particle with a parameter that is no longer finite diverges. */
  private checkParams(from: number, to: number): void {
    const { n, params, status, paramCount } = this;
    for (let i = from; i < to; i++) {
      if (status[i] !== Status.running) continue;
      for (let q = i; q < paramCount * n; q += n) {
        if (params[q] - params[q] !== 0) {
          this.stop(i, Reason.nonFinite);
          break;
        }
      }
    }
  }

  /** Counts the stopped particles of each block, and by reason, afresh (after the statuses were set wholesale). */
  /** Every count of stopped particles (by block, by reason, converged and diverged) read again from the statuses, in one pass. */
  private countStopped(): void {
    this.stoppedIn.fill(0);
    this.stoppedBy.fill(0);
    this.converged = this.diverged = 0;
    for (let i = this.from; i < this.to; i++) {
      const status = this.status[i];
      if (status === Status.running) continue;
      this.stoppedIn[Math.floor(i / blockSize)]++;
      this.stoppedBy[this.reason[i]]++;
      if (status === Status.converged) this.converged++;
      else this.diverged++;
    }
  }

  /** Stopped particles by reason (CONTRACTS §5 `reasons`). */
  get reasons(): ReasonCounts {
    const counts = noReasons();
    stopReasons.forEach((name, k) => (counts[name] = this.stoppedBy[k + 1]));
    return counts;
  }

  /** The name of particle i's reason for stopping, or null while it runs. */
  reasonOf(i: number): StopReason | null {
    return reasonNames[this.reason[i]];
  }

  /** Runs until `epochs` epochs are complete in all or no particle runs; `onProgress` sees each epoch end. */
  run(epochs: number, onProgress?: (epoch: number) => void): void {
    while (this.epoch < epochs && this.running > 0) {
      const before = this.epoch;
      this.advance();
      if (onProgress && this.epoch !== before) onProgress(this.epoch);
    }
  }

  /** Loss of every particle on the full data at its current parameters (non-finite for the diverged). */
  fullLoss(out: Float64Array = new Float64Array(this.n)): Float64Array {
    this.wholeData ??= fullBatch(this.model.rows);
    this.model.evaluate(this.params, this.n, this.wholeData, out, null, null, this.from, this.to);
    // A particle diverged because its loss overflowed (or a parameter did) on some batch; the whole data's
    // loss at its last place can still come out finite (linear regression's statistics average before they
    // square, where a sum of squares overflows). It is reported as it diverged: +∞.
    for (let i = this.from; i < this.to; i++) if (this.status[i] === Status.diverged && out[i] - out[i] === 0) out[i] = Infinity;
    return out;
  }

  /**
   * Takes the state that threads stepping this cloud's blocks left in its shared arrays (./parallel/): the
   * step and epoch where the run ended (and its batch order there, when given), its counts read again from the statuses and reasons.
   */
  adopt(end: { step: number; epoch: number; batcher?: BatcherSnapshot }): void {
    this.standAt(end);
    this.countStopped();
  }

  /** At the step and epoch where a run ended, with its batch order there when given. */
  private standAt(end: { step: number; epoch: number; batcher?: BatcherSnapshot }): void {
    this.step = end.step;
    this.epoch = end.epoch;
    if (end.batcher) this.batcher.restore(end.batcher);
  }

  /** Counts, and best and mean finite loss over the full data. */
  summary(losses: Float64Array = this.fullLoss()): Summary {
    let best = Infinity;
    let sum = 0;
    let finite = 0;
    for (const L of losses) {
      if (!Number.isFinite(L)) continue;
      finite++;
      sum += L;
      if (L < best) best = L;
    }
    return {
      count: this.n,
      converged: this.converged,
      diverged: this.diverged,
      running: this.running,
      bestLoss: finite ? best : null,
      meanLoss: finite ? sum / finite : null,
      reasons: this.reasons,
    };
  }

  /**
   * The gradient of each particle's last step through the separate passes (parameter-major, after freezing
   * and clipping). Made on first use: a surface stepped by its fused loops (./surface-steps.ts) never needs
   * one, which at a million particles is 16 MB not held. A run that later takes the separate passes (a clip
   * or a tolerance set while it plays) makes it then, and `bytes` grows by 8 bytes a parameter.
   */
  get grad(): Float64Array {
    return (this.gradient ??= new Float64Array(this.params.length));
  }

  /** Bytes held by the cloud: positions, gradients (once made), losses, statuses, reasons and optimizer state. */
  get bytes(): number {
    const arrays = [this.params, this.gradient, this.loss, this.previousLoss, this.status, this.reason, this.stoppedAt, this.best, this.wait];
    return arrays.reduce((sum, a) => sum + (a?.byteLength ?? 0), 0) + this.optimizer.stateBytes;
  }

  /** Parameters of particle i as a plain array. */
  particle(i: number): number[] {
    return this.column(this.params, i);
  }

  private column(values: Float64Array, i: number): number[] {
    const out = new Array<number>(this.paramCount);
    for (let j = 0; j < this.paramCount; j++) out[j] = values[j * this.n + i];
    return out;
  }

  private stop(i: number, reason: number): void {
    const status = statusOfReason(reason);
    this.status[i] = status;
    this.statusWrites++;
    this.reason[i] = reason;
    this.stoppedAt[i] = this.step;
    this.stoppedBy[reason]++;
    this.stoppedIn[Math.floor(i / blockSize)]++;
    if (status === Status.converged) this.converged++;
    else this.diverged++;
  }
}
