/**
 * The scenario file format (CONTRACTS §1, version 1) as a zod schema: the single definition that the
 * command line, the trainer and the panel all validate against. Field-level rules live in the schema;
 * rules that tie fields together (shapes against the model, batch size against the data) in `crossCheck`.
 */
import { z } from 'zod';
import { limits } from './limits';
import { defaultDivergence } from './stopping';

/**
 * The named surfaces of CONTRACTS §1 and §9, in the order the page lists them; the engine has a kernel for
 * each, and ./surface-catalog.ts their formulas, domains and minima.
 */
export const surfaceNames = [
  'bowl',
  'rosenbrock',
  'beale',
  'himmelblau',
  'saddle',
  'rastrigin',
  'valley',
  'booth',
  'ackley',
  'bukin6',
  'easom',
  'goldstein-price',
  'levi13',
  'matyas',
  'mccormick',
  'schaffer2',
  'six-hump-camel',
  'styblinski-tang',
  'three-hump-camel',
  'cross-in-tray',
  'eggholder',
  'holder-table',
  'monkey-saddle',
  'griewank',
  'bohachevsky1',
] as const;
export type SurfaceName = (typeof surfaceNames)[number];

const num = (error = 'must be a finite number') => z.number({ error });
const positive = () => num('must be a finite number > 0').gt(0, { error: 'must be a finite number > 0' });
const nonNegative = () => num('must be a finite number ≥ 0').gte(0, { error: 'must be a finite number ≥ 0' });
const int = (min: number, max: number, what = 'an integer') =>
  z
    .int({ error: `must be ${what} from ${min} to ${max}` })
    .gte(min, { error: `must be ${what} from ${min} to ${max}` })
    .lte(max, { error: `must be ${what} from ${min} to ${max}` });
const fraction = (error: string) => num(error).gt(0, { error }).lt(1, { error });
const vector = () => z.array(num(), { error: 'must be an array of numbers' });
const matrix = () => z.array(vector(), { error: 'must be an array of rows (arrays of numbers)' });

const surfaceModel = z
  .strictObject({
    kind: z.literal('surface'),
    fn: z.enum(surfaceNames as readonly string[] as [string, ...string[]], { error: `must be one of ${surfaceNames.join(', ')}` }).optional(),
    expr: z
      .string({ error: 'must be a formula in x and y' })
      .min(1, { error: 'must be a formula in x and y' })
      .max(limits.maxExpressionLength, { error: `must be at most ${limits.maxExpressionLength} characters` })
      .optional(),
  })
  .superRefine((surface, context) => {
    if ((surface.fn === undefined) === (surface.expr === undefined)) {
      context.addIssue({ code: 'custom', path: [], message: 'a surface needs exactly one of "fn" (a named surface) or "expr" (a formula in x and y)' });
    }
  });

/** The MLP's loss: Σₖ(ŷₖ−yₖ)², or cross-entropy (softmax: −Σₖ yₖ log pₖ; sigmoid: per-output binary). */
export const mlpLosses = ['squared', 'cross-entropy'] as const;
export type MlpLoss = (typeof mlpLosses)[number];

const layerWidth = int(1, limits.maxLayerWidth, 'a layer width');
const model = z.discriminatedUnion(
  'kind',
  [
    surfaceModel,
    z.strictObject({ kind: z.literal('linear'), bias: z.boolean({ error: 'must be true or false' }).default(true) }),
    z.strictObject({ kind: z.literal('neuron') }),
    z.strictObject({
      kind: z.literal('mlp'),
      layers: z
        .array(layerWidth, { error: 'must be an array of layer widths' })
        .min(2, { error: 'needs at least an input and an output width' })
        .max(limits.maxLayers, { error: `must have at most ${limits.maxLayers} layers` }),
      hidden: z.enum(['sigmoid', 'tanh', 'relu'], { error: 'must be one of sigmoid, tanh, relu' }).default('sigmoid'),
      output: z.enum(['softmax', 'sigmoid', 'identity'], { error: 'must be one of softmax, sigmoid, identity' }).default('identity'),
      /** Left out: cross-entropy for a softmax output, else squared (./spec.ts mlpLossOf), so older scenarios read back unchanged. */
      loss: z.enum(mlpLosses, { error: 'must be one of squared, cross-entropy' }).optional(),
    }),
  ],
  { error: 'must be one of surface, linear, neuron, mlp' },
);

/**
 * CONTRACTS §10: `standard` centres each input column to mean 0 and divides it by its population standard
 * deviation (a constant column is only centred); the parameters are then in standardised units. Left out
 * means `none`, so a scenario written before it reads back unchanged.
 */
export const dataScales = ['none', 'standard'] as const;
const scale = z.enum(dataScales, { error: 'must be "none" or "standard"' }).optional();
/** The columns' names of inline rows (a CSV file's header, kept when the host reads it in): they name the parameters. */
const columnNames = z.strictObject({
  x: z.array(z.string({ error: 'must be a column name' }).min(1, { error: 'must not be empty' }).max(80, { error: 'must be at most 80 characters' }), {
    error: 'must be an array of column names',
  }),
  y: z.array(z.string({ error: 'must be a column name' }).min(1, { error: 'must not be empty' }).max(80, { error: 'must be at most 80 characters' }), {
    error: 'must be an array of column names',
  }),
});

/** The generators of issue 16, after TensorFlow Playground's data sets (src/engine/datasets/generators.ts). */
export const classificationGenerators = ['circle', 'xor', 'gauss', 'spiral'] as const;
export const regressionGenerators = ['plane', 'gauss-mix'] as const;
export const generatorNames = ['line', ...classificationGenerators, ...regressionGenerators] as const;
/** The real data sets shipped in the repository (src/engine/datasets/). */
export const datasetNames = ['iris', 'digits'] as const;

const generatorError = `must be one of ${generatorNames.join(', ')}`;
/** The held-out share: round(test·n) rows kept out of training, chosen from the seed. */
const testShare = num('must be a share from 0 up to but not including 1')
  .gte(0, { error: 'must be a share from 0 up to but not including 1' })
  .lt(1, { error: 'must be a share from 0 up to but not including 1' })
  .default(0);
/** `{generate, n [200], noise [0], test [0], scale?}`: one of the Playground-like generators. */
const playgroundGenerator = <Name extends (typeof generatorNames)[number]>(name: Name) =>
  z.strictObject({
    generate: z.literal(name, { error: generatorError }),
    n: int(1, limits.maxRows, 'a row count').default(200),
    noise: num('must be a number from 0 to 1').gte(0, { error: 'must be a number from 0 to 1' }).lte(1, { error: 'must be a number from 0 to 1' }).default(0),
    test: testShare,
    scale,
  });
const generator = z.discriminatedUnion(
  'generate',
  [
    z.strictObject({
      generate: z.literal('line', { error: generatorError }),
      n: int(2, limits.maxRows, 'a row count'),
      xmin: num().default(0),
      xmax: num().default(100),
      slope: num().default(2),
      intercept: num().default(1),
      noise: nonNegative().default(0),
      scale,
    }),
    playgroundGenerator('circle'),
    playgroundGenerator('xor'),
    playgroundGenerator('gauss'),
    playgroundGenerator('spiral'),
    playgroundGenerator('plane'),
    playgroundGenerator('gauss-mix'),
  ],
  { error: generatorError },
);

const data = z.union(
  [
    z.strictObject({
      x: matrix(),
      y: z.union([matrix(), vector()], { error: 'must be an array of numbers or of rows' }),
      names: columnNames.optional(),
      scale,
    }),
    // Before the generators: an unknown set name ties with a missing "generate", and the first option wins.
    z.strictObject({ dataset: z.enum(datasetNames, { error: `must be one of ${datasetNames.join(', ')}` }), test: testShare, scale }),
    generator,
    z.strictObject({ csv: z.string().min(1), x: z.array(z.string()).min(1), y: z.array(z.string()).min(1), scale }),
  ],
  { error: 'must be inline rows {x, y}, a generator {generate, …}, a shipped data set {dataset} or a CSV file {csv, x, y}' },
);

const count = int(1, limits.maxParticles, 'a particle count');
/**
 * An MLP's initialisations of torch.nn.init (../engine/weight-init.ts): each layer's weights drawn from its
 * fan-in and fan-out. Xavier (Glorot) and Kaiming (He) leave the biases at 0; `torch-default` is nn.Linear's
 * own reset, U(−1/√fan_in, 1/√fan_in) for weights and biases alike.
 */
export const weightSchemes = ['xavier-uniform', 'xavier-normal', 'kaiming-uniform', 'kaiming-normal', 'torch-default'] as const;
export type WeightScheme = (typeof weightSchemes)[number];
/** Left out: torch's calculate_gain for the nonlinearity after each layer (the hidden one, then the output's). */
const gain = positive().optional();
/** Kaiming's fan: fan-in keeps the forward pass's variance, fan-out the backward pass's (torch's `mode`). */
export const fanModes = ['fan-in', 'fan-out'] as const;
const fanMode = z.enum(fanModes, { error: 'must be "fan-in" or "fan-out"' }).default('fan-in');
const distribution = z.discriminatedUnion(
  'dist',
  [
    z.strictObject({
      dist: z.literal('gaussian'),
      mean: vector(),
      std: z.union([nonNegative(), z.array(nonNegative())], { error: 'must be a number ≥ 0 or one per parameter' }),
      count,
    }),
    z.strictObject({ dist: z.literal('uniform'), min: vector(), max: vector(), count }),
    z.strictObject({ dist: z.literal('grid'), min: vector(), max: vector(), count }),
    z.strictObject({ dist: z.literal('xavier-uniform'), gain, count }),
    z.strictObject({ dist: z.literal('xavier-normal'), gain, count }),
    z.strictObject({ dist: z.literal('kaiming-uniform'), gain, mode: fanMode, count }),
    z.strictObject({ dist: z.literal('kaiming-normal'), gain, mode: fanMode, count }),
    z.strictObject({ dist: z.literal('torch-default'), count }),
  ],
  { error: `must be one of gaussian, uniform, grid, ${weightSchemes.join(', ')}` },
);
const init = z.union(
  [
    z.strictObject({
      points: z.array(vector(), { error: 'must be an array of points' }).min(1, { error: 'needs at least one point' }).max(limits.maxParticles),
    }),
    distribution,
  ],
  { error: `must be {points: […]} or a distribution {dist: gaussian | uniform | grid | ${weightSchemes.join(' | ')}, …, count}` },
);

const warmup = int(0, limits.maxEpochs, 'a step count').default(0);
const schedule = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('constant'), warmup }),
    z.strictObject({ kind: z.literal('step'), every: int(1, limits.maxEpochs, 'a step count'), gamma: positive(), warmup }),
    z.strictObject({ kind: z.literal('exponential'), gamma: positive(), warmup }),
    z.strictObject({ kind: z.literal('cosine'), steps: int(1, limits.maxEpochs, 'a step count'), min: nonNegative().default(0), warmup }),
  ],
  { error: 'must be one of constant, step, exponential, cosine' },
);

const alpha = positive();
/** β of the rules issue 18 added (CONTRACTS §9), as PyTorch takes them: 0 ≤ β < 1. */
const beta = (fallback: number) =>
  num('must be a number from 0 up to 1 (not 1)')
    .gte(0, { error: 'must be a number from 0 up to 1 (not 1)' })
    .lt(1, { error: 'must be a number from 0 up to 1 (not 1)' })
    .default(fallback);
const weightDecay = (fallback: number) => nonNegative().default(fallback);
const dampening = num('must be a number from 0 to 1')
  .gte(0, { error: 'must be a number from 0 to 1' })
  .lte(1, { error: 'must be a number from 0 to 1' })
  .default(0);
const flag = () => z.boolean({ error: 'must be true or false' }).default(false);
const optimizer = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('gd'), alpha, weightDecay: weightDecay(0), schedule: schedule.optional() }),
    z.strictObject({
      kind: z.literal('momentum'),
      alpha,
      beta: fraction('must be a number in (0, 1)').default(0.9),
      weightDecay: weightDecay(0),
      dampening,
      schedule: schedule.optional(),
    }),
    z.strictObject({
      kind: z.literal('nesterov'),
      alpha,
      beta: fraction('must be a number in (0, 1)').default(0.9),
      weightDecay: weightDecay(0),
      dampening,
      schedule: schedule.optional(),
    }),
    z.strictObject({ kind: z.literal('adagrad'), alpha, eps: positive().default(1e-10), schedule: schedule.optional() }),
    z.strictObject({
      kind: z.literal('rmsprop'),
      alpha,
      rho: fraction('must be a number in (0, 1)').default(0.99),
      eps: positive().default(1e-8),
      momentum: beta(0),
      centered: flag(),
      schedule: schedule.optional(),
    }),
    z.strictObject({
      kind: z.literal('adam'),
      alpha,
      beta1: fraction('must be a number in (0, 1)').default(0.9),
      beta2: fraction('must be a number in (0, 1)').default(0.999),
      eps: positive().default(1e-8),
      weightDecay: weightDecay(0),
      amsgrad: flag(),
      schedule: schedule.optional(),
    }),
    z.strictObject({
      kind: z.literal('adamw'),
      alpha,
      beta1: beta(0.9),
      beta2: beta(0.999),
      eps: positive().default(1e-8),
      weightDecay: weightDecay(0.01),
      schedule: schedule.optional(),
    }),
    z.strictObject({
      kind: z.literal('nadam'),
      alpha,
      beta1: beta(0.9),
      beta2: beta(0.999),
      eps: positive().default(1e-8),
      momentumDecay: nonNegative().default(0.004),
      schedule: schedule.optional(),
    }),
    z.strictObject({ kind: z.literal('radam'), alpha, beta1: beta(0.9), beta2: beta(0.999), eps: positive().default(1e-8), schedule: schedule.optional() }),
    z.strictObject({ kind: z.literal('lion'), alpha, beta1: beta(0.9), beta2: beta(0.99), weightDecay: weightDecay(0), schedule: schedule.optional() }),
  ],
  { error: 'must be one of gd, momentum, nesterov, adagrad, rmsprop, adam, adamw, nadam, radam, lion' },
);

const batch = z.strictObject({
  size: z
    .union([z.null(), int(1, limits.maxRows, 'a batch size')], { error: `must be null (full batch) or a batch size from 1 to ${limits.maxRows}` })
    .default(null),
  shuffle: z.boolean({ error: 'must be true or false' }).default(true),
  dropLast: z.boolean({ error: 'must be true or false' }).default(false),
});

const clip = z.union([z.null(), z.strictObject({ mode: z.enum(['value', 'norm'], { error: 'must be "value" or "norm"' }), limit: positive() })], {
  error: 'must be null or {mode: "value" | "norm", limit}',
});

/**
 * An optimizer race (issue 8): 2–6 groups, each its own optimizer, all started from the same cloud (the same
 * seed) with everything else shared. With groups, the top-level `optimizer` is not used for stepping.
 */
const raceGroup = z.strictObject({
  name: z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }).max(40, { error: 'must be at most 40 characters' }).optional(),
  optimizer,
});
/**
 * Stop rules (CONTRACTS §5), per particle, in the spirit of PyTorch Lightning's EarlyStopping. Each rule is
 * off when null. `belowLoss` may be negative: a surface such as the eggholder has its minimum below zero.
 * `divergence` left out takes the lab's default (./stopping.ts); null keeps only the non-finite test.
 */
const stop = z.strictObject({
  belowLoss: z.union([z.null(), num()], { error: 'must be null or a finite number' }).default(null),
  gradNorm: z.union([z.null(), nonNegative()], { error: 'must be null or a finite number ≥ 0' }).default(null),
  patience: z
    .union([z.null(), int(1, limits.maxSteps, 'a whole number of steps')], { error: `must be null or a whole number of steps from 1 to ${limits.maxSteps}` })
    .default(null),
  minDelta: nonNegative().default(0),
  divergence: z.union([z.null(), positive()], { error: 'must be null or a finite number > 0' }).default(defaultDivergence),
});
/** The rules in force when a scenario has no `stop`: only the default divergence test. */
export const defaultStop = { belowLoss: null, gradNorm: null, patience: null, minDelta: 0, divergence: defaultDivergence } as const;

const groups = z
  .array(raceGroup, { error: 'must be an array of groups {name?, optimizer}' })
  .min(2, { error: 'a race needs at least 2 groups' })
  .max(6, { error: 'a race has at most 6 groups' });

export const scenarioSchema = z.strictObject({
  version: z.literal(1, { error: 'must be 1 (the only version so far)' }),
  name: z.string({ error: 'must be a string' }).max(200, { error: 'must be at most 200 characters' }).default('untitled'),
  model,
  data: data.optional(),
  init,
  optimizer,
  batch: batch.default({ size: null, shuffle: true, dropLast: false }),
  clip: clip.default(null),
  freeze: z.array(int(0, 1_000_000, 'a parameter index'), { error: 'must be an array of parameter indices' }).default([]),
  tolerance: z.union([z.null(), nonNegative()], { error: 'must be null or a finite number ≥ 0' }).default(null),
  stop: stop.default(defaultStop),
  epochs: int(1, limits.maxEpochs, 'an epoch count'),
  seed: z.int({ error: 'must be an integer' }).default(0),
  groups: groups.optional(),
});

/** A scenario as written in a file (defaults may be left out). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A validated scenario with every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
export type ModelSpec = Scenario['model'];
export type DataSpec = NonNullable<Scenario['data']>;
export type DataScale = (typeof dataScales)[number];
export type InitSpec = Scenario['init'];
/** An init that sets a network's weights by one of torch.nn.init's schemes. */
export type WeightInitSpec = Extract<InitSpec, { dist: WeightScheme }>;
export type OptimizerSpec = Scenario['optimizer'];
export type ScheduleSpec = NonNullable<OptimizerSpec['schedule']>;
export type ClipSpec = Scenario['clip'];
export type StopSpec = Scenario['stop'];
export type BatchSpec = Scenario['batch'];
export type OptimizerKind = OptimizerSpec['kind'];
export type RaceGroupSpec = NonNullable<Scenario['groups']>[number];
