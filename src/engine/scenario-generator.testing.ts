/**
 * Seeded generator of valid scenarios (CONTRACTS §1) for round-trip tests: every model kind, init kind (a
 * network's weight schemes too), every optimizer of the settings table with its own fields, and every
 * schedule, batch, clip, freeze and tolerance setting, with optional fields sometimes left out so that the
 * defaults are exercised too. Kept small (a few rows, a few particles) so that thousands of them validate in
 * a second. The same seed always gives the same scenarios.
 */
import { Random } from './random';
import { surfaceNames, weightSchemes } from '../shared/scenario';
import { optimizerChoices } from '../shared/settings';
import type { ScenarioInput } from '../shared/scenario';

/** Formulas the expression compiler accepts (x, y, numbers, operators, common functions). */
const formulas = [
  'x^2 + y^2',
  '(x - 1)^2 + 3 * (y + 2)^2',
  'sin(x) * cos(y) + 0.1 * (x^2 + y^2)',
  'exp(-x^2 - y^2) * -1 + 0.05 * x^2',
  'log(1 + x^2 + y^2)',
  'abs(x) + y^4 / 4',
];
const nameParts = ['bowl', 'ridge', 'Adam vs. SGD', 'ünïcödé', 'quote "here"', 'back\\slash', 'emoji 🧗', 'tab\there', '', 'line\nbreak'];

type Json = Record<string, unknown>;

export class ScenarioGenerator {
  private readonly random: Random;

  constructor(seed: number) {
    this.random = new Random(seed);
  }

  /** The next scenario, as a file might hold it (defaults sometimes left out). */
  next(): ScenarioInput {
    const kind = this.pick(['surface', 'surface-expr', 'linear', 'linear-generated', 'neuron', 'mlp'] as const);
    const s: Json = { version: 1 };
    if (this.chance(0.9)) s.name = this.name();
    let rows = 0;
    let paramCount = 2;
    if (kind === 'surface') s.model = { kind: 'surface', fn: this.pick(surfaceNames) };
    else if (kind === 'surface-expr') s.model = { kind: 'surface', expr: this.pick(formulas) };
    else if (kind === 'linear' || kind === 'linear-generated') {
      const bias = this.chance(0.5) ? undefined : this.chance(0.5);
      s.model = bias === undefined ? { kind: 'linear' } : { kind: 'linear', bias };
      const inputs = kind === 'linear-generated' ? 1 : this.integer(1, 3);
      rows = kind === 'linear-generated' ? this.integer(2, 40) : this.integer(1, 8);
      s.data = kind === 'linear-generated' ? this.line(rows) : { x: this.matrix(rows, inputs), y: this.chance(0.5) ? this.vector(rows) : this.matrix(rows, 1) };
      paramCount = inputs + (bias === false ? 0 : 1);
    } else if (kind === 'neuron') {
      s.model = { kind: 'neuron' };
      const inputs = this.integer(1, 3);
      const outputs = this.integer(1, 3);
      rows = this.integer(1, 6);
      s.data = { x: this.matrix(rows, inputs), y: outputs === 1 && this.chance(0.5) ? this.vector(rows) : this.matrix(rows, outputs) };
      paramCount = inputs * outputs;
    } else {
      const layers = Array.from({ length: this.integer(2, 4) }, () => this.integer(1, 4));
      const model: Json = { kind: 'mlp', layers };
      if (this.chance(0.7)) model.hidden = this.pick(['sigmoid', 'tanh', 'relu']);
      if (this.chance(0.7)) model.output = this.pick(['softmax', 'sigmoid', 'identity']);
      s.model = model;
      const outputs = layers[layers.length - 1];
      rows = this.integer(1, 6);
      s.data = { x: this.matrix(rows, layers[0]), y: outputs === 1 && this.chance(0.5) ? this.vector(rows) : this.matrix(rows, outputs) };
      paramCount = 0;
      for (let l = 0; l + 1 < layers.length; l++) paramCount += layers[l] * layers[l + 1] + layers[l + 1];
    }
    s.init = kind === 'mlp' && this.chance(0.4) ? this.weightScheme() : this.init(paramCount);
    s.optimizer = this.optimizer();
    if (this.chance(0.8)) s.batch = this.batch(rows);
    if (this.chance(0.7)) s.clip = this.pick([null, { mode: 'value', limit: this.positive(10) }, { mode: 'norm', limit: this.positive(10) }]);
    if (this.chance(0.6)) s.freeze = this.freeze(paramCount);
    if (this.chance(0.7)) s.tolerance = this.chance(0.3) ? null : this.chance(0.2) ? 0 : this.positive(1e-3);
    s.epochs = this.chance(0.1) ? 10_000_000 : this.integer(1, 5000);
    if (this.chance(0.8)) s.seed = this.pick([0, -1, 2 ** 31, this.integer(-1e9, 1e9)]);
    return s as ScenarioInput;
  }

  /** A network's torch.nn.init scheme (CONTRACTS §10), its gain and Kaiming's fan sometimes given. */
  private weightScheme(): Json {
    const dist = this.pick(weightSchemes);
    const w: Json = { dist, count: this.integer(1, 50) };
    if (dist !== 'torch-default' && this.chance(0.5)) w.gain = this.positive(3);
    if ((dist === 'kaiming-uniform' || dist === 'kaiming-normal') && this.chance(0.5)) w.mode = this.pick(['fan-in', 'fan-out']);
    return w;
  }

  private init(paramCount: number): Json {
    switch (this.pick(['points', 'gaussian', 'uniform', 'grid'] as const)) {
      case 'points':
        return { points: this.matrix(this.integer(1, 4), paramCount) };
      case 'gaussian':
        return {
          dist: 'gaussian',
          mean: this.vector(paramCount),
          std: this.chance(0.5) ? this.nonNegative(3) : Array.from({ length: paramCount }, () => this.nonNegative(3)),
          count: this.integer(1, 50),
        };
      case 'uniform': {
        const min = this.vector(paramCount);
        return { dist: 'uniform', min, max: min.map((lo) => lo + this.nonNegative(5)), count: this.integer(1, 50) };
      }
      case 'grid': {
        const min = this.vector(paramCount);
        // A grid needs count = side^paramCount: keep it small.
        let side = 1;
        while (Math.pow(side + 1, paramCount) <= 64 && this.chance(0.7)) side++;
        return { dist: 'grid', min, max: min.map((lo) => lo + this.nonNegative(5)), count: Math.pow(side, paramCount) };
      }
    }
  }

  private optimizer(): Json {
    const kind = this.pick(optimizerChoices.map((c) => c.value));
    const o: Json = { kind, alpha: this.positive(1) };
    const maybe = (key: string, value: () => unknown) => this.chance(0.6) && (o[key] = value());
    // Each rule's own fields (../shared/scenario.ts), each now and then left to its default.
    const beta = () => this.random.uniform() * 0.999; // [0, 1): the rules of CONTRACTS §9 take β = 0
    if (kind === 'momentum' || kind === 'nesterov') maybe('beta', () => this.fraction());
    if (kind === 'momentum' || kind === 'nesterov') maybe('dampening', () => this.random.uniform());
    if (kind === 'adagrad' || kind === 'rmsprop' || kind === 'adam' || kind === 'adamw' || kind === 'nadam' || kind === 'radam')
      maybe('eps', () => this.positive(1e-6));
    if (kind === 'gd' || kind === 'momentum' || kind === 'nesterov' || kind === 'adam' || kind === 'adamw' || kind === 'lion')
      maybe('weightDecay', () => this.nonNegative(0.1));
    if (kind === 'rmsprop') {
      maybe('rho', () => this.fraction());
      maybe('momentum', beta);
      maybe('centered', () => this.chance(0.5));
    }
    if (kind === 'adam') {
      maybe('beta1', () => this.fraction());
      maybe('beta2', () => this.fraction());
      maybe('amsgrad', () => this.chance(0.5));
    }
    if (kind === 'adamw' || kind === 'nadam' || kind === 'radam' || kind === 'lion') {
      maybe('beta1', beta);
      maybe('beta2', beta);
    }
    if (kind === 'nadam') maybe('momentumDecay', () => this.nonNegative(0.01));
    if (this.chance(0.5)) o.schedule = this.schedule();
    return o;
  }

  private schedule(): Json {
    const s: Json = { kind: this.pick(['constant', 'step', 'exponential', 'cosine'] as const) };
    if (s.kind === 'step') Object.assign(s, { every: this.integer(1, 1000), gamma: this.positive(1) });
    if (s.kind === 'exponential') s.gamma = 0.9 + this.positive(0.1);
    if (s.kind === 'cosine') {
      s.steps = this.integer(1, 10_000);
      if (this.chance(0.5)) s.min = this.nonNegative(1e-3);
    }
    if (this.chance(0.5)) s.warmup = this.integer(0, 100);
    return s;
  }

  private batch(rows: number): Json {
    const b: Json = {};
    if (rows > 0 && this.chance(0.7)) b.size = this.chance(0.3) ? null : this.integer(1, rows);
    else if (this.chance(0.3)) b.size = null;
    if (this.chance(0.5)) b.shuffle = this.chance(0.5);
    if (this.chance(0.5)) b.dropLast = this.chance(0.5);
    return b;
  }

  private freeze(paramCount: number): number[] {
    const out: number[] = [];
    const n = this.integer(0, Math.min(3, paramCount));
    for (let k = 0; k < n; k++) out.push(this.integer(0, paramCount - 1));
    return out;
  }

  private line(n: number): Json {
    const d: Json = { generate: 'line', n };
    if (this.chance(0.5)) d.xmin = this.number(10);
    if (this.chance(0.5)) d.xmax = this.number(200);
    if (this.chance(0.5)) d.slope = this.number(5);
    if (this.chance(0.5)) d.intercept = this.number(5);
    if (this.chance(0.5)) d.noise = this.nonNegative(20);
    return d;
  }

  private name(): string {
    const parts = Array.from({ length: this.integer(1, 3) }, () => this.pick(nameParts));
    return parts.join(' ');
  }

  private matrix(rows: number, cols: number): number[][] {
    return Array.from({ length: rows }, () => this.vector(cols));
  }

  private vector(n: number): number[] {
    return Array.from({ length: n }, () => this.number(10));
  }

  /** A full-precision double in (−scale, scale), now and then a round or extreme one; never −0. */
  private number(scale: number): number {
    const u = this.random.uniform();
    if (u < 0.05) return this.pick([0, 1, -1, 0.1, 1e-300, -1e300, Number.MIN_VALUE, Number.MAX_VALUE, 5e-324]);
    return (this.random.uniform() * 2 - 1) * scale + 0;
  }

  private positive(scale: number): number {
    return (1 - this.random.uniform()) * scale; // (0, scale]
  }

  private nonNegative(scale: number): number {
    return this.random.uniform() * scale;
  }

  /** Strictly inside (0, 1). */
  private fraction(): number {
    return 0.001 + this.random.uniform() * 0.998;
  }

  private integer(lo: number, hi: number): number {
    return lo + Math.floor(this.random.uniform() * (hi - lo + 1));
  }

  private chance(p: number): boolean {
    return this.random.uniform() < p;
  }

  private pick<T>(options: readonly T[]): T {
    return options[Math.floor(this.random.uniform() * options.length)];
  }
}

/** `count` valid scenarios from `seed`. */
export function generateScenarios(count: number, seed = 1): ScenarioInput[] {
  const generator = new ScenarioGenerator(seed);
  return Array.from({ length: count }, () => generator.next());
}
