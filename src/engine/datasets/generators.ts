/**
 * The generated data sets of issue 16, after TensorFlow Playground's (tensorflow/playground, src/dataset.ts:
 * classifyCircleData, classifyXORData, classifyTwoGaussData, classifySpiralData, regressPlane, regressGaussian),
 * drawn from the scenario's data stream instead of Math.random. Inputs are two columns (x1, x2) in about
 * [−6, 6]². A classifier's targets are one-hot rows [class 0, class 1], class 1 being the Playground's positive
 * label; a regression's target is one column. `noise` is the Playground's share (its slider's 0–50 % is 0–0.5).
 *
 * Every draw happens in a fixed order, noise draws included when noise is 0 (so the points stay put as the
 * noise changes and only the labels move): scripts/reference/reference.py repeats them draw for draw.
 */
import type { Random } from '../random';

export type ClassifierName = 'circle' | 'xor' | 'gauss' | 'spiral';
export type RegressionName = 'plane' | 'gauss-mix';

/** Rows in generation order: 2 inputs each, and `outputs` targets each. */
export interface Generated {
  readonly rows: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly outputs: number;
  /** Classes of a classifier's one-hot targets; undefined for a regression. */
  readonly classes?: number;
}

/** Uniform on [a, b), the Playground's randUniform. */
function uniform(random: Random, a: number, b: number): number {
  return random.uniform() * (b - a) + a;
}

function distance(x: number, y: number, cx: number, cy: number): number {
  const dx = x - cx;
  const dy = y - cy;
  return Math.sqrt(dx * dx + dy * dy);
}

/** A classifier's rows: class 1 first (⌈n/2⌉ rows), then class 0 (⌊n/2⌋ rows), as the Playground's halves. */
function classify(n: number, point: (label: 1 | 0, i: number, count: number) => [number, number, 1 | 0]): Generated {
  const x = new Float64Array(2 * n);
  const y = new Float64Array(2 * n);
  const positives = n - Math.floor(n / 2);
  for (let r = 0; r < n; r++) {
    const label = r < positives ? 1 : 0;
    const [x1, x2, target] = label === 1 ? point(1, r, positives) : point(0, r - positives, n - positives);
    x[2 * r] = x1;
    x[2 * r + 1] = x2;
    y[2 * r + target] = 1;
  }
  return { rows: n, x, y, outputs: 2, classes: 2 };
}

/** Class 1 inside radius 2.5, class 0 in the ring from 3.5 to 5; the label is the side of 2.5 the noisy point is on. */
function circle(n: number, noise: number, random: Random): Generated {
  const radius = 5;
  return classify(n, (label) => {
    const r = label === 1 ? uniform(random, 0, radius * 0.5) : uniform(random, radius * 0.7, radius);
    const angle = uniform(random, 0, 2 * Math.PI);
    const x1 = r * Math.sin(angle);
    const x2 = r * Math.cos(angle);
    const noiseX = uniform(random, -radius, radius) * noise;
    const noiseY = uniform(random, -radius, radius) * noise;
    return [x1, x2, distance(x1 + noiseX, x2 + noiseY, 0, 0) < radius * 0.5 ? 1 : 0];
  });
}

/** Uniform on [−5, 5]² pushed 0.3 away from each axis; class 1 where the noisy x1·x2 ≥ 0. */
function xor(n: number, noise: number, random: Random): Generated {
  const padding = 0.3;
  const x = new Float64Array(2 * n);
  const y = new Float64Array(2 * n);
  for (let r = 0; r < n; r++) {
    let x1 = uniform(random, -5, 5);
    x1 += x1 > 0 ? padding : -padding;
    let x2 = uniform(random, -5, 5);
    x2 += x2 > 0 ? padding : -padding;
    const noiseX = uniform(random, -5, 5) * noise;
    const noiseY = uniform(random, -5, 5) * noise;
    x[2 * r] = x1;
    x[2 * r + 1] = x2;
    y[2 * r + ((x1 + noiseX) * (x2 + noiseY) >= 0 ? 1 : 0)] = 1;
  }
  return { rows: n, x, y, outputs: 2, classes: 2 };
}

/** Two normal clusters, class 1 about (2, 2) and class 0 about (−2, −2), variance 0.5 + 7·noise (0.5 to 4 over the Playground's 0–0.5). */
function gauss(n: number, noise: number, random: Random): Generated {
  const sd = Math.sqrt(0.5 + 7 * noise);
  return classify(n, (label) => {
    const c = label === 1 ? 2 : -2;
    const x1 = c + sd * random.normal();
    const x2 = c + sd * random.normal();
    return [x1, x2, label];
  });
}

/** Two arms of 1.75 turns out to radius 5, class 0 the class-1 arm turned by π; each point moved by U(−1, 1)·noise. */
function spiral(n: number, noise: number, random: Random): Generated {
  return classify(n, (label, i, count) => {
    const r = (i / count) * 5;
    const t = ((1.75 * i) / count) * 2 * Math.PI + (label === 1 ? 0 : Math.PI);
    const x1 = r * Math.sin(t) + uniform(random, -1, 1) * noise;
    const x2 = r * Math.cos(t) + uniform(random, -1, 1) * noise;
    return [x1, x2, label];
  });
}

/** The six Gaussian bumps of the Playground's regressGaussian: centre and sign. */
const bumps: readonly (readonly [number, number, number])[] = [
  [-4, 2.5, 1],
  [0, 2.5, -1],
  [4, 2.5, 1],
  [-4, -2.5, -1],
  [0, -2.5, 1],
  [4, -2.5, -1],
];

/** The larger in size of the bumps' values sign·max(0, 1 − d/2) at distance d (the first of equals). */
function bumpTarget(a: number, b: number): number {
  let target = 0;
  for (const [cx, cy, sign] of bumps) {
    const value = sign * Math.max(0, 1 - distance(a, b, cx, cy) / 2);
    if (Math.abs(value) > Math.abs(target)) target = value;
  }
  return target;
}

/** Inputs uniform on [−6, 6]², the target a function of the inputs moved by U(−6, 6)·noise each. */
function regression(n: number, noise: number, random: Random, target: (a: number, b: number) => number): Generated {
  const radius = 6;
  const x = new Float64Array(2 * n);
  const y = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const x1 = uniform(random, -radius, radius);
    const x2 = uniform(random, -radius, radius);
    const noiseX = uniform(random, -radius, radius) * noise;
    const noiseY = uniform(random, -radius, radius) * noise;
    x[2 * r] = x1;
    x[2 * r + 1] = x2;
    y[r] = target(x1 + noiseX, x2 + noiseY);
  }
  return { rows: n, x, y, outputs: 1 };
}

/** n rows of the named generator, drawn from `random` (the scenario's data stream). */
export function generate(name: ClassifierName | RegressionName, n: number, noise: number, random: Random): Generated {
  switch (name) {
    case 'circle':
      return circle(n, noise, random);
    case 'xor':
      return xor(n, noise, random);
    case 'gauss':
      return gauss(n, noise, random);
    case 'spiral':
      return spiral(n, noise, random);
    case 'plane':
      // The Playground maps a + b from [−10, 10] onto [−1, 1].
      return regression(n, noise, random, (a, b) => (a + b) / 10);
    case 'gauss-mix':
      return regression(n, noise, random, bumpTarget);
  }
}
