/**
 * One step under the microscope: the next step of one particle, taken apart. It replays that step from the
 * descent's own state (a snapshot: parameters, the optimizer's state arrays, the batcher's order and
 * generator) through the formulas of CONTRACTS §1, written here in the same operation order as
 * ../gradients.ts and ../optimizers.ts, so every piece equals what the engine then does, to the last bit.
 * It changes nothing: the caller steps the descent itself afterwards. Pure, no allocation worth naming.
 */
import type { ClipSpec, OptimizerSpec, StopSpec } from '../../shared/scenario';
import { Reason, reasonLabels, type StopReason } from '../../shared/stopping';
import { Batcher } from '../batching';
import { reasonNames, Status, statusNames, statusOfReason, type Descent, type StatusName } from '../descent';
import { lossStopReason } from '../stopping';
import { fullBatch } from '../model';
import { learningRate } from '../schedules';
import { updateRange } from '../update-rules.generated';
import { RaceDescent } from './race';

/** The optimizer's state for one particle, by the names of CONTRACTS §1. */
export interface OptimizerState {
  /** Velocity (momentum, nesterov). */
  v?: Float64Array;
  /** Adam's first and second moments, and their bias-corrected values. */
  m?: Float64Array;
  mHat?: Float64Array;
  vHat?: Float64Array;
  /** Sum (adagrad) or running average (rmsprop) of squared gradients. */
  s?: Float64Array;
  /** Centred RMSprop's running average of gradients (only when centred). */
  avg?: Float64Array;
  /** RMSprop's momentum buffer (only with momentum > 0). */
  buf?: Float64Array;
  /** AMSGrad's running maximum of Adam's v (only with amsgrad). */
  w?: Float64Array;
}

export interface StepDecomposition {
  particle: number;
  /** The optimizer's t for this step (counted from 1). */
  step: number;
  /** The epoch this step belongs to (counted from 0, as the notebook prints it). */
  epoch: number;
  statusBefore: StatusName;
  statusAfter: StatusName;
  /** The stop rule this step stops the particle by (CONTRACTS §5), or null. */
  reason: StopReason | null;
  /** Why the particle does not move, when it does not. */
  stopped: string | null;
  /** The batch's rows in the order used; null for a surface (no data). */
  rows: Int32Array | null;
  dataRows: number;
  paramNames: readonly string[];
  /** Parameters before the step. */
  params: Float64Array;
  /** Loss on the batch before the step. */
  loss: number;
  /** The model's gradient on the batch (the neuron's is the notebook's weight delta: CONTRACTS §1). */
  gradient: Float64Array;
  /** The gradient and loss on all the data, when the batch is only part of it; else null. */
  fullGradient: Float64Array | null;
  fullLoss: number | null;
  frozen: readonly number[];
  clip: ClipSpec;
  /** The norm clip's factor min(1, c/‖g‖); null for no clip or a value clip. */
  clipScale: number | null;
  /** The gradient after freezing and clipping: what the optimizer is given. */
  adjusted: Float64Array;
  optimizer: OptimizerSpec;
  /** The learning rate at this step (after any schedule). */
  lr: number;
  /** Adam's bias corrections 1 − β₁ᵗ and 1 − β₂ᵗ. */
  corrections: [number, number] | null;
  stateBefore: OptimizerState;
  stateAfter: OptimizerState;
  /** Δp = after − before, and the parameters after the step. */
  delta: Float64Array;
  after: Float64Array;
}

/**
 * The next step of particle `index` of `descent`, taken apart. Call it before `descent.advance()`: that
 * step then moves the particle to `after` and leaves the optimizer's state equal to `stateAfter`.
 */
export function decomposeStep(descent: Descent, index: number): StepDecomposition {
  if (!Number.isInteger(index) || index < 0 || index >= descent.n) throw new Error(`microscope: particle ${index} does not exist (the cloud has ${descent.n})`);
  // A race steps each group's own descent: the particle's state lives there.
  if (descent instanceof RaceDescent) {
    const { descent: group, index: local } = descent.locate(index);
    return { ...decomposeStep(group, local), particle: index };
  }
  const snapshot = descent.snapshot();
  const { model, n, paramCount } = descent;
  const { settings } = snapshot;
  const column = (values: Float64Array | null): Float64Array | null =>
    values ? Float64Array.from({ length: paramCount }, (_, j) => values[j * n + index]) : null;
  const params = column(snapshot.params)!;
  const step = snapshot.step + 1;
  const statusBefore = statusNames[snapshot.status[index]];

  // The batch the engine will take: a batcher of the same rows and seed, set to the descent's state.
  const batcher = new Batcher(model.rows, snapshot.batcher.spec, descent.scenario.seed);
  batcher.restore(snapshot.batcher);
  const batch = batcher.advance();
  const rows = model.rows > 0 ? batch.order.slice(batch.start, batch.end) : null;

  const loss = new Float64Array(1);
  const gradient = new Float64Array(paramCount);
  model.evaluate(params, 1, batch, loss, gradient, null);
  let fullGradient: Float64Array | null = null;
  let fullLoss: number | null = null;
  if (model.rows > 0 && batch.end - batch.start < model.rows) {
    const whole = new Float64Array(1);
    fullGradient = new Float64Array(paramCount);
    model.evaluate(params, 1, fullBatch(model.rows), whole, fullGradient, null);
    fullLoss = whole[0];
  }

  const optimizer = snapshot.optimizer.spec;
  const stateBefore = stateOf(optimizer, column(snapshot.optimizer.s1), column(snapshot.optimizer.s2), column(snapshot.optimizer.s3 ?? null));
  // The rules and options issue 18 added are stepped by the engine's own generated loop on this particle's
  // state (so they agree to the bit by construction); their state is shown by the names the table gives it.
  const generic = ownRule(optimizer) ? null : [column(snapshot.optimizer.s1), column(snapshot.optimizer.s2), column(snapshot.optimizer.s3 ?? null)];
  const adjusted = gradient.slice();
  const { clip, freeze, tolerance, stop } = settings;
  const L = loss[0];
  let reason: number = Reason.none;
  let stopped: string | null = null;
  if (snapshot.status[index] !== Status.running) {
    stopped = `the particle has ${statusBefore} (${reasonLabels[reasonNames[snapshot.reason[index]]!]}) and no longer moves`;
  } else reason = lossStopReason(L, snapshot.previousLoss[index], snapshot.best?.[index] ?? Infinity, snapshot.wait?.[index] ?? 0, tolerance, stop);

  // Step 3 of CONTRACTS §1, as ../gradients.ts: frozen components first, then the clip. The gradient-norm
  // rule reads the gradient in between, as the descent does.
  for (const j of freeze) adjusted[j] = 0;
  let squares = 0;
  for (let j = 0; j < paramCount; j++) squares += adjusted[j] * adjusted[j];
  const norm = Math.sqrt(squares);
  if (stopped === null && reason === Reason.none && stop.gradNorm !== null && norm <= stop.gradNorm) reason = Reason.gradNorm;
  let clipScale: number | null = null;
  if (clip && clip.mode === 'value') for (let j = 0; j < paramCount; j++) adjusted[j] = Math.min(Math.max(adjusted[j], -clip.limit), clip.limit);
  else if (clip) {
    clipScale = norm === 0 ? 1 : Math.min(1, clip.limit / norm);
    if (norm !== 0) for (let j = 0; j < paramCount; j++) adjusted[j] = adjusted[j] * clipScale;
  }

  const lr = learningRate(settings.optimizer.alpha, settings.optimizer.schedule, step);
  const after = params.slice();
  const stateAfter = copyState(stateBefore);
  let corrections: [number, number] | null = null;
  if (optimizer.kind === 'adam') corrections = [1 - Math.pow(optimizer.beta1, step), 1 - Math.pow(optimizer.beta2, step)];
  let statusAfter = statusBefore;
  if (reason !== Reason.none) {
    stopped = whyItStops(reason, L, norm, tolerance, stop);
    statusAfter = statusNames[statusOfReason(reason)];
  } else if (stopped === null) {
    if (generic) {
      updateRange(optimizer, generic[0], generic[1], generic[2], after, adjusted, 0, paramCount, lr, step);
      Object.assign(stateAfter, stateOf(optimizer, generic[0], generic[1], generic[2]));
    } else applyUpdate(optimizer, after, adjusted, stateAfter, lr, corrections);
    if (after.some((p) => !Number.isFinite(p))) {
      reason = Reason.nonFinite;
      statusAfter = 'diverged';
      stopped = 'a parameter is no longer finite after this step: the particle diverges';
    }
  }
  const delta = Float64Array.from(after, (p, j) => p - params[j]);
  return {
    particle: index,
    step,
    epoch: snapshot.epoch,
    statusBefore,
    statusAfter,
    reason: reasonNames[reason],
    stopped,
    rows,
    dataRows: model.rows,
    paramNames: model.paramNames,
    params,
    loss: L,
    gradient,
    fullGradient,
    fullLoss,
    frozen: freeze,
    clip,
    clipScale,
    adjusted,
    optimizer,
    lr,
    corrections,
    stateBefore,
    stateAfter,
    delta,
    after,
  };
}

/** The sentence the microscope prints for a particle that stops on this step. */
function whyItStops(reason: number, L: number, norm: number, tolerance: number | null, stop: StopSpec): string {
  switch (reason) {
    case Reason.nonFinite:
      return 'the loss is not finite: the particle diverges';
    case Reason.divergence:
      return `the loss ${L} is at or past the divergence threshold ${stop.divergence}: the particle diverges`;
    case Reason.tolerance:
      return `the loss changed by less than the tolerance ${tolerance}: the particle converges here`;
    case Reason.belowLoss:
      return `the loss ${L} is at or below the target ${stop.belowLoss}: the particle converges here`;
    case Reason.gradNorm:
      return `the gradient norm ${norm} is at or below ${stop.gradNorm}: the particle converges here`;
    default:
      return `the best loss has not improved by more than ${stop.minDelta} in ${stop.patience} steps: the particle has stalled (converged)`;
  }
}

/** Whether the microscope's own table below covers the optimizer with these settings (CONTRACTS §1's rules). */
function ownRule(spec: OptimizerSpec): boolean {
  switch (spec.kind) {
    case 'gd':
      return spec.weightDecay === 0;
    case 'momentum':
    case 'nesterov':
      return spec.weightDecay === 0 && spec.dampening === 0;
    case 'adagrad':
      return true;
    case 'rmsprop':
      return spec.momentum === 0 && !spec.centered;
    case 'adam':
      return spec.weightDecay === 0 && !spec.amsgrad;
    default:
      return false;
  }
}

/**
 * The state arrays by the names of ../update-rules.ts. RMSprop's average and buffer and AMSGrad's maximum are
 * named only when their option is on: the plain rules (applyUpdate) leave them unstepped, and the formulas read them.
 */
function stateOf(spec: OptimizerSpec, s1: Float64Array | null, s2: Float64Array | null, s3: Float64Array | null): OptimizerState {
  switch (spec.kind) {
    case 'lion':
      return { m: s1!.slice() };
    case 'adamw':
    case 'nadam':
    case 'radam':
      return { m: s1!.slice(), v: s2!.slice() };
    case 'gd':
      return {};
    case 'momentum':
    case 'nesterov':
      return { v: s1! };
    case 'adagrad':
      return { s: s1! };
    case 'rmsprop':
      return { s: s1!, ...(spec.centered && { avg: s2! }), ...(spec.momentum > 0 && { buf: s3! }) };
    case 'adam':
      return { m: s1!, v: s2!, ...(spec.amsgrad && { w: s3! }) };
  }
}

function copyState(state: OptimizerState): OptimizerState {
  return Object.fromEntries(Object.entries(state).map(([key, value]) => [key, (value as Float64Array).slice()]));
}

/** The optimizer table of CONTRACTS §1 for one particle, in ../optimizers.ts's operation order. */
function applyUpdate(spec: OptimizerSpec, p: Float64Array, g: Float64Array, state: OptimizerState, lr: number, corrections: [number, number] | null): void {
  const count = p.length;
  switch (spec.kind) {
    case 'gd':
      for (let q = 0; q < count; q++) p[q] = p[q] - lr * g[q];
      return;
    case 'momentum': {
      const v = state.v!;
      for (let q = 0; q < count; q++) {
        v[q] = spec.beta * v[q] + g[q];
        p[q] = p[q] - lr * v[q];
      }
      return;
    }
    case 'nesterov': {
      const v = state.v!;
      for (let q = 0; q < count; q++) {
        v[q] = spec.beta * v[q] + g[q];
        p[q] = p[q] - lr * (g[q] + spec.beta * v[q]);
      }
      return;
    }
    case 'adagrad': {
      const s = state.s!;
      for (let q = 0; q < count; q++) {
        s[q] = s[q] + g[q] * g[q];
        p[q] = p[q] - (lr * g[q]) / (Math.sqrt(s[q]) + spec.eps);
      }
      return;
    }
    case 'rmsprop': {
      const s = state.s!;
      for (let q = 0; q < count; q++) {
        s[q] = spec.rho * s[q] + (1 - spec.rho) * g[q] * g[q];
        p[q] = p[q] - (lr * g[q]) / (Math.sqrt(s[q]) + spec.eps);
      }
      return;
    }
    case 'adam': {
      const m = state.m!;
      const v = state.v!;
      const [correction1, correction2] = corrections!;
      const mHat = (state.mHat = new Float64Array(count));
      const vHat = (state.vHat = new Float64Array(count));
      for (let q = 0; q < count; q++) {
        m[q] = spec.beta1 * m[q] + (1 - spec.beta1) * g[q];
        v[q] = spec.beta2 * v[q] + (1 - spec.beta2) * g[q] * g[q];
        mHat[q] = m[q] / correction1;
        vHat[q] = v[q] / correction2;
        p[q] = p[q] - (lr * mHat[q]) / (Math.sqrt(vHat[q]) + spec.eps);
      }
      return;
    }
  }
}
