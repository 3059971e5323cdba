/**
 * The floor for engine stepping: one hand-written loop per surface and optimizer over typed arrays of the
 * engine's layout (parameter j of particle i at j·n + i), doing the same arithmetic as a step (loss,
 * gradient, update of each running particle) and nothing else: no finiteness check, no tolerance test, no
 * gradient array, no second pass. Plain functions of their arrays, so the JIT knows no more about them
 * than about the engine. Adam's bias corrections are hoisted out of the loop as the engine's are.
 */

export interface FloorState {
  n: number;
  p: Float64Array;
  loss: Float64Array;
  status: Uint8Array;
  m: Float64Array;
  v: Float64Array;
  t: number;
}

export function floorState(params: Float64Array, n: number): FloorState {
  return { n, p: params.slice(), loss: new Float64Array(n), status: new Uint8Array(n).fill(1), m: new Float64Array(2 * n), v: new Float64Array(2 * n), t: 0 };
}

export function bowlGd(s: FloorState, lr: number): void {
  const { n, p, loss, status } = s;
  for (let i = 0; i < n; i++) {
    if (status[i] !== 1) continue;
    const x = p[i];
    const y = p[n + i];
    const a = x - 1;
    const b = y - 2;
    loss[i] = a * a + b * b;
    p[i] = x - lr * (2 * a);
    p[n + i] = y - lr * (2 * b);
  }
}

export function rosenbrockGd(s: FloorState, lr: number): void {
  const { n, p, loss, status } = s;
  for (let i = 0; i < n; i++) {
    if (status[i] !== 1) continue;
    const x = p[i];
    const y = p[n + i];
    const a = 1 - x;
    const b = y - x * x;
    loss[i] = a * a + 100 * b * b;
    p[i] = x - lr * (-2 * a - 400 * x * b);
    p[n + i] = y - lr * (200 * b);
  }
}

const beta1 = 0.9;
const beta2 = 0.999;
const eps = 1e-8;

export function bowlAdam(s: FloorState, lr: number): void {
  const { n, p, loss, status, m, v } = s;
  const t = ++s.t;
  const c1 = 1 - Math.pow(beta1, t);
  const c2 = 1 - Math.pow(beta2, t);
  for (let i = 0; i < n; i++) {
    if (status[i] !== 1) continue;
    const x = p[i];
    const y = p[n + i];
    const a = x - 1;
    const b = y - 2;
    loss[i] = a * a + b * b;
    const gx = 2 * a;
    const gy = 2 * b;
    const mx = (m[i] = beta1 * m[i] + (1 - beta1) * gx);
    const my = (m[n + i] = beta1 * m[n + i] + (1 - beta1) * gy);
    const vx = (v[i] = beta2 * v[i] + (1 - beta2) * gx * gx);
    const vy = (v[n + i] = beta2 * v[n + i] + (1 - beta2) * gy * gy);
    p[i] = x - (lr * (mx / c1)) / (Math.sqrt(vx / c2) + eps);
    p[n + i] = y - (lr * (my / c1)) / (Math.sqrt(vy / c2) + eps);
  }
}

export function rosenbrockAdam(s: FloorState, lr: number): void {
  const { n, p, loss, status, m, v } = s;
  const t = ++s.t;
  const c1 = 1 - Math.pow(beta1, t);
  const c2 = 1 - Math.pow(beta2, t);
  for (let i = 0; i < n; i++) {
    if (status[i] !== 1) continue;
    const x = p[i];
    const y = p[n + i];
    const a = 1 - x;
    const b = y - x * x;
    loss[i] = a * a + 100 * b * b;
    const gx = -2 * a - 400 * x * b;
    const gy = 200 * b;
    const mx = (m[i] = beta1 * m[i] + (1 - beta1) * gx);
    const my = (m[n + i] = beta1 * m[n + i] + (1 - beta1) * gy);
    const vx = (v[i] = beta2 * v[i] + (1 - beta2) * gx * gx);
    const vy = (v[n + i] = beta2 * v[n + i] + (1 - beta2) * gy * gy);
    p[i] = x - (lr * (mx / c1)) / (Math.sqrt(vx / c2) + eps);
    p[n + i] = y - (lr * (my / c1)) / (Math.sqrt(vy / c2) + eps);
  }
}

export const floors = {
  bowl: { gd: bowlGd, adam: bowlAdam },
  rosenbrock: { gd: rosenbrockGd, adam: rosenbrockAdam },
} as const;
