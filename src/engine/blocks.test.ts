/**
 * A step walks the cloud in blocks (descent.ts) and skips tests where a block's particles all run: checked
 * here against an independent particle-by-particle implementation of CONTRACTS §1's step, bit for bit, on
 * clouds of several blocks where particles diverge and converge at different steps (so blocks mix running
 * and stopped particles).
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../shared/scenario';
import { defaultDivergence } from '../shared/stopping';
import { Status } from './descent';
import { partials, surfaces } from './surfaces';
import { descentOf } from './testing';

type Kind = 'gd' | 'momentum' | 'nesterov' | 'adagrad' | 'rmsprop' | 'adam';

/**
 * CONTRACTS §1 "One step" for Rosenbrock, one particle and one value at a time, each optimizer with its
 * defaults written out from the formula table (scenario.ts's defaults: β 0.9, adagrad ε 1e-10, rmsprop ρ
 * 0.99 and ε 1e-8, adam β₁ 0.9, β₂ 0.999, ε 1e-8) in the reference's operation order
 * (scripts/reference/reference.py).
 */
function reference(input: { x: Float64Array; y: Float64Array }, kind: Kind, alpha: number, tolerance: number | null, steps: number) {
  const n = input.x.length;
  const x = input.x.slice();
  const y = input.y.slice();
  const status = new Uint8Array(n).fill(Status.running);
  const previous = new Float64Array(n).fill(Infinity);
  const m = new Float64Array(2 * n);
  const v = new Float64Array(2 * n);
  for (let t = 1; t <= steps; t++) {
    for (let i = 0; i < n; i++) {
      if (status[i] !== Status.running) continue;
      const g = partials();
      const L = surfaces.rosenbrock.evaluate(x[i], y[i], g);
      // CONTRACTS §5: a loss that is not finite, or at or past the default divergence threshold, diverges.
      if (!Number.isFinite(L) || L >= defaultDivergence) {
        status[i] = Status.diverged;
        continue;
      }
      if (tolerance !== null && Math.abs(L - previous[i]) < tolerance) {
        status[i] = Status.converged;
        continue;
      }
      previous[i] = L;
      const values = [x, y];
      const gradient = [g.dx, g.dy];
      for (let j = 0; j < 2; j++) {
        const p = values[j];
        const gj = gradient[j];
        const q = j * n + i;
        if (kind === 'gd') p[i] = p[i] - alpha * gj;
        else if (kind === 'momentum') {
          m[q] = 0.9 * m[q] + gj;
          p[i] = p[i] - alpha * m[q];
        } else if (kind === 'nesterov') {
          m[q] = 0.9 * m[q] + gj;
          p[i] = p[i] - alpha * (gj + 0.9 * m[q]);
        } else if (kind === 'adagrad') {
          m[q] = m[q] + gj * gj;
          p[i] = p[i] - (alpha * gj) / (Math.sqrt(m[q]) + 1e-10);
        } else if (kind === 'rmsprop') {
          m[q] = 0.99 * m[q] + (1 - 0.99) * gj * gj;
          p[i] = p[i] - (alpha * gj) / (Math.sqrt(m[q]) + 1e-8);
        } else {
          m[q] = 0.9 * m[q] + (1 - 0.9) * gj;
          v[q] = 0.999 * v[q] + (1 - 0.999) * gj * gj;
          p[i] = p[i] - (alpha * (m[q] / (1 - Math.pow(0.9, t)))) / (Math.sqrt(v[q] / (1 - Math.pow(0.999, t))) + 1e-8);
        }
      }
      if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) status[i] = Status.diverged;
    }
  }
  return { x, y, status };
}

const bytes = (a: Float64Array | Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('stepping in blocks', () => {
  it.each([
    // A wide cloud on Rosenbrock with a large step: the far particles overflow and diverge, one by one.
    // Without a tolerance every block takes the fused step (Optimizer.stepKernel) until one of its particles stops.
    ['gd, some diverging', { kind: 'gd' as const, alpha: 0.004, tolerance: null, steps: 60 }],
    ['momentum, some diverging', { kind: 'momentum' as const, alpha: 0.0004, tolerance: null, steps: 60 }],
    ['nesterov, some diverging', { kind: 'nesterov' as const, alpha: 0.0004, tolerance: null, steps: 60 }],
    // The adaptive steps are bounded (about α a value), so these overflow only from the far starts (`far`).
    ['adagrad, some diverging', { kind: 'adagrad' as const, alpha: 0.5, tolerance: null, steps: 60, far: true }],
    ['rmsprop, some diverging', { kind: 'rmsprop' as const, alpha: 0.5, tolerance: null, steps: 60, far: true }],
    ['adam, some diverging', { kind: 'adam' as const, alpha: 0.5, tolerance: null, steps: 60, far: true }],
    // Adam with a tolerance (the separate passes): particles converge at scattered steps.
    ['adam, some converging', { kind: 'adam' as const, alpha: 0.05, tolerance: 1e-4, steps: 200 }],
  ])('%s: 5,000 particles (five blocks) match the particle-by-particle step bit for bit', async (_, c) => {
    const input: ScenarioInput = {
      version: 1,
      model: { kind: 'surface', fn: 'rosenbrock' },
      init: { dist: 'gaussian', mean: [0, 1], std: 3, count: 5000 },
      optimizer: { kind: c.kind, alpha: c.alpha },
      tolerance: c.tolerance,
      epochs: 100_000,
      seed: 8,
    };
    const d = await descentOf(input);
    const n = d.n;
    // Far starts: every 97th particle's x times 10⁷⁶, where Rosenbrock's 100·x⁴ is near overflow
    // (~1.8·10³⁰⁸), far past the divergence threshold. They stop on the first step, inside blocks of running
    // particles (the fused loop's fallback); the blocks then step with stopped particles among running ones
    // (the separate passes).
    if ('far' in c) for (let i = 0; i < n; i += 97) d.params[i] *= 1e76;
    const starts = { x: d.params.slice(0, n), y: d.params.slice(n) };
    const expected = reference(starts, c.kind, c.alpha, c.tolerance, c.steps);
    for (let k = 0; k < c.steps; k++) d.advance();
    expect(bytes(d.status).equals(bytes(expected.status))).toBe(true);
    expect(bytes(d.params.subarray(0, n)).equals(bytes(expected.x))).toBe(true);
    expect(bytes(d.params.subarray(n)).equals(bytes(expected.y))).toBe(true);
    // The case is the one described: stopped particles of both kinds mixed among running ones.
    const count = (s: number) => expected.status.filter((v) => v === s).length;
    expect(count(Status.running)).toBeGreaterThan(0);
    expect(count(c.tolerance === null ? Status.diverged : Status.converged)).toBeGreaterThan(0);
    expect([d.diverged, d.converged]).toEqual([count(Status.diverged), count(Status.converged)]);
    if ('far' in c) {
      // As the far starts are described: those that diverge do so on the first step.
      const first = reference(starts, c.kind, c.alpha, c.tolerance, 1).status.filter((v) => v === Status.diverged).length;
      expect(first).toBe(count(Status.diverged));
    }
  });
});
