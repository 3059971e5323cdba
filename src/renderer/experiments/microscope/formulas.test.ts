/**
 * The microscope's formulas with numbers (issue 18, part 5), for steps taken apart by the real engine: each
 * printed new parameter equals the engine's own next parameter (from a separate `advance()`) to the digits shown.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../shared/scenario';
import { descentOf, scenarioOf } from '../../../engine/testing';
import { microscopeEvent } from '../../../trainer/microscope';
import { formulaDigits, formulaLines, formulaNumber, updateWriters } from './formulas';

/** One particle on the bowl (x−1)² + (y−2)², from (x0, y0). */
const bowl = (optimizer: ScenarioInput['optimizer'], x0 = 0.2, y0 = 0, extra: Partial<ScenarioInput> = {}): ScenarioInput => ({
  version: 1,
  name: 'formulas',
  model: { kind: 'surface', fn: 'bowl' },
  init: { points: [[x0, y0]] },
  optimizer,
  epochs: 50,
  tolerance: null,
  seed: 0,
  ...extra,
});

/** The formulas of step `steps + 1` and the engine's parameters after that step. */
async function stepAfter(input: ScenarioInput, steps: number) {
  const descent = await descentOf(input);
  for (let k = 0; k < steps; k++) descent.advance();
  const event = microscopeEvent(descent, 0, null, true);
  const scenario = scenarioOf(input);
  const lines = formulaLines(event, scenario.optimizer, scenario.freeze);
  descent.advance();
  const { params } = descent.snapshot();
  return { lines, engine: [params[0], params[1]] };
}

/** The number after the last "=" of the line that updates `name`, read back. */
function printedResult(lines: string[], name: string): number {
  const line = lines.find((l) => l.startsWith(`${name} ← `));
  if (!line) throw new Error(`no line for ${name} in\n${lines.join('\n')}`);
  return Number(line.split(' = ').at(-1)!.replace(/−/g, '-'));
}

const toShown = (value: number) => Number(value.toPrecision(formulaDigits));

describe('formulaNumber', () => {
  it('prints at most six significant digits with a real minus sign', () => {
    expect(formulaNumber(0.36000000000000004)).toBe('0.36');
    expect(formulaNumber(-1.6)).toBe('−1.6');
    expect(formulaNumber(1e-8)).toBe('1e−8');
    expect(formulaNumber(123456789)).toBe('123457000');
    expect(formulaNumber(Number.NaN)).toBe('nan');
  });
});

describe('formulaLines', () => {
  it('writes the issue’s example: one gradient-descent step on the bowl from x = 0.2 with γ = 0.1', async () => {
    // ∂/∂x (x−1)² = 2(0.2 − 1) = −1.6 (closed form), and 0.2 − 0.1·(−1.6) = 0.36.
    const { lines } = await stepAfter(bowl({ kind: 'gd', alpha: 0.1 }), 0);
    expect(lines).toEqual(['t = 1, γ = 0.1', 'g = ∇L(θ) = (−1.6, −4)', 'x ← 0.2 − 0.1·(−1.6) = 0.36', 'y ← 0 − 0.1·(−4) = 0.4']);
  });

  // Every optimizer of the table, a few steps in (so the state before is not zero), the new parameters read back.
  const optimizers: ScenarioInput['optimizer'][] = [
    { kind: 'gd', alpha: 0.1 },
    { kind: 'momentum', alpha: 0.05, beta: 0.9 },
    { kind: 'nesterov', alpha: 0.05, beta: 0.9 },
    { kind: 'adagrad', alpha: 0.3, eps: 1e-8 },
    { kind: 'rmsprop', alpha: 0.01, rho: 0.99, eps: 1e-8 },
    { kind: 'adam', alpha: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 },
  ];
  for (const optimizer of optimizers) {
    it(`prints ${optimizer.kind}’s new parameters as the engine computes them, to the digits shown`, async () => {
      const { lines, engine } = await stepAfter(bowl(optimizer, 0.2, -0.7), 3);
      expect(lines[0]).toMatch(/^t = 4, γ = /);
      expect(printedResult(lines, 'x')).toBe(toShown(engine[0]));
      expect(printedResult(lines, 'y')).toBe(toShown(engine[1]));
    });
  }

  it('has a writer for each of the six optimizers tested above', () => {
    expect(Object.keys(updateWriters)).toEqual(expect.arrayContaining(optimizers.map((o) => o.kind)));
  });

  it('writes Adam’s moments and bias corrections with the numbers of its first step', async () => {
    // Step 1 from (0.2, −0.7): g_x = −1.6; m = 0.1·(−1.6) = −0.16, v = 0.001·2.56 = 0.00256,
    // m̂ = −0.16/0.1 = −1.6, v̂ = 0.00256/0.001 = 2.56, so x ← 0.2 − 0.1·(−1.6)/(1.6 + 1e−8) ≈ 0.3 (by hand).
    const { lines } = await stepAfter(bowl({ kind: 'adam', alpha: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 }, 0.2, -0.7), 0);
    expect(lines).toContain('m ← β₁·m + (1 − β₁)·g = 0.9·0 + 0.1·(−1.6) = −0.16');
    expect(lines).toContain('v ← β₂·v + (1 − β₂)·g² = 0.999·0 + 0.001·(−1.6)² = 0.00256');
    expect(lines).toContain('m̂ ← m/(1 − β₁ᵗ) = (−0.16)/0.1 = −1.6');
    expect(lines).toContain('v̂ ← v/(1 − β₂ᵗ) = 0.00256/0.001 = 2.56');
    expect(lines).toContain('x ← 0.2 − 0.1·(−1.6)/(√2.56 + 1e−8) = 0.3');
  });

  it('writes the norm clip’s factor and the clipped gradient', async () => {
    // From (0.2, 0): g = (−1.6, −4), ‖g‖ = √18.56 = 4.30813…; a limit of 1 scales it by 1/4.30813 = 0.232119.
    const { lines, engine } = await stepAfter(bowl({ kind: 'gd', alpha: 0.1 }, 0.2, 0, { clip: { mode: 'norm', limit: 1 } }), 0);
    expect(lines[2]).toBe('g ← g·min(1, c/‖g‖) = g·0.232119 = (−0.371391, −0.928477)');
    expect(printedResult(lines, 'x')).toBe(toShown(engine[0]));
  });

  it('says so when the particle does not move', async () => {
    // On the bowl's minimum the gradient is 0: a gradient-norm rule of 1e-9 stops it before any update.
    const { lines } = await stepAfter(bowl({ kind: 'gd', alpha: 0.1 }, 1, 2, { stop: { gradNorm: 1e-9 } }), 0);
    expect(lines.at(-1)).toMatch(/^no update: the gradient norm 0 is at or below 1e-9/);
  });

  // Every option and rule of CONTRACTS §9, a few steps in (t = 4, so no state is zero), the new parameters read back.
  const options: ScenarioInput['optimizer'][] = [
    { kind: 'gd', alpha: 0.1, weightDecay: 0.5 },
    { kind: 'momentum', alpha: 0.05, beta: 0.9, dampening: 0.5, weightDecay: 0.1 },
    { kind: 'nesterov', alpha: 0.05, beta: 0.9, dampening: 0.3, weightDecay: 0.05 },
    { kind: 'rmsprop', alpha: 0.01, rho: 0.9, centered: true },
    { kind: 'rmsprop', alpha: 0.01, rho: 0.9, momentum: 0.8 },
    { kind: 'rmsprop', alpha: 0.01, rho: 0.9, momentum: 0.8, centered: true },
    { kind: 'adam', alpha: 0.1, weightDecay: 0.2, amsgrad: true },
    { kind: 'adamw', alpha: 0.1, weightDecay: 0.3 },
    { kind: 'nadam', alpha: 0.1 },
    { kind: 'radam', alpha: 0.1 },
    { kind: 'lion', alpha: 0.05 },
    { kind: 'lion', alpha: 0.05, weightDecay: 0.5 },
  ];
  for (const optimizer of options) {
    it(`prints ${JSON.stringify(optimizer)}’s new parameters as the engine computes them, to the digits shown`, async () => {
      const { lines, engine } = await stepAfter(bowl(optimizer, 0.2, -0.7), 3);
      expect(lines[0]).toMatch(/^t = 4, γ = /);
      expect(lines.join('\n')).not.toMatch(/no formula|nan/);
      expect(printedResult(lines, 'x')).toBe(toShown(engine[0]));
      expect(printedResult(lines, 'y')).toBe(toShown(engine[1]));
    });
  }

  it('prints RAdam’s rectified step (ρₜ > 5) as the engine computes it', async () => {
    // β₂ = 0.999: ρₜ = 1999 − 2t·0.999ᵗ/(1 − 0.999ᵗ) passes 5 at t = 7 (≈ 5.99); step 10 is rectified.
    const { lines, engine } = await stepAfter(bowl({ kind: 'radam', alpha: 0.1 }, 0.2, -0.7), 9);
    expect(lines.some((l) => l.startsWith('rₜ = '))).toBe(true);
    expect(lines.some((l) => l.startsWith('l ← √(1 − β₂ᵗ)/(√v + ε)'))).toBe(true);
    expect(printedResult(lines, 'x')).toBe(toShown(engine[0]));
    expect(printedResult(lines, 'y')).toBe(toShown(engine[1]));
  });

  it('writes weight decay into the gradient: one step of gd with λ = 0.5 from x = 0.2', async () => {
    // g = 2(0.2 − 1) + 0.5·0.2 = −1.5 (closed form), x ← 0.2 − 0.1·(−1.5) = 0.35.
    const { lines } = await stepAfter(bowl({ kind: 'gd', alpha: 0.1, weightDecay: 0.5 }), 0);
    expect(lines[0]).toBe('t = 1, γ = 0.1, λ = 0.5');
    expect(lines).toContain('g ← g + λ·x = −1.6 + 0.5·0.2 = −1.5');
    expect(lines).toContain('x ← 0.2 − 0.1·(−1.5) = 0.35');
  });

  it('writes dampening’s first step as PyTorch takes it (b ← g), then the damped buffer', async () => {
    // Step 1: b = g = −1.6; step 2 from x = 0.2 − 0.1·(−1.6) = 0.36: g = 2(0.36 − 1) = −1.28,
    // b = 0.9·(−1.6) + 0.5·(−1.28) = −2.08 (by hand), x ← 0.36 − 0.1·(−2.08) = 0.568.
    const first = await stepAfter(bowl({ kind: 'momentum', alpha: 0.1, beta: 0.9, dampening: 0.5 }), 0);
    expect(first.lines).toContain('b ← g (t = 1: PyTorch starts the buffer at g, undamped) = −1.6');
    const second = await stepAfter(bowl({ kind: 'momentum', alpha: 0.1, beta: 0.9, dampening: 0.5 }), 1);
    expect(second.lines).toContain('b ← μ·b + (1 − τ)·g = 0.9·(−1.6) + 0.5·(−1.28) = −2.08');
    expect(second.lines).toContain('x ← 0.36 − 0.1·(−2.08) = 0.568');
  });

  it('writes AMSGrad’s running maximum and uses it in v̂', async () => {
    // Step 1: v = 0.001·(−1.6)² = 0.00256, v_max = max(0, 0.00256); v̂ = 0.00256/0.001 = 2.56 (by hand).
    const { lines } = await stepAfter(bowl({ kind: 'adam', alpha: 0.1, amsgrad: true }, 0.2, -0.7), 0);
    expect(lines).toContain('v_max ← max(v_max, v) = max(0, 0.00256) = 0.00256');
    expect(lines).toContain('v̂ ← v_max/(1 − β₂ᵗ) = 0.00256/0.001 = 2.56');
  });

  it('writes AdamW’s decoupled decay before Adam’s step', async () => {
    // x′ = 0.2 − 0.1·0.01·0.2 = 0.1998; Adam's first step is −0.1·(−1.6)/(√2.56 + 1e−8) ≈ +0.1 (by hand): x ≈ 0.2998.
    const { lines } = await stepAfter(bowl({ kind: 'adamw', alpha: 0.1 }, 0.2, -0.7), 0);
    expect(lines[0]).toBe('t = 1, γ = 0.1, β₁ = 0.9, β₂ = 0.999, ε = 1e−8, λ = 0.01');
    expect(lines).toContain('x′ ← x − γ·λ·x = 0.2 − 0.1·0.01·0.2 = 0.1998');
    expect(lines).toContain('x ← 0.1998 − 0.1·(−1.6)/(√2.56 + 1e−8) = 0.2998');
  });

  it('writes RAdam’s first step unrectified: ρ₁ = 1999 − 2·0.999/0.001 = 1', async () => {
    // ρ∞ = 2/0.001 − 1 = 1999; ρ₁ = 1 ≤ 5, so x ← 0.2 − 0.1·m̂ with m̂ = −1.6: 0.36 (by hand).
    const { lines } = await stepAfter(bowl({ kind: 'radam', alpha: 0.1 }, 0.2, -0.7), 0);
    expect(lines[2]).toBe('ρ∞ = 2/(1 − β₂) − 1 = 1999, ρₜ = ρ∞ − 2t·β₂ᵗ/(1 − β₂ᵗ) = 1999 − 2·1·0.999/0.001 = 1');
    expect(lines).toContain('x ← 0.2 − 0.1·(−1.6) = 0.36');
  });

  it('writes NAdam’s μₜ and μₜ₊₁ once per step', async () => {
    // μ₁ = 0.9·(1 − ½·0.96^0.004) = 0.450073…, μ₂ = 0.9·(1 − ½·0.96^0.008) = 0.450147… (closed form).
    const { lines } = await stepAfter(bowl({ kind: 'nadam', alpha: 0.1 }, 0.2, -0.7), 0);
    expect(lines[2]).toBe(`μₜ = β₁·(1 − ½·0.96^(t·ψ)) = ${toShown(0.9 * (1 - 0.5 * 0.96 ** 0.004))}, μₜ₊₁ = ${toShown(0.9 * (1 - 0.5 * 0.96 ** 0.008))}`);
  });

  it('writes Lion’s interpolation, its sign step and then its momentum', async () => {
    // c = 0.9·0 + 0.1·(−1.6) = −0.16, sign −1: x ← 0.2 − 0.1·(−1) = 0.3; m = 0.99·0 + 0.01·(−1.6) = −0.016 (by hand).
    const { lines } = await stepAfter(bowl({ kind: 'lion', alpha: 0.1 }, 0.2, -0.7), 0);
    expect(lines.slice(2, 5)).toEqual([
      'c ← β₁·m + (1 − β₁)·g = 0.9·0 + 0.1·(−1.6) = −0.16',
      'x ← 0.2 − 0.1·sign(c) = 0.2 − 0.1·(−1) = 0.3',
      'm ← β₂·m + (1 − β₂)·g = 0.99·0 + 0.01·(−1.6) = −0.016',
    ]);
  });

  it('has a writer for every optimizer kind', () => {
    expect(Object.keys(updateWriters).sort()).toEqual(['adagrad', 'adam', 'adamw', 'gd', 'lion', 'momentum', 'nadam', 'nesterov', 'radam', 'rmsprop']);
  });
});
