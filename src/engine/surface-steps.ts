/**
 * One optimizer step of a block of particles of a surface (particles from ≤ i < to, which all run), fused
 * with its evaluation: each particle's loss, gradient and update in one pass over the cloud, with no
 * gradient array (at a million particles its 16 bytes a particle would be a third of the memory traffic).
 * A particle whose loss is not finite, or at or past the block's divergence limit, does not move, as the
 * separate passes would stop it before their update. Each returns whether every loss and new value is finite (v − v is 0 exactly then); when not, the
 * caller looks at each particle of the block. Bit-identical to Model.evaluate + Optimizer.step: the same
 * kernel and rules (./update-rules.ts) on the same values (./blocks.test.ts).
 *
 * Why one loop per optimizer and, for the named surfaces, per surface too: V8 keeps one call target per
 * call site and stops inlining a call once it has seen a second. A loop calling whatever kernel it was
 * handed ran about four times slower from the second surface a session visited (`npm run bench -- engine`,
 * "after all 8"). So each loop here calls its rule by name, and `npm run generate` stamps out a copy of
 * each for every named surface, calling that surface's kernel by name (./surface-steps.generated.ts): their
 * optimized code has kernel and rule inlined whatever else has run in the process. These generic loops,
 * handed the kernel, serve typed formulas (one shared kernel function, so one target for V8).
 */
import type { OptimizerKind, OptimizerSpec } from '../shared/scenario';
import { partials, type SurfaceKernel } from './surfaces';
import { adagradRule, adamRule, gdRule, momentumRule, nesterovRule, rmspropRule } from './update-rules';

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
  /** The optimizer's state arrays (Optimizer.s1, s2), null where its kind keeps none. */
  s1: Float64Array | null;
  s2: Float64Array | null;
  /** A loss at or past this stops the particle as diverged, unmoved (+∞: only a non-finite loss does). */
  limit: number;
}

export type SurfaceStepper = (block: SurfaceBlock) => boolean;
/** A surface's fused step for each optimizer, and its evaluation for the separate passes. */
export type SurfaceSteppers = Readonly<Record<OptimizerKind, SurfaceStepper>> & {
  readonly lossAndGradient: (block: SurfaceBlock, grad: Float64Array) => boolean;
  readonly loss: SurfaceStepper;
};

/** Each particle's loss alone into `loss` (a frame's full loss). Returns whether every loss is finite. */
export function lossSurfaceStep(f: SurfaceKernel, b: SurfaceBlock): boolean {
  const { p, n, loss, from, to } = b;
  let finite = true;
  for (let i = from; i < to; i++) {
    const L = (loss[i] = f(p[i], p[n + i], partials()));
    if (L - L !== 0) finite = false;
  }
  return finite;
}

/**
 * The separate passes' evaluation (Model.evaluate of a block that all runs): each particle's loss into
 * `loss` and gradient into `grad` (the cloud's layout). Returns whether every loss is finite.
 */
export function lossAndGradientSurfaceStep(f: SurfaceKernel, b: SurfaceBlock, grad: Float64Array): boolean {
  const { p, n, loss, from, to } = b;
  let finite = true;
  for (let i = from; i < to; i++) {
    const g = partials();
    const L = (loss[i] = f(p[i], p[n + i], g));
    if (L - L !== 0) finite = false;
    grad[i] = g.dx;
    grad[n + i] = g.dy;
  }
  return finite;
}

/** p ← p − α·g. */
export function gdSurfaceStep(f: SurfaceKernel, b: SurfaceBlock): boolean {
  const { p, n, loss, from, to, limit } = b;
  // A double made before the loop: V8 then unboxes the rate once, not at every particle that moves.
  const rate = b.lr * 1;
  let finite = true;
  for (let i = from; i < to; i++) {
    const x = p[i];
    const y = p[n + i];
    const g = partials();
    const L = (loss[i] = f(x, y, g));
    if (L - L !== 0 || L >= limit) {
      finite = false; // the caller marks it diverged; it does not move
      continue;
    }
    const nx = (p[i] = gdRule(x, g.dx, rate));
    const ny = (p[n + i] = gdRule(y, g.dy, rate));
    if (nx - nx !== 0 || ny - ny !== 0) finite = false;
  }
  return finite;
}

/** Momentum, velocity in s1. */
export function momentumSurfaceStep(f: SurfaceKernel, b: SurfaceBlock): boolean {
  const { p, n, loss, from, to, limit } = b;
  // A double made before the loop: V8 then unboxes the rate once, not at every particle that moves.
  const rate = b.lr * 1;
  const v = b.s1!;
  const { beta } = b.spec as Extract<OptimizerSpec, { kind: 'momentum' }>;
  let finite = true;
  for (let i = from; i < to; i++) {
    const x = p[i];
    const y = p[n + i];
    const g = partials();
    const L = (loss[i] = f(x, y, g));
    if (L - L !== 0 || L >= limit) {
      finite = false; // the caller marks it diverged; it does not move
      continue;
    }
    const nx = (p[i] = momentumRule(v, i, x, g.dx, rate, beta));
    const ny = (p[n + i] = momentumRule(v, n + i, y, g.dy, rate, beta));
    if (nx - nx !== 0 || ny - ny !== 0) finite = false;
  }
  return finite;
}

/** Nesterov momentum, velocity in s1. */
export function nesterovSurfaceStep(f: SurfaceKernel, b: SurfaceBlock): boolean {
  const { p, n, loss, from, to, limit } = b;
  // A double made before the loop: V8 then unboxes the rate once, not at every particle that moves.
  const rate = b.lr * 1;
  const v = b.s1!;
  const { beta } = b.spec as Extract<OptimizerSpec, { kind: 'nesterov' }>;
  let finite = true;
  for (let i = from; i < to; i++) {
    const x = p[i];
    const y = p[n + i];
    const g = partials();
    const L = (loss[i] = f(x, y, g));
    if (L - L !== 0 || L >= limit) {
      finite = false; // the caller marks it diverged; it does not move
      continue;
    }
    const nx = (p[i] = nesterovRule(v, i, x, g.dx, rate, beta));
    const ny = (p[n + i] = nesterovRule(v, n + i, y, g.dy, rate, beta));
    if (nx - nx !== 0 || ny - ny !== 0) finite = false;
  }
  return finite;
}

/** Adagrad, sums of squares in s1. */
export function adagradSurfaceStep(f: SurfaceKernel, b: SurfaceBlock): boolean {
  const { p, n, loss, from, to, limit } = b;
  // A double made before the loop: V8 then unboxes the rate once, not at every particle that moves.
  const rate = b.lr * 1;
  const s = b.s1!;
  const { eps } = b.spec as Extract<OptimizerSpec, { kind: 'adagrad' }>;
  let finite = true;
  for (let i = from; i < to; i++) {
    const x = p[i];
    const y = p[n + i];
    const g = partials();
    const L = (loss[i] = f(x, y, g));
    if (L - L !== 0 || L >= limit) {
      finite = false; // the caller marks it diverged; it does not move
      continue;
    }
    const nx = (p[i] = adagradRule(s, i, x, g.dx, rate, eps));
    const ny = (p[n + i] = adagradRule(s, n + i, y, g.dy, rate, eps));
    if (nx - nx !== 0 || ny - ny !== 0) finite = false;
  }
  return finite;
}

/** RMSprop, averages of squares in s1. */
export function rmspropSurfaceStep(f: SurfaceKernel, b: SurfaceBlock): boolean {
  const { p, n, loss, from, to, limit } = b;
  // A double made before the loop: V8 then unboxes the rate once, not at every particle that moves.
  const rate = b.lr * 1;
  const s = b.s1!;
  const { rho, eps } = b.spec as Extract<OptimizerSpec, { kind: 'rmsprop' }>;
  const keep = 1 - rho;
  let finite = true;
  for (let i = from; i < to; i++) {
    const x = p[i];
    const y = p[n + i];
    const g = partials();
    const L = (loss[i] = f(x, y, g));
    if (L - L !== 0 || L >= limit) {
      finite = false; // the caller marks it diverged; it does not move
      continue;
    }
    const nx = (p[i] = rmspropRule(s, i, x, g.dx, rate, rho, keep, eps));
    const ny = (p[n + i] = rmspropRule(s, n + i, y, g.dy, rate, rho, keep, eps));
    if (nx - nx !== 0 || ny - ny !== 0) finite = false;
  }
  return finite;
}

/** Adam, moments in s1 and s2. */
export function adamSurfaceStep(f: SurfaceKernel, b: SurfaceBlock): boolean {
  const { p, n, loss, from, to, limit } = b;
  // A double made before the loop: V8 then unboxes the rate once, not at every particle that moves.
  const rate = b.lr * 1;
  const m = b.s1!;
  const v = b.s2!;
  const { beta1, beta2, eps } = b.spec as Extract<OptimizerSpec, { kind: 'adam' }>;
  const correction1 = 1 - Math.pow(beta1, b.t);
  const correction2 = 1 - Math.pow(beta2, b.t);
  const keep1 = 1 - beta1;
  const keep2 = 1 - beta2;
  let finite = true;
  for (let i = from; i < to; i++) {
    const x = p[i];
    const y = p[n + i];
    const g = partials();
    const L = (loss[i] = f(x, y, g));
    if (L - L !== 0 || L >= limit) {
      finite = false; // the caller marks it diverged; it does not move
      continue;
    }
    const nx = (p[i] = adamRule(m, v, i, x, g.dx, rate, beta1, keep1, correction1, beta2, keep2, correction2, eps));
    const ny = (p[n + i] = adamRule(m, v, n + i, y, g.dy, rate, beta1, keep1, correction1, beta2, keep2, correction2, eps));
    if (nx - nx !== 0 || ny - ny !== 0) finite = false;
  }
  return finite;
}

/** Steppers for a typed formula's kernel (all formulas share these functions; V8 handles them as one target). */
export function formulaSteppers(f: SurfaceKernel): SurfaceSteppers {
  return {
    gd: (b) => gdSurfaceStep(f, b),
    momentum: (b) => momentumSurfaceStep(f, b),
    nesterov: (b) => nesterovSurfaceStep(f, b),
    adagrad: (b) => adagradSurfaceStep(f, b),
    rmsprop: (b) => rmspropSurfaceStep(f, b),
    adam: (b) => adamSurfaceStep(f, b),
    lossAndGradient: (b, grad) => lossAndGradientSurfaceStep(f, b, grad),
    loss: (b) => lossSurfaceStep(f, b),
  };
}

