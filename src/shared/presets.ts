/**
 * Built-in scenarios: every experiment of the source notebooks (../shared/notebooks), with the numbers the
 * notebook prints, and a particle cloud on each named surface. `source` names the notebook cell.
 */
import { classifierScenarios } from './classifier-scenarios';
import { houses } from './houses';
import { minimaScenario } from './minima-scenario';
import { surfaceNames, type ScenarioInput } from './scenario';
import { surfaceCatalog } from './surface-catalog';

export interface Preset {
  readonly name: string;
  readonly group: 'notebooks' | 'surfaces' | 'networks';
  readonly title: string;
  /** Where the numbers come from. */
  readonly source?: string;
  /** What to look at: one paragraph, drawn from the notebook's lesson. */
  readonly lesson: string;
  readonly scenario: ScenarioInput;
}

/** Notebook 001, "Optimisation": 12 observations with y = 1.5·x1 + 1.5·x2 + 0.1, as printed in cell 6. */
const twelveObservations = {
  x: [
    [1, 2],
    [3, 1],
    [1, 1],
    [0, 1],
    [2, 2],
    [-2, 3],
    [1, 2],
    [-1, -0.5],
    [0.5, 1.2],
    [2, 1],
    [-2, 3],
    [-1, 1],
  ],
  y: [4.6, 6.1, 3.1, 1.6, 6.1, 1.6, 4.6, -2.15, 2.65, 4.6, 1.6, 0.1],
};

/** Notebook 002, "Linear Regression": y = 2x + 1 + 20·N(0,1) on 100 points of [0, 100]. */
const noisyLine = { generate: 'line', n: 100, xmin: 0, xmax: 100, slope: 2, intercept: 1, noise: 20 } as const;

/** Notebook 001 cell 16: lr_gradient_descent(X, y, batch_size=3, max_iter=1000, tol=1e-8), w = ones, b = 0. */
function regression(name: string, alpha: number, start: number[], extra: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    version: 1,
    name,
    model: { kind: 'linear', bias: true },
    data: twelveObservations,
    init: { points: [start] },
    optimizer: { kind: 'gd', alpha },
    batch: { size: 3, shuffle: true, dropLast: false },
    tolerance: 1e-8,
    epochs: 1000,
    seed: 0,
    ...extra,
  };
}

/**
 * Notebook 002 cells 17 and 22: the notebook's ŷ = w1 + w2·x, which the lab names b + w1·x (its axes b and w1),
 * from (4, 4), α = 0.0005, each gradient component clipped to ±1000.
 */
function noisyLineFit(name: string, extra: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    version: 1,
    name,
    model: { kind: 'linear', bias: true },
    data: noisyLine,
    init: { points: [[4, 4]] },
    optimizer: { kind: 'gd', alpha: 0.0005 },
    clip: { mode: 'value', limit: 1000 },
    epochs: 1000,
    seed: 0,
    ...extra,
  };
}

/**
 * Issue 22, "why scale your features": a linear fit of price to size and rooms (src/shared/houses.ts), a
 * cloud of 100 about zero as "Open data (CSV)…" makes one, full batch, with and without `data.scale`.
 */
function housesFit(name: string, scale: 'none' | 'standard', alpha: number): ScenarioInput {
  return {
    version: 1,
    name,
    model: { kind: 'linear', bias: true },
    data: { ...houses, scale },
    init: { dist: 'gaussian', mean: [0, 0, 0], std: 1, count: 100 },
    optimizer: { kind: 'gd', alpha },
    tolerance: 1e-9,
    epochs: 1000,
    seed: 0,
  };
}

function neuron(name: string, x: number[], y: number[], weights: number[], alpha: number, epochs: number, freeze: number[] = []): ScenarioInput {
  return {
    version: 1,
    name,
    model: { kind: 'neuron' },
    data: { x: [x], y: [y] },
    init: { points: [weights] },
    optimizer: { kind: 'gd', alpha },
    freeze,
    epochs,
  };
}

function surface(
  name: string,
  fn: string,
  init: ScenarioInput['init'],
  optimizer: ScenarioInput['optimizer'],
  epochs: number,
  tolerance: number | null = null,
): ScenarioInput {
  return { version: 1, name, model: { kind: 'surface', fn }, init, optimizer, epochs, tolerance, seed: 0 };
}

export const presets: readonly Preset[] = [
  {
    name: 'bowl',
    group: 'notebooks',
    title: 'Paraboloid, one path',
    source: 'notebook 002, cells 7–10',
    lesson:
      'Gradient descent on z = (x−1)² + (y−2)² from (0, 0) with α = 0.1: each step shrinks the distance to the minimum (1, 2) by a factor 1 − 2α = 0.8, so after 100 steps x = 0.9999999997962964.',
    scenario: surface('bowl', 'bowl', { points: [[0, 0]] }, { kind: 'gd', alpha: 0.1 }, 100),
  },
  {
    name: 'neuron-three-inputs',
    group: 'notebooks',
    title: 'Neuron: three inputs',
    source: 'notebook 000, cells 85–86',
    lesson:
      'A linear neuron P = W·x with three inputs learns to predict 1. The first epoch predicts 0.86 with error 0.0196; each weight moves against its delta (P − GT)·x, the largest input moving its weight most.',
    scenario: neuron('neuron-three-inputs', [8.5, 0.65, 1.2], [1], [0.1, 0.2, -0.1], 0.01, 300),
  },
  {
    name: 'neuron-frozen-weight',
    group: 'notebooks',
    title: 'Neuron: one weight frozen',
    source: 'notebook 000, cells 83–84',
    lesson:
      'The first weight is held at 0, yet the error still goes to zero: the other weights compensate. A powerful input can be ignored for ever once the network predicts well without it, a damaging property of neural networks.',
    scenario: neuron('neuron-frozen-weight', [8.5, 0.65, 1.2], [1], [0, 0.2, -0.1], 0.03, 100, [0]),
  },
  {
    name: 'neuron-multiple-outputs',
    group: 'notebooks',
    title: 'Neuron: one input, three outputs',
    source: 'notebook 000, cells 99–101 (from the stated weights [0.3, 0.2, 0.9])',
    lesson:
      'One input drives three outputs, each with its own weight and its own error. The notebook’s printed log starts from weights changed by an earlier cell; this preset starts from the weights the cell states.',
    scenario: neuron('neuron-multiple-outputs', [0.65], [0.1, 1, 0.1], [0.3, 0.2, 0.9], 0.03, 1000),
  },
  {
    name: 'neuron-inputs-outputs',
    group: 'notebooks',
    title: 'Neuron: three inputs, three outputs',
    source: 'notebook 000, cells 107–108',
    lesson:
      'A 3×3 weight matrix, one row per output. The first prediction is [0.555, 0.98, 0.965]. The lab steps with the true gradient, the outer product (P − GT)ᵀ·x, where the notebook shifted each row by a single number.',
    scenario: neuron('neuron-inputs-outputs', [8.5, 0.65, 1.2], [0.1, 1, 0.1], [0.1, 0.1, -0.3, 0.1, 0.2, 0.0, 0.0, 1.3, 0.1], 0.01, 1000),
  },
  {
    name: 'forward-pass',
    group: 'notebooks',
    title: 'Forward pass X @ w + b',
    source: 'notebook 001, cell 1',
    lesson:
      'Two rows through one linear unit: [1, 2]·[2, −1] + 1 = 1 and [3, −1]·[2, −1] + 1 = 8. The targets are zero: this preset is about the forward pass (see the inspector), not the training.',
    scenario: {
      version: 1,
      name: 'forward-pass',
      model: { kind: 'mlp', layers: [2, 1], hidden: 'sigmoid', output: 'identity' },
      data: {
        x: [
          [1, 2],
          [3, -1],
        ],
        y: [[0], [0]],
      },
      init: { points: [[2, -1, 1]] },
      optimizer: { kind: 'gd', alpha: 0.01 },
      epochs: 1,
    },
  },
  {
    name: 'two-layer-net',
    group: 'notebooks',
    title: 'Two-layer net: sigmoid, then softmax',
    source: 'notebook 001, cells 4–5',
    lesson:
      'Three inputs, a sigmoid hidden layer of two, a softmax output of two. Before any training it outputs [0.52647369, 0.47352631]: “Yes” with probability 52.65%. Training against the target [1, 0] makes it surer.',
    scenario: {
      version: 1,
      name: 'two-layer-net',
      model: { kind: 'mlp', layers: [3, 2, 2], hidden: 'sigmoid', output: 'softmax' },
      data: { x: [[0.29, 0.11, 0.8]], y: [[1, 0]] },
      init: { points: [[0.3, 0.6, 0.8, 0.4, 0.1, 0.5, 1, 1, 0.1, 0.5, 0.7, 0.2, 1, 1]] },
      optimizer: { kind: 'gd', alpha: 0.1 },
      epochs: 100,
    },
  },
  {
    name: 'regression-first-step',
    group: 'notebooks',
    title: 'Regression: one mini-batch step by hand',
    source: 'notebook 001, cells 7–8',
    lesson:
      'The first three rows, w = [1, 1], b = 0: the gradient is dw = [−6, −4.2667], db = −3.2, and one step with η = 0.1 gives w = [1.6, 1.42667], b = 0.32. Batches are taken in order (no shuffling) so that the first batch is the notebook’s.',
    scenario: regression('regression-first-step', 0.1, [0, 1, 1], { batch: { size: 3, shuffle: false }, tolerance: null, epochs: 1 }),
  },
  {
    name: 'regression-eta-0.1',
    group: 'notebooks',
    title: 'Regression: η = 0.1, batches of 3',
    source: 'notebook 001, cell 16',
    lesson:
      'Mini-batch gradient descent, shuffled each epoch, stops when the batch error changes by less than 1e-8. It ends near the true w = [1.5, 1.5], b = 0.1 (the notebook: [1.49988, 1.49930], 0.10118).',
    scenario: regression('regression-eta-0.1', 0.1, [0, 1, 1]),
  },
  {
    name: 'regression-eta-0.3',
    group: 'notebooks',
    title: 'Regression: η = 0.3 diverges',
    source: 'notebook 001, cell 10',
    lesson:
      'Three times the learning rate and each step overshoots more than the last: the weights grow without bound. The notebook runs on until they are no longer numbers (it prints nan); the lab marks the particle diverged at step 556, when its loss passes the divergence threshold (1e100).',
    scenario: regression('regression-eta-0.3', 0.3, [0, 1, 1]),
  },
  {
    name: 'regression-good-init',
    group: 'notebooks',
    title: 'Regression: good initialisation',
    source: 'notebook 001, cell 23',
    lesson: 'Starting near the answer (w = [1.4, 1.6], b = 0.15) with η = 0.05 (the notebook: [1.49987, 1.49950], 0.10106).',
    scenario: regression('regression-good-init', 0.05, [0.15, 1.4, 1.6]),
  },
  {
    name: 'regression-bad-init',
    group: 'notebooks',
    title: 'Regression: bad initialisation',
    source: 'notebook 001, cell 20',
    lesson:
      'Starting far away (w = [−10, −10], b = 5) with η = 0.05: it still gets there on this convex loss, just later (the notebook: [1.49954, 1.49850], 0.10330).',
    scenario: regression('regression-bad-init', 0.05, [5, -10, -10]),
  },
  {
    name: 'regression-tolerance',
    group: 'notebooks',
    title: 'Regression: the tolerance stop',
    source: 'notebook 001, cell 16 (the tol argument)',
    lesson:
      'A coarser tolerance (1e-3) stops each particle as soon as two consecutive batch errors differ by less than it: sooner, and less exactly. Compare the stopping steps of the cloud with those at 1e-8.',
    scenario: regression('regression-tolerance', 0.1, [0, 1, 1], {
      init: { dist: 'gaussian', mean: [0, 1, 1], std: 1, count: 200 },
      tolerance: 1e-3,
    }),
  },
  {
    name: 'noisy-line-clip',
    group: 'notebooks',
    title: 'Noisy line, gradient clipping, full batch',
    source: 'notebook 002, cells 12–20',
    lesson:
      'Fitting ŷ = b + w1·x to 100 noisy points with α = 0.0005 would explode: the curvature along w1, the slope, is about 6,700, so α·6,700 = 3.35 > 2. Clipping each gradient component to ±1000 bounds every step: the loss falls from 14,233 to 355 in four steps. It does not make the step stable: from then on the slope’s gradient stays clipped, w1 jumps 0.5 across the valley every step, and the loss zig-zags between two values (455 and 706 at step 10, 499 and 641 at step 1,000), never near the least-squares fit’s 352. Noise is drawn from the seed, not numpy, so the final numbers differ from the notebook’s.',
    scenario: noisyLineFit('noisy-line-clip'),
  },
  {
    name: 'noisy-line-minibatch',
    group: 'notebooks',
    title: 'Noisy line, mini-batches of 10',
    source: 'notebook 002, cells 22–24',
    lesson:
      'The same fit with batches of 10 rows, shuffled each epoch: ten noisy steps per epoch. Unlike the notebook’s loop (which used all the data inside the batch loop), each step here uses its batch.',
    scenario: noisyLineFit('noisy-line-minibatch', { batch: { size: 10, shuffle: true } }),
  },
  {
    name: 'houses-raw',
    group: 'notebooks',
    title: 'Houses: features in their own units',
    source: 'docs/data/houses.csv (scripts/houses-data.mjs)',
    lesson:
      'Price against size (50–200 m²) and rooms, as a CSV file gives them. The loss is a bowl whose steepest curvature, the largest eigenvalue of its Hessian (2/m)·AᵀA, is 34,625, set by size² in the thousands; along rooms and the bias it is almost flat (0.21). Gradient descent is stable only for α < 2/34,625 = 5.8e-5: at the default α = 0.01 each step multiplies the error along the steep direction by 1 − 0.01·34,625 ≈ −345, and every particle has diverged by step 21.',
    scenario: housesFit('houses-raw', 'none', 0.01),
  },
  {
    name: 'houses-scaled',
    group: 'notebooks',
    title: 'Houses: features scaled',
    source: 'docs/data/houses.csv (scripts/houses-data.mjs)',
    lesson:
      'The same houses with "scale": "standard": each feature centred and divided by its standard deviation (size by 43 m², rooms by 1.35). Now the Hessian’s eigenvalues are 3.69 and 0.31, so α may go up to 2/3.69 = 0.54, over nine thousand times more, and the flattest direction is only 12 times flatter instead of 164,000. At α = 0.3 the whole cloud has converged by step 132. The weights are in standardised units: w·size is the price change for one standard deviation of size.',
    scenario: housesFit('houses-scaled', 'standard', 0.3),
  },
  {
    name: 'bowl-cloud',
    group: 'surfaces',
    title: 'Bowl, a cloud',
    lesson:
      'A thousand starts on the paraboloid: with α = 0.1 every one contracts by 0.8 a step towards (1, 2). Try α above 1: every step overshoots further (by |1 − 2α| > 1); at α = 2 the whole cloud passes the divergence threshold within five steps of each other (steps 105 to 109).',
    scenario: surface('bowl-cloud', 'bowl', { dist: 'uniform', min: [-3, -2], max: [5, 6], count: 1000 }, { kind: 'gd', alpha: 0.1 }, 200, 1e-12),
  },
  {
    name: 'rosenbrock',
    group: 'surfaces',
    title: 'Rosenbrock’s banana valley',
    lesson: 'The valley floor is easy to reach and slow to follow: plain gradient descent crawls along it, Adam follows it. The minimum is (1, 1).',
    scenario: surface('rosenbrock', 'rosenbrock', { dist: 'gaussian', mean: [-1.5, 2], std: 0.3, count: 1000 }, { kind: 'adam', alpha: 0.02 }, 2000, 1e-12),
  },
  {
    name: 'beale',
    group: 'surfaces',
    title: 'Beale',
    lesson:
      'Flat plateaus and steep walls: gradients differ by orders of magnitude across the square, which is where adaptive optimizers earn their keep. The minimum is (3, 0.5).',
    scenario: surface('beale', 'beale', { dist: 'uniform', min: [-4.5, -4.5], max: [4.5, 4.5], count: 1000 }, { kind: 'adam', alpha: 0.01 }, 1000, 1e-12),
  },
  {
    name: 'himmelblau',
    group: 'surfaces',
    title: 'Himmelblau: four minima',
    lesson: 'Four equal minima: where a particle ends depends on where it starts. The cloud splits into four basins of attraction.',
    scenario: surface('himmelblau', 'himmelblau', { dist: 'uniform', min: [-5, -5], max: [5, 5], count: 1600 }, { kind: 'gd', alpha: 0.01 }, 500, 1e-12),
  },
  {
    name: 'saddle',
    group: 'surfaces',
    title: 'Saddle point',
    lesson:
      'z = x² − y²: the cloud first slides towards the saddle at the origin, then the tiniest offset in y grows by 1 + 2α each step and carries every particle away. The loss falls without bound (a mean of −6.6e38 by step 500), yet no particle counts as diverged: the divergence rule watches for a loss that climbs past its threshold or stops being finite, not one that falls.',
    scenario: surface('saddle', 'saddle', { dist: 'gaussian', mean: [1.5, 0], std: [0.3, 0.05], count: 500 }, { kind: 'gd', alpha: 0.05 }, 500),
  },
  {
    name: 'rastrigin',
    group: 'surfaces',
    title: 'Rastrigin: a field of local minima',
    lesson:
      'A bowl covered in bumps: small steps get caught in the nearest dimple, and only the particles that start in the central dimple (|x|, |y| < 0.5, 18 of the 2,000) reach the global minimum (0, 0).',
    scenario: surface(
      'rastrigin',
      'rastrigin',
      { dist: 'uniform', min: [-5.12, -5.12], max: [5.12, 5.12], count: 2000 },
      { kind: 'gd', alpha: 0.002 },
      500,
      1e-12,
    ),
  },
  {
    name: 'valley',
    group: 'surfaces',
    title: 'Ill-conditioned valley',
    lesson:
      'Curvature 20 times larger across the valley than along it: at α = 0.45 the steps across nearly overshoot (the limit is 0.5) and zig-zag, while progress along the valley is slow. Momentum fixes both.',
    scenario: surface('valley', 'valley', { dist: 'gaussian', mean: [3.5, 2], std: 0.2, count: 500 }, { kind: 'gd', alpha: 0.45 }, 300, 1e-12),
  },
  {
    name: 'booth',
    group: 'surfaces',
    title: 'Booth',
    lesson: 'A tilted quadratic bowl with its minimum at (1, 3): gradient descent converges from everywhere once α is below 2/18 ≈ 0.11.',
    scenario: surface('booth', 'booth', { dist: 'uniform', min: [-10, -10], max: [10, 10], count: 1000 }, { kind: 'gd', alpha: 0.05 }, 300, 1e-12),
  },
  ...libraryPresets(),
  ...racePresets(),
  ...classifierPresets(),
];

/**
 * The surfaces of the library (issue 18) that have no preset above: a cloud of 600 over each one's view, stepped by Adam: its steps are about α long whatever
 * the gradient's scale, so α = 1/200 of the view's width suits surfaces from Matyas (±10) to the eggholder (±512).
 */
function libraryPresets(): Preset[] {
  // The surfaces that have a preset with a lesson of its own above.
  const handWritten: string[] = ['bowl', 'rosenbrock', 'beale', 'himmelblau', 'saddle', 'rastrigin', 'valley', 'booth'];
  return surfaceNames
    .filter((name) => !handWritten.includes(name))
    .map((name) => {
      const { title, formula, range, minima, note, source } = surfaceCatalog[name];
      const [[x0, x1], [y0, y1]] = range;
      const best = minima.length > 0 ? ` Its global minimum is ${minima[0].value} at (${minima[0].at.map((v) => +v.toFixed(4)).join(', ')}).` : '';
      return {
        name,
        group: 'surfaces',
        title,
        source,
        lesson: `f = ${formula}. ${note}${best}`,
        scenario: surface(name, name, { dist: 'uniform', min: [x0, y0], max: [x1, y1], count: 600 }, { kind: 'adam', alpha: (x1 - x0) / 200 }, 300),
      };
    });
}

/**
 * The classic optimizer races (issue 8): every group starts from the same cloud of 200 (the same seed).
 * The top-level optimizer is the first group's; a race steps each group with its own.
 */
function race(
  name: string,
  fn: string,
  init: ScenarioInput['init'],
  groups: { name: string; optimizer: ScenarioInput['optimizer'] }[],
  epochs: number,
  tolerance: number | null,
): ScenarioInput {
  return { version: 1, name, model: { kind: 'surface', fn }, init, optimizer: groups[0].optimizer, groups, epochs, tolerance, seed: 0 };
}

function racePresets(): Preset[] {
  return [
    {
      name: 'race-beale',
      group: 'surfaces',
      title: 'Race: five optimizers on Beale',
      lesson:
        'From around (1, 1.5), where Beale is nearly flat, towards its minimum at (3, 0.5). Momentum gets there first, but overshoots off the steep walls with a fifth of its cloud; plain GD is safe and slow; AdaGrad, RMSprop and Adam rescale each coordinate and cross the plateau at an even pace. Compare the table: first converged, share diverged.',
      scenario: race(
        'race-beale',
        'beale',
        { dist: 'gaussian', mean: [1, 1.5], std: 0.15, count: 200 },
        [
          { name: 'GD', optimizer: { kind: 'gd', alpha: 0.01 } },
          { name: 'Momentum', optimizer: { kind: 'momentum', alpha: 0.005, beta: 0.9 } },
          { name: 'AdaGrad', optimizer: { kind: 'adagrad', alpha: 0.5 } },
          { name: 'RMSprop', optimizer: { kind: 'rmsprop', alpha: 0.01 } },
          { name: 'Adam', optimizer: { kind: 'adam', alpha: 0.05 } },
        ],
        1000,
        1e-10,
      ),
    },
    {
      name: 'race-rosenbrock',
      group: 'surfaces',
      title: 'Race: five optimizers on Rosenbrock',
      lesson:
        'All five reach the banana valley quickly; the race is along its floor to (1, 1). GD creeps, momentum and Nesterov build up speed along the floor, and Adam, whose steps do not shrink with the gradient, is the only one to meet the tolerance within 3,000 steps. Watch the loss curves part after the first hundred steps.',
      scenario: race(
        'race-rosenbrock',
        'rosenbrock',
        { dist: 'gaussian', mean: [-1.5, 2], std: 0.1, count: 200 },
        [
          { name: 'GD', optimizer: { kind: 'gd', alpha: 0.001 } },
          { name: 'Momentum', optimizer: { kind: 'momentum', alpha: 0.0005, beta: 0.9 } },
          { name: 'Nesterov', optimizer: { kind: 'nesterov', alpha: 0.0005, beta: 0.9 } },
          { name: 'RMSprop', optimizer: { kind: 'rmsprop', alpha: 0.01 } },
          { name: 'Adam', optimizer: { kind: 'adam', alpha: 0.05 } },
        ],
        3000,
        1e-10,
      ),
    },
    {
      name: 'race-saddle',
      group: 'surfaces',
      title: 'Race: escaping the saddle',
      lesson:
        'z = x² − y² from just beside the saddle point: the cloud slides in along x, and only the tiny spread in y carries it out. GD escapes by a factor 1 + 2α a step; momentum compounds it and is gone far sooner; RMSprop and Adam take steps of about α whatever the gradient, so they leave at a steady walk. There is no minimum to reach: the lower mean loss is the faster escape.',
      scenario: race(
        'race-saddle',
        'saddle',
        { dist: 'gaussian', mean: [1.5, 0], std: [0.3, 0.05], count: 200 },
        [
          { name: 'GD', optimizer: { kind: 'gd', alpha: 0.05 } },
          { name: 'Momentum', optimizer: { kind: 'momentum', alpha: 0.05, beta: 0.9 } },
          { name: 'RMSprop', optimizer: { kind: 'rmsprop', alpha: 0.05 } },
          { name: 'Adam', optimizer: { kind: 'adam', alpha: 0.05 } },
        ],
        300,
        null,
      ),
    },
    {
      name: 'race-valley',
      group: 'surfaces',
      title: 'Race: momentum in the ill-conditioned valley',
      lesson:
        'Curvatures 0.2 along and 4 across: GD at α = 0.45, near its limit 0.5, zig-zags across and crawls along (median 116 steps). Momentum with α = 0.5, β = 0.5, near the tuning 4/(√4 + √0.2)² and ((√20 − 1)/(√20 + 1))² that theory gives, damps the zig-zag and arrives in 38. Nesterov and Adam sit between them.',
      scenario: race(
        'race-valley',
        'valley',
        { dist: 'gaussian', mean: [3.5, 2], std: 0.2, count: 200 },
        [
          { name: 'GD', optimizer: { kind: 'gd', alpha: 0.45 } },
          { name: 'Momentum', optimizer: { kind: 'momentum', alpha: 0.5, beta: 0.5 } },
          { name: 'Nesterov', optimizer: { kind: 'nesterov', alpha: 0.35, beta: 0.5 } },
          { name: 'Adam', optimizer: { kind: 'adam', alpha: 0.1 } },
        ],
        300,
        1e-10,
      ),
    },
  ];
}

/** Clouds of networks on data (issue 16): classifiers, with the decision-boundary view and the held-out loss and accuracy in the chart, and the flat-and-sharp-minima lesson's regression cloud. */
function classifierPresets(): Preset[] {
  const preset = (name: string, title: string, lesson: string, scenario: ScenarioInput): Preset => ({ name, group: 'networks', title, lesson, scenario });
  return [
    preset(
      'circle-classifier',
      'Classifiers: a circle inside a ring',
      '100 networks [2, 8, 2] (tanh, softmax) learn to tell the inner disc from the ring around it: watch the best one’s boundary close into a loop, and the held-out loss and accuracy beside the training ones.',
      classifierScenarios.circle,
    ),
    preset(
      'xor-classifier',
      'Classifiers: XOR of the quadrants',
      '100 networks [2, 8, 2] learn the four quadrants, same sign against opposite signs: no straight line separates them, so the hidden layer must bend the boundary twice.',
      classifierScenarios.xor,
    ),
    preset(
      'spiral-classifier',
      'Classifiers: two spirals',
      '50 networks [2, 16, 16, 2] on two interleaved spirals, 32 rows a step: the hardest of the generated sets, where a boundary must wind between the arms.',
      classifierScenarios.spiral,
    ),
    preset(
      'iris-classifier',
      'Classifiers: Iris, three species from four measurements',
      '100 networks [4, 8, 3] on Fisher’s 150 irises, four measurements standardised, a fifth held out: the one set here with more than two classes and more than two inputs, so there is no boundary to draw, only the chart.',
      classifierScenarios.iris,
    ),
    preset(
      'flat-sharp-minima',
      'Networks: flat and sharp minima, small batches against the full batch',
      '32 networks [2, 16, 1] (tanh) fit the Playground’s gauss-mix regression set (32 rows) by plain gradient descent, η = 0.2, in shuffled batches of 4. Where a network can come to rest depends on the sharpness of the minimum, λ_max, the largest curvature of the loss (the top eigenvalue of its Hessian): a step of η multiplies the error along that direction by 1 − η·λ_max, so gradient descent only stays at minima with λ_max < 2/η = 10, and the noise of small batches drives it on to flatter ones still (Keskar et al. 2017; Wu, Ma & E 2018).',
      minimaScenario,
    ),
  ];
}

export function findPreset(name: string): Preset | undefined {
  return presets.find((p) => p.name === name);
}
