/**
 * Issue 16's speed goals, measured in one run: a cloud of [2,16,16,1] networks (tanh, sigmoid output,
 * squared error; 337 parameters) × 500 particles × 200 rows stepped by the engine (src/engine/models/mlp-cloud.ts)
 * against a plain hand-written loop that takes one particle at a time through the same maths (goal: the
 * cloud ≥ 1.5× as fast, on one thread), and the time of a 51 × 51 filter-normalised landscape of one of
 * those nets on the same 200 rows (src/engine/experiments/landscape.ts; goal: under a second).
 */
import type { Descent } from '../engine/descent';
import { startLandscape } from '../engine/experiments/landscape';
import { Random } from '../engine/random';
import type { ScenarioInput } from '../shared/scenario';
import { inChild, registerTask } from './child';
import type { ModuleSection } from './section';
import { formatCell } from './table';
import { benchDescent, cpuSeconds, fastest } from './timing';

const layers = [2, 16, 16, 1];
const rows = 200;
const particles = 500;
const alpha = 0.1;

/** 200 points of the plane, labelled 1 inside the unit circle (the Playground's "circle", without noise). */
function data() {
  const random = new Random(16);
  const x = Array.from({ length: rows }, () => [4 * random.uniform() - 2, 4 * random.uniform() - 2]);
  return { x, y: x.map(([a, b]) => [a * a + b * b < 1 ? 1 : 0]) };
}

function scenario(): ScenarioInput {
  return {
    version: 1,
    model: { kind: 'mlp', layers, hidden: 'tanh', output: 'sigmoid' },
    data: data(),
    init: { dist: 'gaussian', mean: Array<number>(337).fill(0), std: 0.5, count: particles },
    optimizer: { kind: 'gd', alpha },
    epochs: 1_000_000,
  };
}

/**
 * The contender: each particle in turn, its parameters copied out of the cloud into one contiguous vector,
 * every row forward and backward through the layers by the textbook loops, the gradient averaged, one step
 * of gradient descent, and the parameters written back. Scratch is allocated once, as the engine's is.
 */
class PerParticleLoop {
  private readonly theta: Float64Array;
  private readonly grad: Float64Array;
  private readonly a: Float64Array[];
  private readonly d: Float64Array[];
  private readonly offsets: { w: number; b: number; in: number; out: number }[] = [];
  readonly loss: Float64Array;

  constructor(
    private readonly params: Float64Array,
    private readonly n: number,
    private readonly x: number[][],
    private readonly y: number[][],
  ) {
    let at = 0;
    for (let l = 0; l + 1 < layers.length; l++) {
      this.offsets.push({ w: at, b: at + layers[l] * layers[l + 1], in: layers[l], out: layers[l + 1] });
      at += layers[l] * layers[l + 1] + layers[l + 1];
    }
    this.theta = new Float64Array(at);
    this.grad = new Float64Array(at);
    this.a = layers.map((w) => new Float64Array(w));
    this.d = layers.map((w) => new Float64Array(w));
    this.loss = new Float64Array(n);
  }

  step(): void {
    const { theta, grad, n, params } = this;
    const P = theta.length;
    for (let i = 0; i < n; i++) {
      for (let q = 0; q < P; q++) theta[q] = params[q * n + i];
      grad.fill(0);
      let loss = 0;
      for (let r = 0; r < rows; r++) loss += this.row(r);
      this.loss[i] = loss / rows;
      for (let q = 0; q < P; q++) params[q * n + i] = theta[q] - (alpha * grad[q]) / rows;
    }
  }

  /** One row forward and backward: adds its gradient to `grad`, returns its squared error. */
  private row(r: number): number {
    const { theta, grad, a, d, offsets } = this;
    const L = offsets.length;
    for (let j = 0; j < layers[0]; j++) a[0][j] = this.x[r][j];
    for (let l = 0; l < L; l++) {
      const o = offsets[l];
      for (let c = 0; c < o.out; c++) {
        let s = theta[o.b + c];
        for (let k = 0; k < o.in; k++) s += a[l][k] * theta[o.w + k * o.out + c];
        a[l + 1][c] = l < L - 1 ? Math.tanh(s) : 1 / (1 + Math.exp(-s));
      }
    }
    const out = a[L][0];
    const error = out - this.y[r][0];
    d[L][0] = 2 * error * out * (1 - out);
    for (let l = L - 1; l >= 0; l--) {
      const o = offsets[l];
      for (let c = 0; c < o.out; c++) {
        grad[o.b + c] += d[l + 1][c];
        for (let k = 0; k < o.in; k++) grad[o.w + k * o.out + c] += a[l][k] * d[l + 1][c];
      }
      if (l === 0) break;
      for (let k = 0; k < o.in; k++) {
        let s = 0;
        for (let c = 0; c < o.out; c++) s += theta[o.w + k * o.out + c] * d[l + 1][c];
        d[l][k] = s * (1 - a[l][k] * a[l][k]);
      }
    }
    return error * error;
  }
}

interface Measured {
  cloudSeconds: number;
  loopSeconds: number;
  steps: number;
  /** Largest difference of the first step's losses between the two: they must compute the same thing. */
  lossDifference: number;
  landscapeSeconds: number;
  landscapeFinite: number;
}

async function measure(): Promise<Measured> {
  const cloud: Descent = await benchDescent(scenario());
  const copy = cloud.params.slice();
  const loop = new PerParticleLoop(copy, cloud.n, data().x, data().y);
  cloud.advance();
  loop.step();
  let lossDifference = 0;
  for (let i = 0; i < cloud.n; i++) lossDifference = Math.max(lossDifference, Math.abs(cloud.loss[i] - loop.loss[i]));
  const steps = 2;
  const [cloudSeconds, loopSeconds] = fastest(3, [
    () => {
      for (let k = 0; k < steps; k++) cloud.advance();
    },
    () => {
      for (let k = 0; k < steps; k++) loop.step();
    },
  ]);
  // The landscape around particle 0 (a one-point path: its current parameters are the center).
  const center = Float64Array.from(cloud.particle(0));
  let landscapeSeconds = Infinity;
  let landscapeFinite = 0;
  for (let run = 0; run < 3; run++) {
    const began = cpuSeconds();
    const job = startLandscape(cloud.model, center, { directions: 'filter', grid: 51, span: 1, seed: 0 });
    while (!job.advance(51));
    landscapeSeconds = Math.min(landscapeSeconds, cpuSeconds() - began);
    landscapeFinite = job.result().loss.filter(Number.isFinite).length;
  }
  return { cloudSeconds, loopSeconds, steps, lossDifference, landscapeSeconds, landscapeFinite };
}
registerTask('mlp-landscape', measure);

export const landscapeSection: ModuleSection = {
  id: 'mlp-landscape',
  title: 'MLP cloud and landscape',
  async run({ log }) {
    const m = await inChild<Measured>('mlp-landscape', null);
    if (!(m.lossDifference < 1e-9)) throw new Error(`the cloud and the per-particle loop disagree by ${m.lossDifference}`);
    if (m.landscapeFinite !== 51 * 51) throw new Error(`the landscape has ${51 * 51 - m.landscapeFinite} non-finite points`);
    const rate = (seconds: number) => (particles * m.steps) / seconds;
    const out: (string | number)[][] = [
      ['[2,16,16,1] cloud (mlp-cloud.ts)', particles, rows, rate(m.cloudSeconds), m.loopSeconds / m.cloudSeconds],
      ['[2,16,16,1] per-particle loop', particles, rows, rate(m.loopSeconds), 1],
      ['51 × 51 filter landscape, seconds', 51 * 51, rows, m.landscapeSeconds, ''],
    ];
    for (const row of out) log(`  ${row.map(formatCell).join('  ')}`);
    return {
      columns: ['what', 'particles or points', 'rows', 'particle-steps/s (landscape: seconds)', 'speed-up over the loop'],
      rows: out,
      notes: [
        '337 parameters, tanh hidden layers, sigmoid output with the squared error, full batch of 200 rows, gd; processor time, the fastest of 3 runs of 2 steps each, the two contenders interleaved, in a fresh process. Goal (issue 16): the cloud ≥ 1.5× the loop.',
        'The loop takes one particle at a time: its parameters copied into one vector, each row forward and backward, one gd step. Both give the same losses (checked to 1e-9 before timing).',
        'The landscape: 2,601 points around particle 0, the full data at each, fastest of 3. Goal (issue 16): under a second.',
      ],
    };
  },
};
