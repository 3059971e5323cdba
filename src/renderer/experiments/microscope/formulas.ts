/**
 * The microscope's formulas with their numbers (issue 18, part 5): one step of one particle written as the
 * update rule with every number filled in, in the notation of PyTorch's torch.optim docs (γ the learning
 * rate, g the gradient, b the momentum buffer, m and v Adam's moments, m̂ and v̂ their bias-corrected values),
 * e.g. `x ← 0.2 − 0.1·(−1.6) = 0.36`. Every number is the engine's own, from the microscope event (the
 * state before the step is sent as vBefore, mBefore, sBefore, …), so each printed result is what the engine
 * computed, rounded to the digits shown; a number the event does not carry (a bias correction, NAdam's μₜ,
 * RAdam's ρₜ) is computed here in the engine's own operation order (../../../engine/update-rules.ts). One
 * writer per optimizer kind, with every option (weight decay, dampening, AMSGrad, RMSprop's momentum and
 * centring), in `updateWriters`: a new optimizer adds its row there. Pure: no DOM.
 */
import type { MicroscopeEvent } from '../../../shared/messages';
import type { OptimizerSpec } from '../../../shared/scenario';
import { Steps } from '../../../engine/update-steps';

/** Significant digits of every number shown (the results are the engine's, rounded to these). */
export const formulaDigits = 6;
/** Parameters written out, one block each; a larger model shows these and says how many more. */
export const maxFormulaParams = 8;

/** A number as the formulas print it: at most `digits` significant digits, a real minus sign. */
export function formulaNumber(value: number | undefined, digits = formulaDigits): string {
  if (value === undefined || Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const text = String(Number(value.toPrecision(digits)));
  return text.replace('e+', 'e').replace(/-/g, '−');
}

/** An operand after an operator: a negative one in parentheses, `0.1·(−1.6)`. */
function operand(value: number | undefined): string {
  const text = formulaNumber(value);
  return text.startsWith('−') ? `(${text})` : text;
}

/** One parameter's numbers at this step. */
export interface ParamStep {
  /** The parameter's name (x, y, w0 …), written in place of θ. */
  name: string;
  /** The parameter before the step, the gradient the optimizer is given (after freezing and clipping), and after. */
  theta: number;
  g: number;
  after: number;
  /** The learning rate γ (after any schedule) and the optimizer's step count t (from 1). */
  lr: number;
  t: number;
  /** The optimizer's state for this parameter, before and after, by the event's names (v, m, s, mHat, vHat, avg, buf, w). */
  before: Record<string, number | undefined>;
  state: Record<string, number | undefined>;
}

/** The lines of one parameter's update, for an optimizer of kind K. */
type Writer<K extends OptimizerSpec['kind']> = (spec: Extract<OptimizerSpec, { kind: K }>, p: ParamStep) => string[];
/** Every kind has its writer: TypeScript asks for one when an optimizer is added. */
type Writers = { [K in OptimizerSpec['kind']]: Writer<K> };
type Spec<K extends OptimizerSpec['kind']> = Extract<OptimizerSpec, { kind: K }>;

const n = formulaNumber;

/** The last line of every writer: the new parameter, θ ← θ − γ·(what the rule scales) = the engine's result. */
const thetaLine = (p: ParamStep, scaled: string, from = p.theta) => `${p.name} ← ${n(from)} − ${n(p.lr)}·${scaled} = ${n(p.after)}`;

/**
 * torch.optim's weight decay folded into the gradient, g ← g + λθ, written when λ > 0; returns the gradient
 * the rule goes on with, computed as the engine does (update-rules.ts: d = g + weightDecay·p).
 */
function decayedGradient(weightDecay: number, p: ParamStep, lines: string[]): number {
  if (weightDecay === 0) return p.g;
  const d = p.g + weightDecay * p.theta;
  lines.push(`g ← g + λ·${p.name} = ${n(p.g)} + ${n(weightDecay)}·${operand(p.theta)} = ${n(d)}`);
  return d;
}

/** SGD's momentum buffer: b ← μb + (1 − τ)g, except b ← g on the first step (PyTorch), as the engine steps it. */
function bufferLine(spec: Spec<'momentum'> | Spec<'nesterov'>, p: ParamStep, g: number): string {
  if (spec.dampening === 0) return `b ← μ·b + g = ${n(spec.beta)}·${operand(p.before.v)} + ${operand(g)} = ${n(p.state.v)}`;
  if (p.t === 1) return `b ← g (t = 1: PyTorch starts the buffer at g, undamped) = ${n(p.state.v)}`;
  return `b ← μ·b + (1 − τ)·g = ${n(spec.beta)}·${operand(p.before.v)} + ${n(1 - spec.dampening)}·${operand(g)} = ${n(p.state.v)}`;
}

/** Adam's two moments of the gradient g (Adam, AdamW, NAdam, RAdam). */
function momentLines(spec: { beta1: number; beta2: number }, p: ParamStep, g: number): string[] {
  return [
    `m ← β₁·m + (1 − β₁)·g = ${n(spec.beta1)}·${operand(p.before.m)} + ${n(1 - spec.beta1)}·${operand(g)} = ${n(p.state.m)}`,
    `v ← β₂·v + (1 − β₂)·g² = ${n(spec.beta2)}·${operand(p.before.v)} + ${n(1 - spec.beta2)}·${operand(g)}² = ${n(p.state.v)}`,
  ];
}

/** m̂ = m/(1 − β₁ᵗ) and v̂ = v/(1 − β₂ᵗ) (v: AMSGrad's maximum when it is on), and the step that uses them. */
function adamStep(spec: { beta1: number; beta2: number; eps: number }, p: ParamStep, v: number, vName: string, from = p.theta): string[] {
  // The engine's per-step constants (update-rules.ts), in its order; the own-rule path sends m̂ and v̂ itself.
  const correction1 = 1 - Math.pow(spec.beta1, p.t);
  const correction2 = 1 - Math.pow(spec.beta2, p.t);
  const mHat = p.state.mHat ?? p.state.m! / correction1;
  const vHat = p.state.vHat ?? v / correction2;
  return [
    `m̂ ← m/(1 − β₁ᵗ) = ${operand(p.state.m)}/${n(correction1)} = ${n(mHat)}`,
    `v̂ ← ${vName}/(1 − β₂ᵗ) = ${n(v)}/${n(correction2)} = ${n(vHat)}`,
    thetaLine(p, `${operand(mHat)}/(√${n(vHat)} + ${n(spec.eps)})`, from),
  ];
}

/** NAdam's μₜ, μₜ₊₁ and their running products, as update-rules.ts computes them once per step. */
function nadamConstants(spec: Spec<'nadam'>, t: number) {
  const mu = spec.beta1 * (1 - 0.5 * Math.pow(0.96, t * spec.momentumDecay));
  const muNext = spec.beta1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * spec.momentumDecay));
  const product = Steps.nadamMuProduct(spec.beta1, spec.momentumDecay, t);
  const productNext = product * muNext;
  return { mu, muNext, product, productNext, momentumScale: muNext / (1 - productNext), gradientScale: (1 - mu) / (1 - product) };
}

/** RAdam's ρ∞, ρₜ and rectification rₜ, as update-rules.ts computes them once per step. */
function radamConstants(spec: Spec<'radam'>, t: number) {
  const power2 = Math.pow(spec.beta2, t);
  const correction2 = 1 - power2;
  const rhoInf = 2 / (1 - spec.beta2) - 1;
  const rhoT = rhoInf - (2 * t * power2) / correction2;
  const rect = rhoT > 5 ? Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT)) : 0;
  return { power2, correction2, rhoInf, rhoT, rect };
}

/** The update rules of torch.optim's docs (and Lion's paper), with numbers; keyed by the scenario's optimizer kind. */
export const updateWriters: Writers = {
  // SGD: g_t ← g_t + λθ_{t−1} (λ > 0), θ_t ← θ_{t−1} − γ g_t
  gd: (spec, p) => {
    const lines: string[] = [];
    const g = decayedGradient(spec.weightDecay, p, lines);
    return [...lines, thetaLine(p, operand(g))];
  },
  // SGD with momentum μ, dampening τ: b_t ← μ b_{t−1} + (1 − τ) g_t (b_1 = g_1), θ_t ← θ_{t−1} − γ b_t
  momentum: (spec, p) => {
    const lines: string[] = [];
    const g = decayedGradient(spec.weightDecay, p, lines);
    return [...lines, bufferLine(spec, p, g), thetaLine(p, operand(p.state.v))];
  },
  // SGD with Nesterov: the buffer as above, then g_t ← g_t + μ b_t, θ_t ← θ_{t−1} − γ g_t
  nesterov: (spec, p) => {
    const lines: string[] = [];
    const g = decayedGradient(spec.weightDecay, p, lines);
    const look = g + spec.beta * p.state.v!; // the engine's own order (update-rules.ts): d + β·v
    return [...lines, bufferLine(spec, p, g), `g ← g + μ·b = ${n(g)} + ${n(spec.beta)}·${operand(p.state.v)} = ${n(look)}`, thetaLine(p, operand(look))];
  },
  // Adagrad (no lr decay): state_sum_t ← state_sum_{t−1} + g_t², θ_t ← θ_{t−1} − γ g_t / (√state_sum_t + ε)
  adagrad: (spec, p) => [
    `sum ← sum + g² = ${n(p.before.s)} + ${operand(p.g)}² = ${n(p.state.s)}`,
    thetaLine(p, `${operand(p.g)}/(√${n(p.state.s)} + ${n(spec.eps)})`),
  ],
  // RMSprop, smoothing α (the scenario's ρ): v_t ← α v + (1 − α) g²; centred: g^ave ← α g^ave + (1 − α) g,
  // ṽ = v − (g^ave)²; momentum μ > 0: b ← μ b + g/(√ṽ + ε), θ ← θ − γ b; else θ ← θ − γ g/(√ṽ + ε)
  rmsprop: (spec, p) => {
    const lines = [`v ← α·v + (1 − α)·g² = ${n(spec.rho)}·${operand(p.before.s)} + ${n(1 - spec.rho)}·${operand(p.g)}² = ${n(p.state.s)}`];
    let variance = p.state.s!;
    if (spec.centered) {
      lines.push(`g_avg ← α·g_avg + (1 − α)·g = ${n(spec.rho)}·${operand(p.before.avg)} + ${n(1 - spec.rho)}·${operand(p.g)} = ${n(p.state.avg)}`);
      variance = p.state.s! - 1 * p.state.avg! * p.state.avg!; // the engine's s − center·avg·avg, center = 1
      lines.push(`ṽ ← v − g_avg² = ${n(p.state.s)} − ${operand(p.state.avg)}² = ${n(variance)}`);
    }
    const root = `√${n(variance)} + ${n(spec.eps)}`;
    const v = spec.centered ? 'ṽ' : 'v';
    if (spec.momentum === 0) return [...lines, thetaLine(p, `${operand(p.g)}/(${root})`)];
    lines.push(`b ← μ·b + g/(√${v} + ε) = ${n(spec.momentum)}·${operand(p.before.buf)} + ${operand(p.g)}/(${root}) = ${n(p.state.buf)}`);
    return [...lines, thetaLine(p, operand(p.state.buf))];
  },
  // Adam: g ← g + λθ (λ > 0); m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g²; AMSGrad: v_max ← max(v_max, v);
  // m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ) (v_max with AMSGrad), θ ← θ − γ m̂/(√v̂ + ε)
  adam: (spec, p) => {
    const lines: string[] = [];
    const g = decayedGradient(spec.weightDecay, p, lines);
    lines.push(...momentLines(spec, p, g));
    if (!spec.amsgrad) return [...lines, ...adamStep(spec, p, p.state.v!, 'v')];
    lines.push(`v_max ← max(v_max, v) = max(${n(p.before.w)}, ${n(p.state.v)}) = ${n(p.state.w)}`);
    return [...lines, ...adamStep(spec, p, p.state.w!, 'v_max')];
  },
  // AdamW: θ ← θ − γλθ (decoupled), then Adam's step on the plain gradient
  adamw: (spec, p) => {
    const decayed = p.theta - p.lr * spec.weightDecay * p.theta; // the engine's order (update-rules.ts)
    const prime = `${p.name}′`;
    return [
      `${prime} ← ${p.name} − γ·λ·${p.name} = ${n(p.theta)} − ${n(p.lr)}·${n(spec.weightDecay)}·${operand(p.theta)} = ${n(decayed)}`,
      ...momentLines(spec, p, p.g),
      ...adamStep(spec, p, p.state.v!, 'v', decayed),
    ];
  },
  // NAdam: m̂ = μₜ₊₁m/(1 − Πᵢ₌₁ᵗ⁺¹μᵢ) + (1 − μₜ)g/(1 − Πᵢ₌₁ᵗμᵢ), v̂ = v/(1 − β₂ᵗ), θ ← θ − γ m̂/(√v̂ + ε)
  nadam: (spec, p) => {
    const c = nadamConstants(spec, p.t);
    const mHat = c.momentumScale * p.state.m! + c.gradientScale * p.g;
    const correction2 = 1 - Math.pow(spec.beta2, p.t);
    const vHat = p.state.v! / correction2;
    return [
      ...momentLines(spec, p, p.g),
      `m̂ ← μₜ₊₁·m/(1 − Πμᵢ,ᵢ≤ₜ₊₁) + (1 − μₜ)·g/(1 − Πμᵢ,ᵢ≤ₜ) = ${n(c.muNext)}·${operand(p.state.m)}/(1 − ${n(c.productNext)}) + ${n(1 - c.mu)}·${operand(p.g)}/(1 − ${n(c.product)}) = ${n(mHat)}`,
      `v̂ ← v/(1 − β₂ᵗ) = ${n(p.state.v)}/${n(correction2)} = ${n(vHat)}`,
      thetaLine(p, `${operand(mHat)}/(√${n(vHat)} + ${n(spec.eps)})`),
    ];
  },
  // RAdam: m̂ = m/(1 − β₁ᵗ); ρₜ > 5: l = √(1 − β₂ᵗ)/(√v + ε), θ ← θ − γ m̂ rₜ l; else θ ← θ − γ m̂
  radam: (spec, p) => {
    const c = radamConstants(spec, p.t);
    const correction1 = 1 - Math.pow(spec.beta1, p.t);
    const mHat = p.state.m! / correction1;
    const lines = [...momentLines(spec, p, p.g), `m̂ ← m/(1 − β₁ᵗ) = ${operand(p.state.m)}/${n(correction1)} = ${n(mHat)}`];
    if (!(c.rhoT > 5)) return [...lines, thetaLine(p, operand(mHat))];
    const root2 = Math.sqrt(c.correction2);
    const adaptive = root2 / (Math.sqrt(p.state.v!) + spec.eps);
    lines.push(`l ← √(1 − β₂ᵗ)/(√v + ε) = ${n(root2)}/(√${n(p.state.v)} + ${n(spec.eps)}) = ${n(adaptive)}`);
    return [...lines, thetaLine(p, `${operand(mHat)}·${n(c.rect)}·${n(adaptive)}`)];
  },
  // Lion: c ← β₁m + (1 − β₁)g; θ ← θ(1 − γλ) − γ·sign(c); m ← β₂m + (1 − β₂)g
  lion: (spec, p) => {
    const c = spec.beta1 * p.before.m! + (1 - spec.beta1) * p.g; // the engine's order (update-rules.ts)
    const sign = Math.sign(c);
    const step =
      spec.weightDecay === 0
        ? thetaLine(p, `sign(c) = ${n(p.theta)} − ${n(p.lr)}·${operand(sign)}`)
        : `${p.name} ← ${p.name}·(1 − γλ) − γ·sign(c) = ${n(p.theta)}·${n(1 - p.lr * spec.weightDecay)} − ${n(p.lr)}·${operand(sign)} = ${n(p.after)}`;
    return [
      `c ← β₁·m + (1 − β₁)·g = ${n(spec.beta1)}·${operand(p.before.m)} + ${n(1 - spec.beta1)}·${operand(p.g)} = ${n(c)}`,
      step,
      `m ← β₂·m + (1 − β₂)·g = ${n(spec.beta2)}·${operand(p.before.m)} + ${n(1 - spec.beta2)}·${operand(p.g)} = ${n(p.state.m)}`,
    ];
  },
};

/** The per-step constants of NAdam and RAdam, written once above the parameters' lines. */
function stepLines(spec: OptimizerSpec, t: number): string[] {
  if (spec.kind === 'nadam') {
    const c = nadamConstants(spec, t);
    return [`μₜ = β₁·(1 − ½·0.96^(t·ψ)) = ${n(c.mu)}, μₜ₊₁ = ${n(c.muNext)}`];
  }
  if (spec.kind === 'radam') {
    const c = radamConstants(spec, t);
    const rho = `ρ∞ = 2/(1 − β₂) − 1 = ${n(c.rhoInf)}, ρₜ = ρ∞ − 2t·β₂ᵗ/(1 − β₂ᵗ) = ${n(c.rhoInf)} − 2·${t}·${n(c.power2)}/${n(c.correction2)} = ${n(c.rhoT)}`;
    if (!(c.rhoT > 5)) return [rho, 'ρₜ ≤ 5: no adaptive term this step (θ ← θ − γ·m̂)'];
    return [rho, `rₜ = √((ρₜ − 4)(ρₜ − 2)ρ∞/((ρ∞ − 4)(ρ∞ − 2)ρₜ)) = ${n(c.rect)}`];
  }
  return [];
}

/** The hyperparameters line: γ and the optimizer's own, by PyTorch's names. */
function settingsLine(spec: OptimizerSpec, lr: number, t: number): string {
  const parts = [`t = ${t}`, `γ = ${n(lr)}`];
  if ('beta' in spec) parts.push(`μ = ${n(spec.beta)}`);
  if ('dampening' in spec && spec.dampening !== 0) parts.push(`τ = ${n(spec.dampening)}`);
  if ('rho' in spec) parts.push(`α = ρ = ${n(spec.rho)}`);
  if (spec.kind === 'rmsprop' && spec.momentum !== 0) parts.push(`μ = ${n(spec.momentum)}`);
  if ('beta1' in spec) parts.push(`β₁ = ${n(spec.beta1)}`, `β₂ = ${n(spec.beta2)}`);
  if ('eps' in spec) parts.push(`ε = ${n(spec.eps)}`);
  if ('weightDecay' in spec && (spec.weightDecay !== 0 || spec.kind === 'adamw')) parts.push(`λ = ${n(spec.weightDecay)}`);
  if ('momentumDecay' in spec) parts.push(`ψ = ${n(spec.momentumDecay)}`);
  return parts.join(', ');
}

/** The optimizer state the event may carry (engine/experiments/microscope.ts), each also as `<name>Before`. */
const stateNames = ['v', 'm', 's', 'mHat', 'vHat', 'avg', 'buf', 'w'] as const;

const vector = (values: ArrayLike<number>, count: number) => `(${Array.from({ length: count }, (_, j) => formulaNumber(values[j])).join(', ')})`;

/**
 * The step of the event's particle as formulas with numbers: the settings, the gradient (and what freezing
 * and clipping made of it), then each parameter's update. `spec` is the particle's optimizer (its group's, in
 * a race); `frozen` the frozen parameters' indices.
 */
export function formulaLines(event: MicroscopeEvent, spec: OptimizerSpec, frozen: readonly number[] = []): string[] {
  const v = event.vectors;
  const count = Math.min(event.paramNames.length, maxFormulaParams);
  const names = event.paramNames;
  const lines = [settingsLine(spec, event.lr ?? Number.NaN, event.step), `g = ∇L(θ) = ${vector(v.gradient, count)}`];
  const shown = frozen.filter((j) => j < count);
  if (shown.length) lines.push(`g ← 0 for frozen ${shown.map((j) => names[j]).join(', ')}`);
  if (event.clipScale !== null) lines.push(`g ← g·min(1, c/‖g‖) = g·${formulaNumber(event.clipScale)} = ${vector(v.adjusted, count)}`);
  else if (Array.from(v.adjusted).some((g, j) => g !== v.gradient[j] && !frozen.includes(j))) lines.push(`g ← clamp(g, −c, c) = ${vector(v.adjusted, count)}`);
  if (event.stopped !== null && Array.from(v.delta).every((d) => d === 0)) return [...lines, `no update: ${event.stopped}`];
  const writer = updateWriters[spec.kind] as Writer<OptimizerSpec['kind']>;
  lines.push(...stepLines(spec, event.step));
  const at = (name: string, j: number) => v[name]?.[j];
  for (let j = 0; j < count; j++) {
    const state = Object.fromEntries(stateNames.map((name) => [name, at(name, j)]));
    const before = Object.fromEntries(stateNames.map((name) => [name, at(`${name}Before`, j)]));
    const step: ParamStep = {
      name: names[j],
      theta: v.params[j],
      g: v.adjusted[j],
      after: v.after[j],
      lr: event.lr ?? Number.NaN,
      t: event.step,
      before,
      state,
    };
    lines.push(...writer(spec as never, step));
  }
  if (names.length > count) lines.push(`… and ${names.length - count} more parameters (the table shows them all)`);
  return lines;
}
