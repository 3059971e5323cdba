/**
 * The optimizers' update rules (CONTRACTS §1), one row per optimizer: the one place their formulas are
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
 *   and the rule's own temporaries. `Math.` functions are allowed everywhere.
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
  /** Its state arrays, in order: Optimizer's s1, then s2. */
  state: readonly [] | readonly [string] | readonly [string, string];
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
    formula: 'p ← p − α·g.',
    about: 'Plain gradient descent, no state.',
    state: [],
    settings: [],
    perStep: {},
    rule: ['p = p - lr * g'],
  },
  momentum: {
    formula: 'v ← β·v + g; p ← p − α·v.',
    about: 'Momentum, velocity in s1.',
    state: ['v'],
    settings: ['beta'],
    perStep: {},
    rule: ['v = beta * v + g', 'p = p - lr * v'],
  },
  nesterov: {
    formula: 'v ← β·v + g; p ← p − α·(g + β·v).',
    about: 'Nesterov momentum, velocity in s1.',
    state: ['v'],
    settings: ['beta'],
    perStep: {},
    rule: ['v = beta * v + g', 'p = p - lr * (g + beta * v)'],
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
    formula: 's ← ρ·s + (1−ρ)·g²; p ← p − α·g/(√s + ε).',
    about: 'RMSprop, averages of squares in s1.',
    state: ['s'],
    settings: ['rho', 'eps'],
    perStep: { keep: '1 - rho' },
    rule: ['s = rho * s + keep * g * g', 'p = p - (lr * g) / (Math.sqrt(s) + eps)'],
  },
  adam: {
    formula: 'm ← β₁·m + (1−β₁)·g; v ← β₂·v + (1−β₂)·g²; p ← p − α·m̂/(√v̂ + ε), m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ).',
    about: 'Adam, moments in s1 and s2.',
    state: ['m', 'v'],
    settings: ['beta1', 'beta2', 'eps'],
    perStep: { correction1: '1 - Math.pow(beta1, t)', correction2: '1 - Math.pow(beta2, t)', keep1: '1 - beta1', keep2: '1 - beta2' },
    rule: ['m = beta1 * m + keep1 * g', 'v = beta2 * v + keep2 * g * g', 'mhat = m / correction1', 'vhat = v / correction2', 'p = p - (lr * mhat) / (Math.sqrt(vhat) + eps)'],
  },
};
