/**
 * The optimizers' update rules (CONTRACTS §1 and §9: PyTorch's documented rules, and Lion), one row per optimizer: the one place their formulas are
 * written. `npm run generate` (scripts/generate-surface-steps.mjs) writes every kernel from this table:
 * each rule as a function of one value (./update-rules.generated.ts), the generic update loop of
 * Optimizer.step (same file) and the fused surface steps, shared and per named surface
 * (./surface-steps.generated.ts). A test fails when those files are not what the table gives now.
 *
 * To add an optimizer: give its kind and settings in the scenario schema (src/shared/scenario.ts), add its
 * row here (TypeScript then says if one is missing or names a setting the spec lacks), run `npm run
 * generate`, and add its tests (reference values from scripts/reference). Nothing else in the engine
 * changes: the loops, the state arrays and the per-surface steppers come from the row.
 *
 * A row is data, read by the generator as well as typed here; its expressions are JavaScript over these
 * names only (the generator rejects any other):
 * - `p` the parameter's value, `g` its gradient (after freezing and clipping), `lr` the step's learning rate;
 * - each name of `settings`, a field of the optimizer's spec, and `t` (steps taken, this one included), in
 *   `perStep` only;
 * - each name of `perStep`, computed once per step before the loop (1 − β, bias corrections), in order;
 * - in `rule`, each state array's value (read before its line assigns it: the old value; after: the new),
 *   and the rule's own temporaries. `Math.` functions are allowed everywhere, and ./update-steps.ts's
 *   `Steps.` functions in `perStep` (NAdam's running product of μ).
 * `rule` is the per-component update, one `name = expression` a line, in order: a state name stores its new
 * value in its array, another name is a temporary, and the last line, `p = …`, is the new value.
 *
 * Floating point: every expression is copied into the kernels as written, so write each operation in the
 * order of scripts/reference/reference.py (PyTorch's), which the fixtures pin to the last bit; `a * g * g`
 * is (a·g)·g, not a·(g·g).
 */
import type { OptimizerKind, OptimizerSpec } from '../shared/scenario';

type SpecOf<K extends OptimizerKind> = Extract<OptimizerSpec, { kind: K }>;
/** The settings a rule may read: its spec's fields but the ones every optimizer shares. */
type SettingOf<K extends OptimizerKind> = Exclude<keyof SpecOf<K>, 'kind' | 'alpha' | 'schedule'> & string;

/** One optimizer's row. */
export interface UpdateRule<K extends OptimizerKind> {
  /** The formula as CONTRACTS §1 writes it (the doc comment of its generated code). */
  formula: string;
  /** What the state arrays hold (the doc comment of the fused steps). */
  about: string;
  /** Its state arrays, in order: Optimizer's s1, s2, s3. */
  state: readonly [] | readonly [string] | readonly [string, string] | readonly [string, string, string];
  /** The spec's fields the rule reads. */
  settings: readonly SettingOf<K>[];
  /** Constants computed once per step, in order: name → expression of settings and t. */
  perStep: Readonly<Record<string, string>>;
  /** The per-component update, `name = expression` a line; the last assigns p. */
  rule: readonly string[];
}

/** Every optimizer kind of the scenario schema, with its rule. */
export const updateRules: { readonly [K in OptimizerKind]: UpdateRule<K> } = {
  gd: {
    formula: 'd = g + λ·p; p ← p − α·d.',
    about: 'Gradient descent (torch.optim.SGD without momentum), no state.',
    state: [],
    settings: ['weightDecay'],
    perStep: {},
    rule: ['d = g + weightDecay * p', 'p = p - lr * d'],
  },
  momentum: {
    formula: 'd = g + λ·p; v ← β·v + (1−τ)·d (v ← d at t = 1); p ← p − α·v.',
    about: 'Momentum (torch.optim.SGD), velocity in s1.',
    state: ['v'],
    settings: ['beta', 'weightDecay', 'dampening'],
    // PyTorch's buffer starts as the first gradient itself: from a zero state, β·0 + 1·d is exactly d.
    perStep: { damp: 't === 1 ? 1 : 1 - dampening' },
    rule: ['d = g + weightDecay * p', 'v = beta * v + damp * d', 'p = p - lr * v'],
  },
  nesterov: {
    formula: 'd = g + λ·p; v ← β·v + (1−τ)·d (v ← d at t = 1); p ← p − α·(d + β·v).',
    about: 'Nesterov momentum (torch.optim.SGD, nesterov), velocity in s1.',
    state: ['v'],
    settings: ['beta', 'weightDecay', 'dampening'],
    perStep: { damp: 't === 1 ? 1 : 1 - dampening' },
    rule: ['d = g + weightDecay * p', 'v = beta * v + damp * d', 'p = p - lr * (d + beta * v)'],
  },
  adagrad: {
    formula: 's ← s + g²; p ← p − α·g/(√s + ε).',
    about: 'Adagrad, sums of squares in s1.',
    state: ['s'],
    settings: ['eps'],
    perStep: {},
    rule: ['s = s + g * g', 'p = p - (lr * g) / (Math.sqrt(s) + eps)'],
  },
  rmsprop: {
    formula: 's ← ρ·s + (1−ρ)·g²; centred: a ← ρ·a + (1−ρ)·g, s̃ = s − a²; b ← μ·b + g/(√s̃ + ε), p ← p − α·b (μ = 0: p ← p − α·g/(√s̃ + ε)).',
    about: 'RMSprop (torch.optim.RMSprop), averages of squares in s1, of gradients in s2 (centred), momentum buffer in s3.',
    state: ['s', 'avg', 'buf'],
    settings: ['rho', 'eps', 'momentum', 'centered'],
    // Uncentred, s − 0·avg² is s exactly; without momentum the last line is the plain rule, as written before.
    perStep: { keep: '1 - rho', center: 'centered ? 1 : 0' },
    rule: [
      's = rho * s + keep * g * g',
      'avg = rho * avg + keep * g',
      'den = Math.sqrt(s - center * avg * avg) + eps',
      'buf = momentum * buf + g / den',
      'p = momentum > 0 ? p - lr * buf : p - (lr * g) / den',
    ],
  },
  adam: {
    formula: 'd = g + λ·p; m ← β₁·m + (1−β₁)·d; v ← β₂·v + (1−β₂)·d²; AMSGrad: w ← max(w, v), else w = v; p ← p − α·m̂/(√ŵ + ε), m̂ = m/(1−β₁ᵗ), ŵ = w/(1−β₂ᵗ).',
    about: 'Adam (torch.optim.Adam), moments in s1 and s2, the denominator’s v (its running maximum with AMSGrad) in s3.',
    state: ['m', 'v', 'w'],
    settings: ['beta1', 'beta2', 'eps', 'weightDecay'],
    perStep: {
      correction1: '1 - Math.pow(beta1, t)',
      correction2: '1 - Math.pow(beta2, t)',
      keep1: '1 - beta1',
      keep2: '1 - beta2',
    },
    // No test of amsgrad here: without it, w is v's own array (./optimizers.ts), so max(w, v) is max(v, v) = v,
    // the same bits. A branch on amsgrad (`ams > 0 ? Math.max(w, v) : v`) made V8's fused loops 7× slower
    // with the branch never taken (124 against 17.5 ms a step of a million particles on the bowl, 2026-12-06).
    rule: [
      'd = g + weightDecay * p',
      'm = beta1 * m + keep1 * d',
      'v = beta2 * v + keep2 * d * d',
      'w = Math.max(w, v)',
      'mhat = m / correction1',
      'vhat = w / correction2',
      'p = p - (lr * mhat) / (Math.sqrt(vhat) + eps)',
    ],
  },
  adamw: {
    formula: 'p ← p − α·λ·p; m ← β₁·m + (1−β₁)·g; v ← β₂·v + (1−β₂)·g²; p ← p − α·m̂/(√v̂ + ε).',
    about: 'AdamW (torch.optim.AdamW: decoupled weight decay), moments in s1 and s2.',
    state: ['m', 'v'],
    settings: ['beta1', 'beta2', 'eps', 'weightDecay'],
    perStep: { correction1: '1 - Math.pow(beta1, t)', correction2: '1 - Math.pow(beta2, t)', keep1: '1 - beta1', keep2: '1 - beta2' },
    rule: [
      'decayed = p - lr * weightDecay * p',
      'm = beta1 * m + keep1 * g',
      'v = beta2 * v + keep2 * g * g',
      'mhat = m / correction1',
      'vhat = v / correction2',
      'p = decayed - (lr * mhat) / (Math.sqrt(vhat) + eps)',
    ],
  },
  nadam: {
    formula: 'μₜ = β₁(1 − ½·0.96^(tψ)); m ← β₁·m + (1−β₁)·g; v ← β₂·v + (1−β₂)·g²; p ← p − α·(μₜ₊₁·m/(1 − Πᵢ≤ₜ₊₁ μᵢ) + (1−μₜ)·g/(1 − Πᵢ≤ₜ μᵢ))/(√v̂ + ε).',
    about: 'NAdam (torch.optim.NAdam), moments in s1 and s2.',
    state: ['m', 'v'],
    settings: ['beta1', 'beta2', 'eps', 'momentumDecay'],
    perStep: {
      mu: 'beta1 * (1 - 0.5 * Math.pow(0.96, t * momentumDecay))',
      muNext: 'beta1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * momentumDecay))',
      product: 'Steps.nadamMuProduct(beta1, momentumDecay, t)',
      productNext: 'product * muNext',
      momentumScale: 'muNext / (1 - productNext)',
      gradientScale: '(1 - mu) / (1 - product)',
      correction2: '1 - Math.pow(beta2, t)',
      keep1: '1 - beta1',
      keep2: '1 - beta2',
    },
    rule: [
      'm = beta1 * m + keep1 * g',
      'v = beta2 * v + keep2 * g * g',
      'mhat = momentumScale * m + gradientScale * g',
      'vhat = v / correction2',
      'p = p - (lr * mhat) / (Math.sqrt(vhat) + eps)',
    ],
  },
  radam: {
    formula: 'm ← β₁·m + (1−β₁)·g; v ← β₂·v + (1−β₂)·g²; ρₜ = ρ∞ − 2tβ₂ᵗ/(1−β₂ᵗ); ρₜ > 5: p ← p − α·m̂·rₜ·√(1−β₂ᵗ)/(√v + ε), else p ← p − α·m̂.',
    about: 'RAdam (torch.optim.RAdam), moments in s1 and s2.',
    state: ['m', 'v'],
    settings: ['beta1', 'beta2', 'eps'],
    perStep: {
      correction1: '1 - Math.pow(beta1, t)',
      power2: 'Math.pow(beta2, t)',
      correction2: '1 - power2',
      rhoInf: '2 / (1 - beta2) - 1',
      rhoT: 'rhoInf - (2 * t * power2) / correction2',
      rectified: 'rhoT > 5 ? 1 : 0',
      rect: 'rhoT > 5 ? Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT)) : 0',
      root2: 'Math.sqrt(correction2)',
      keep1: '1 - beta1',
      keep2: '1 - beta2',
    },
    rule: [
      'm = beta1 * m + keep1 * g',
      'v = beta2 * v + keep2 * g * g',
      'mhat = m / correction1',
      'adaptive = root2 / (Math.sqrt(v) + eps)',
      'p = rectified > 0 ? p - lr * mhat * rect * adaptive : p - lr * mhat',
    ],
  },
  lion: {
    formula: 'p ← p·(1 − α·λ); p ← p − α·sign(β₁·m + (1−β₁)·g); m ← β₂·m + (1−β₂)·g.',
    about: 'Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms"), momentum in s1.',
    state: ['m'],
    settings: ['beta1', 'beta2', 'weightDecay'],
    perStep: { keep1: '1 - beta1', keep2: '1 - beta2' },
    rule: ['c = beta1 * m + keep1 * g', 'm = beta2 * m + keep2 * g', 'p = p * (1 - lr * weightDecay) - lr * Math.sign(c)'],
  },
};
