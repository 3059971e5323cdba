/**
 * The optimizers' formula table (CONTRACTS §1), one value at a time: the new value of a parameter that
 * is `pq` and has gradient `gq`, its state (slot q of the state arrays) updated on the way. The caller
 * stores the value: it holds `pq` already, so nothing is loaded twice. Written once here, used by the
 * optimizer's array loops and by its fused steps of a surface (./optimizers.ts), so both give the same
 * bits. Each rule is a plain module function with its constants as arguments: a direct call that V8
 * inlines, so a loop that calls one runs as if the formula were written in it.
 *
 * The operation order follows scripts/reference/reference.py (PyTorch's), so trajectories agree to
 * rounding; 1 − β and the bias corrections are computed once per step by the caller.
 */

/** p ← p − α·g. */
export function gdRule(pq: number, gq: number, lr: number): number {
  return pq - lr * gq;
}

/** v ← β·v + g; p ← p − α·v. */
export function momentumRule(v: Float64Array, q: number, pq: number, gq: number, lr: number, beta: number): number {
  const vq = (v[q] = beta * v[q] + gq);
  return pq - lr * vq;
}

/** v ← β·v + g; p ← p − α·(g + β·v). */
export function nesterovRule(v: Float64Array, q: number, pq: number, gq: number, lr: number, beta: number): number {
  const vq = (v[q] = beta * v[q] + gq);
  return pq - lr * (gq + beta * vq);
}

/** s ← s + g²; p ← p − α·g/(√s + ε). */
export function adagradRule(s: Float64Array, q: number, pq: number, gq: number, lr: number, eps: number): number {
  const sq = (s[q] = s[q] + gq * gq);
  return pq - (lr * gq) / (Math.sqrt(sq) + eps);
}

/** s ← ρ·s + (1−ρ)·g²; p ← p − α·g/(√s + ε); `keep` is 1 − ρ. */
export function rmspropRule(s: Float64Array, q: number, pq: number, gq: number, lr: number, rho: number, keep: number, eps: number): number {
  const sq = (s[q] = rho * s[q] + keep * gq * gq);
  return pq - (lr * gq) / (Math.sqrt(sq) + eps);
}

/** m ← β₁·m + (1−β₁)·g; v ← β₂·v + (1−β₂)·g²; p ← p − α·m̂/(√v̂ + ε). */
export function adamRule(m: Float64Array, v: Float64Array, q: number, pq: number, gq: number, lr: number, beta1: number, keep1: number, correction1: number, beta2: number, keep2: number, correction2: number, eps: number): number {
  const mhat = (m[q] = beta1 * m[q] + keep1 * gq) / correction1;
  const vhat = (v[q] = beta2 * v[q] + keep2 * gq * gq) / correction2;
  return pq - (lr * mhat) / (Math.sqrt(vhat) + eps);
}
