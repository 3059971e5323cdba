/**
 * One run of a scenario: a cloud of particles stepped together, in place. The cloud is structure of
 * arrays (parameter-major Float64Arrays, a status byte per particle); a step allocates nothing unless a
 * trace is being recorded. A particle whose loss or parameters stop being finite is marked diverged and
 * simply stops: nothing throws.
 */
import type { BatchSpec, ClipSpec, OptimizerSpec, Scenario } from '../shared/scenario';
import { Batcher } from './batching';
import { adjustGradients } from './gradients';
import { fullBatch, type Batch, type Model } from './model';
import { Optimizer } from './optimizers';
import { learningRate } from './schedules';
import type { DescentSnapshot } from './snapshot';

export const Status = { running: 1, converged: 2, diverged: 3 } as const;
export type StatusName = 'running' | 'converged' | 'diverged';
export const statusNames: Record<number, StatusName> = { 1: 'running', 2: 'converged', 3: 'diverged' };

export interface Summary {
  count: number;
  converged: number;
  diverged: number;
  running: number;
  /** Over finite losses only; null when there is none. */
  bestLoss: number | null;
  meanLoss: number | null;
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

/** The settings that change a running descent without a reset (a "hot" change). */
export interface HotSettings {
  optimizer: OptimizerSpec;
  clip: ClipSpec;
  batch: BatchSpec;
  freeze: number[];
  tolerance: number | null;
}

export class Descent {
  readonly n: number;
  readonly paramCount: number;
  /** Parameter j of particle i at j·n + i. */
  readonly params: Float64Array;
  readonly grad: Float64Array;
  /** Loss of each particle on the last batch it was stepped on. */
  readonly loss: Float64Array;
  private readonly previousLoss: Float64Array;
  readonly status: Uint8Array;
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
  private wholeData: Batch | null = null;
  readonly trace: TraceEntry[] = [];

  constructor(readonly model: Model, readonly scenario: Scenario, initial: Float64Array) {
    this.paramCount = model.paramCount;
    this.n = initial.length / this.paramCount;
    this.params = initial;
    this.grad = new Float64Array(initial.length);
    this.loss = new Float64Array(this.n).fill(NaN);
    this.previousLoss = new Float64Array(this.n).fill(Infinity);
    this.status = new Uint8Array(this.n).fill(Status.running);
    const { optimizer, clip, batch, freeze, tolerance } = scenario;
    this.settings = { optimizer, clip, batch, freeze, tolerance };
    this.optimizer = new Optimizer(optimizer, initial.length);
    this.batcher = new Batcher(model.rows, batch, scenario.seed);
  }

  get running(): number {
    return this.n - this.converged - this.diverged;
  }

  get batchesPerEpoch(): number {
    return this.batcher.batchesPerEpoch;
  }

  /** Records every applied update of particle `index` from now on. */
  traceParticle(index: number): void {
    this.traced = index;
  }

  /** Changes hot settings; the next step uses them (a new batch size at the next epoch). */
  configure(changes: Partial<HotSettings>): void {
    this.settings = { ...this.settings, ...changes };
    if (changes.optimizer) this.optimizer.configure(changes.optimizer);
    if (changes.batch) this.batcher.configure(changes.batch);
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
    this.converged = snapshot.converged;
    this.diverged = snapshot.diverged;
    this.params.set(snapshot.params);
    this.loss.set(snapshot.loss);
    this.previousLoss.set(snapshot.previousLoss);
    this.status.set(snapshot.status);
    this.settings = snapshot.settings;
    this.optimizer.restore(snapshot.optimizer);
    this.batcher.restore(snapshot.batcher);
  }

  /** One step of every running particle (CONTRACTS §1, "One step"). Returns false once none runs. */
  advance(): boolean {
    if (this.running === 0) return false;
    const { n, params, grad, loss, previousLoss, status, paramCount } = this;
    const { optimizer: spec, clip, freeze, tolerance } = this.settings;
    const batch = this.batcher.advance();
    const t = ++this.step;
    const epoch = this.epoch;
    if (this.batcher.epochDone) this.epoch++;

    this.model.evaluate(params, n, batch, loss, grad, status);
    for (let i = 0; i < n; i++) {
      if (status[i] !== Status.running) continue;
      const L = loss[i];
      if (!Number.isFinite(L)) this.stop(i, Status.diverged);
      else if (tolerance !== null && Math.abs(L - previousLoss[i]) < tolerance) this.stop(i, Status.converged);
      else previousLoss[i] = L;
    }
    adjustGradients(grad, n, paramCount, status, freeze, clip);
    const traced = this.traced >= 0 && status[this.traced] === Status.running ? this.traced : -1;
    if (traced >= 0) this.trace.push({ step: t, epoch, params: this.column(params, traced), loss: loss[traced], grad: this.column(grad, traced) });
    this.optimizer.step(params, grad, n, status, learningRate(spec.alpha, spec.schedule, t), t);
    for (let i = 0; i < n; i++) {
      if (status[i] !== Status.running) continue;
      for (let j = 0; j < paramCount; j++) {
        if (!Number.isFinite(params[j * n + i])) {
          this.stop(i, Status.diverged);
          break;
        }
      }
    }
    return this.running > 0;
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
    this.model.evaluate(this.params, this.n, this.wholeData, out, null, null);
    return out;
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
    };
  }

  /** Bytes held by the cloud: positions, gradients, losses, status and optimizer state. */
  get bytes(): number {
    const arrays = [this.params, this.grad, this.loss, this.previousLoss, this.status];
    return arrays.reduce((sum, a) => sum + a.byteLength, 0) + this.optimizer.stateBytes;
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

  private stop(i: number, status: typeof Status.converged | typeof Status.diverged): void {
    this.status[i] = status;
    if (status === Status.converged) this.converged++;
    else this.diverged++;
  }
}
