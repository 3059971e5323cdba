/**
 * Every setting the user can change, in one declarative table (issue 15; in the spirit of
 * tensorflow/playground's `State.PROPS`): where it lives in the scenario, what the panel calls it, whether a
 * change reaches the running descent (hot) or rebuilds the run (structural), its type, scale, default, and
 * the words for its choices. What else lists settings is derived from it:
 * - `isHot` (re-exported by ./paths.ts) and `hotRoots`: what `set(path, value)` may change without a reset;
 * - `descentRoots` and `HotSettings` / `hotSettingsOf` (../engine/descent-state.ts): what the descent keeps;
 * - `sweepFields` (./sweep-messages.ts): the stability map's and `lab sweep --vs`'s second setting;
 * - `optimizerChoices`: the optimizers' names in the panel and the race builder;
 * - the panel's labels, hints, folders and slider ranges (../renderer/panel/params.ts).
 * The zod schema (./scenario.ts) stays the one judge of a value; ./settings.test.ts checks this table against it.
 * Adding a setting: a row here, its field in the schema, and the engine code that uses it (docs/architecture.md).
 */
import type { Scenario } from './scenario';
import { limits } from './limits';
import { defaultDivergence } from './stopping';

/**
 * Who takes a change of the setting: `descent` (hot: the running descent's `configure`, no reset),
 * `trainer` (hot: the trainer itself reads it, e.g. when the run ends) or `rebuild` (structural: the run
 * is built again from the new scenario).
 */
export type Effect = 'descent' | 'trainer' | 'rebuild';

/** The panel's folders; `run` is its top level. */
export type FolderId = 'run' | 'optimizer' | 'schedule' | 'init' | 'batch' | 'clip' | 'stop' | 'freeze';

/** The folders' titles, in the panel's order. */
export const folderTitles: Record<FolderId, string> = {
  run: '',
  optimizer: 'Optimizer',
  schedule: 'Schedule',
  init: 'Starting cloud',
  batch: 'Batches',
  clip: 'Clipping',
  stop: 'Stopping',
  freeze: 'Freeze',
};

/**
 * One value of a choice: what the scenario holds, what the panel shows and a short name for tight places
 * (a race's legend). `schema: false` marks a choice that is no literal of the schema: the field left out
 * (no schedule), a null object (no clip), or another shape (init from points).
 */
export interface Choice {
  readonly value: string;
  readonly label: string;
  readonly short: string;
  readonly schema?: false;
}

export interface Setting {
  /** Where it lives in the scenario, as `set(path, value)` takes it. */
  readonly path: string;
  /** What the panel calls it (CONTRACTS §3 names some of these words). */
  readonly label: string;
  readonly effect: Effect;
  /** `vector`: a number per parameter (or one for all); `indices`: parameter indices; `text`: a string. */
  readonly type: 'number' | 'integer' | 'boolean' | 'choice' | 'vector' | 'indices' | 'text';
  /** The panel folder it is shown in; null: not in the panel (changed by other means). */
  readonly folder: FolderId | null;
  /** Its keyboard key, if it has one (none has yet: the keys are the run's actions, ../renderer/keyboard.ts). */
  readonly key?: string;
  /** A tooltip: what it does, in one line. */
  readonly hint: string;
  readonly choices?: readonly Choice[];
  /**
   * How a slider moves over it. `range` is the control's span in the value's own units: a log slider's ends,
   * a number field's least value (with an infinite max: a field, not a slider, so any size can be typed).
   */
  readonly scale?: 'linear' | 'log';
  readonly range?: { readonly min: number; readonly max: number };
  /** Significant digits a log slider keeps (2 unless said), or a number field's step. */
  readonly digits?: number;
  readonly step?: number;
  /** The value that turns it off, and the word the panel shows for it. */
  readonly off?: { readonly value: null | 0; readonly word: string };
  /** The schema's default where it has one; else what the panel or a new scenario starts from. */
  readonly default: unknown;
  /** Whether the stability map can sweep it against the learning rate (`lab sweep --vs`). */
  readonly sweepable?: boolean;
}

/** The settings, in the panel's order. */
export const settings = [
  {
    path: 'optimizer.kind',
    label: 'Optimizer',
    effect: 'descent',
    type: 'choice',
    folder: 'optimizer',
    hint: 'PyTorch’s conventions; a new optimizer starts with its default settings',
    choices: [
      { value: 'gd', label: 'Gradient descent', short: 'GD' },
      { value: 'momentum', label: 'Momentum', short: 'Momentum' },
      { value: 'nesterov', label: 'Nesterov', short: 'Nesterov' },
      { value: 'adagrad', label: 'Adagrad', short: 'Adagrad' },
      { value: 'rmsprop', label: 'RMSprop', short: 'RMSprop' },
      { value: 'adam', label: 'Adam', short: 'Adam' },
      { value: 'adamw', label: 'AdamW', short: 'AdamW' },
      { value: 'nadam', label: 'NAdam', short: 'NAdam' },
      { value: 'radam', label: 'RAdam', short: 'RAdam' },
      { value: 'lion', label: 'Lion', short: 'Lion' },
    ],
    default: 'gd',
  },
  {
    path: 'optimizer.alpha',
    label: 'Learning rate α',
    effect: 'descent',
    type: 'number',
    folder: 'optimizer',
    hint: 'The step size α, on a log scale (type any value > 0)',
    scale: 'log',
    range: { min: 1e-5, max: 10 },
    digits: 3,
    default: 0.01,
  },
  {
    path: 'optimizer.beta',
    label: 'Momentum β',
    effect: 'descent',
    type: 'number',
    folder: 'optimizer',
    hint: 'How much of the last velocity each step keeps; in (0, 1)',
    scale: 'linear',
    step: 0.001,
    default: 0.9,
    sweepable: true,
  },
  {
    path: 'optimizer.rho',
    label: 'Decay ρ',
    effect: 'descent',
    type: 'number',
    folder: 'optimizer',
    hint: 'How fast the running mean of g² forgets; in (0, 1)',
    scale: 'linear',
    step: 0.001,
    default: 0.99,
  },
  {
    path: 'optimizer.beta1',
    label: 'β₁',
    effect: 'descent',
    type: 'number',
    folder: 'optimizer',
    hint: 'Decay of the first moment (the mean of g); in (0, 1)',
    scale: 'linear',
    step: 0.001,
    default: 0.9,
  },
  {
    path: 'optimizer.beta2',
    label: 'β₂',
    effect: 'descent',
    type: 'number',
    folder: 'optimizer',
    hint: 'Decay of the second moment (the mean of g²); in (0, 1)',
    scale: 'linear',
    step: 0.001,
    default: 0.999,
  },
  {
    path: 'optimizer.eps',
    label: 'ε',
    effect: 'descent',
    type: 'number',
    folder: 'optimizer',
    hint: 'Added to the denominator so that it is never zero',
    scale: 'log',
    range: { min: 1e-12, max: 1e-1 },
    default: 1e-8,
  },

  {
    path: 'optimizer.weightDecay',
    label: 'Weight decay λ',
    effect: 'descent',
    type: 'number',
    folder: 'optimizer',
    hint: 'Pulls each parameter towards 0: λ·p added to g (AdamW and Lion: p shrunk by α·λ·p first); ≥ 0',
    scale: 'linear',
    range: { min: 0, max: Infinity },
    step: 0.001,
    default: 0,
  },
  {
    path: 'optimizer.dampening',
    label: 'Dampening τ',
    effect: 'descent',
    type: 'number',
    folder: 'optimizer',
    hint: 'The share of each new gradient the velocity leaves out, (1 − τ)·g, after the first step; in [0, 1]',
    scale: 'linear',
    range: { min: 0, max: 1 },
    step: 0.01,
    default: 0,
  },
  {
    path: 'optimizer.momentum',
    label: 'Momentum μ',
    effect: 'descent',
    type: 'number',
    folder: 'optimizer',
    hint: 'RMSprop’s momentum buffer: how much of the last scaled step each step keeps (0: none); in [0, 1)',
    scale: 'linear',
    range: { min: 0, max: 0.999 },
    step: 0.001,
    default: 0,
  },
  {
    path: 'optimizer.centered',
    label: 'Centred',
    effect: 'descent',
    type: 'boolean',
    folder: 'optimizer',
    hint: 'RMSprop divides by the running variance of g (mean of g² less the squared mean of g), not the mean of g²',
    default: false,
  },
  {
    path: 'optimizer.amsgrad',
    label: 'AMSGrad',
    effect: 'descent',
    type: 'boolean',
    folder: 'optimizer',
    hint: 'Adam divides by the largest second moment so far, so its steps never grow back',
    default: false,
  },
  {
    path: 'optimizer.momentumDecay',
    label: 'Momentum decay ψ',
    effect: 'descent',
    type: 'number',
    folder: 'optimizer',
    hint: 'NAdam’s schedule of μₜ = β₁(1 − ½·0.96^(tψ)); ≥ 0',
    scale: 'linear',
    range: { min: 0, max: Infinity },
    step: 0.001,
    default: 0.004,
  },

  {
    path: 'optimizer.schedule.kind',
    label: 'Schedule',
    effect: 'descent',
    type: 'choice',
    folder: 'schedule',
    hint: 'How the learning rate changes over the steps',
    choices: [
      { value: 'none', label: 'None', short: 'none', schema: false },
      { value: 'constant', label: 'Constant', short: 'constant' },
      { value: 'step', label: 'Step decay', short: 'step' },
      { value: 'exponential', label: 'Exponential', short: 'exp' },
      { value: 'cosine', label: 'Cosine', short: 'cosine' },
    ],
    default: 'constant',
  },
  {
    path: 'optimizer.schedule.every',
    label: 'Decay every',
    effect: 'descent',
    type: 'integer',
    folder: 'schedule',
    hint: 'Steps between two decays',
    scale: 'linear',
    range: { min: 1, max: Infinity },
    step: 1,
    default: 100,
  },
  {
    path: 'optimizer.schedule.gamma',
    label: 'Decay factor γ',
    effect: 'descent',
    type: 'number',
    folder: 'schedule',
    hint: 'The rate is multiplied by γ at each decay',
    scale: 'linear',
    range: { min: 0, max: Infinity },
    step: 0.01,
    default: 0.5,
  },
  {
    path: 'optimizer.schedule.steps',
    label: 'Cosine length',
    effect: 'descent',
    type: 'integer',
    folder: 'schedule',
    hint: 'Steps from α down to the minimum',
    scale: 'linear',
    range: { min: 1, max: Infinity },
    step: 1,
    default: 100,
  },
  {
    path: 'optimizer.schedule.min',
    label: 'Minimum rate',
    effect: 'descent',
    type: 'number',
    folder: 'schedule',
    hint: 'Where the cosine ends',
    scale: 'linear',
    range: { min: 0, max: Infinity },
    step: 0.0001,
    default: 0,
  },
  {
    path: 'optimizer.schedule.warmup',
    label: 'Warm-up steps',
    effect: 'descent',
    type: 'integer',
    folder: 'schedule',
    hint: 'The rate grows linearly over the first steps (0: none)',
    scale: 'linear',
    range: { min: 0, max: Infinity },
    step: 1,
    default: 0,
  },

  {
    path: 'init.dist',
    label: 'Init',
    effect: 'rebuild',
    type: 'choice',
    folder: 'init',
    hint: 'Where the particles start: given points, a distribution (switching keeps the centre), or for a network torch.nn.init’s weight schemes',
    choices: [
      { value: 'points', label: 'Points', short: 'points', schema: false },
      { value: 'gaussian', label: 'Gaussian', short: 'gaussian' },
      { value: 'uniform', label: 'Uniform', short: 'uniform' },
      { value: 'grid', label: 'Grid', short: 'grid' },
      // A network's only (../renderer/panel/params.ts offers them for an mlp): each layer's weights from its widths.
      { value: 'xavier-uniform', label: 'Xavier/Glorot uniform', short: 'xavier-u' },
      { value: 'xavier-normal', label: 'Xavier/Glorot normal', short: 'xavier-n' },
      { value: 'kaiming-uniform', label: 'He/Kaiming uniform', short: 'kaiming-u' },
      { value: 'kaiming-normal', label: 'He/Kaiming normal', short: 'kaiming-n' },
      { value: 'torch-default', label: 'Torch default (nn.Linear)', short: 'torch' },
    ],
    default: 'gaussian',
  },
  {
    path: 'init.mode',
    label: 'Kaiming fan',
    effect: 'rebuild',
    type: 'choice',
    folder: 'init',
    hint: 'Fan-in keeps the variance of the forward pass, fan-out that of the gradients flowing back (torch’s mode)',
    choices: [
      { value: 'fan-in', label: 'Fan-in', short: 'fan-in' },
      { value: 'fan-out', label: 'Fan-out', short: 'fan-out' },
    ],
    default: 'fan-in',
  },
  {
    path: 'init.gain',
    label: 'Gain',
    effect: 'rebuild',
    type: 'number',
    folder: 'init',
    hint: 'torch’s gain for every layer; empty: calculate_gain of each layer’s nonlinearity (tanh 5/3, ReLU √2, else 1)',
    range: { min: 0, max: Infinity },
    // No schema default: left out, each layer takes its own; 1 is calculate_gain's for a linear layer.
    default: 1,
  },
  {
    path: 'init.mean',
    label: 'Centre',
    effect: 'rebuild',
    type: 'vector',
    folder: 'init',
    hint: 'One number per parameter, separated by commas',
    default: [0, 0],
  },
  {
    path: 'init.std',
    label: 'Spread',
    effect: 'rebuild',
    type: 'vector',
    folder: 'init',
    hint: 'The standard deviation (gaussian) or half-width (uniform, grid): one number, or one per parameter',
    scale: 'linear',
    default: 1,
    sweepable: true,
  },
  {
    path: 'init.count',
    label: 'Particles',
    effect: 'rebuild',
    type: 'integer',
    folder: 'init',
    hint: 'How many particles start (a grid rounds to a perfect power); points: switch Init to a distribution',
    scale: 'log',
    range: { min: 1, max: 1e5 },
    default: 100,
  },
  {
    path: 'seed',
    label: 'Seed',
    effect: 'rebuild',
    type: 'integer',
    folder: 'init',
    hint: 'Drives every random choice: the cloud, generated data, shuffling',
    scale: 'linear',
    step: 1,
    default: 0,
  },

  {
    path: 'batch.size',
    label: 'Batch size',
    effect: 'descent',
    type: 'integer',
    folder: 'batch',
    hint: 'Full: every row each step; Mini-batch: a few rows; Stochastic: one row',
    scale: 'linear',
    range: { min: 1, max: Infinity },
    step: 1,
    off: { value: null, word: 'Full' },
    default: null,
    sweepable: true,
  },
  {
    path: 'batch.shuffle',
    label: 'Shuffle',
    effect: 'descent',
    type: 'boolean',
    folder: 'batch',
    hint: 'Shuffle the rows at each epoch (from the seed)',
    default: true,
  },
  {
    path: 'batch.dropLast',
    label: 'Drop last batch',
    effect: 'descent',
    type: 'boolean',
    folder: 'batch',
    hint: 'Skip the last, shorter batch of an epoch',
    default: false,
  },

  {
    path: 'clip.mode',
    label: 'Clip',
    effect: 'descent',
    type: 'choice',
    folder: 'clip',
    hint: 'By value: clamp each gradient component to ±limit; by norm: scale the gradient to at most limit',
    choices: [
      { value: 'off', label: 'Off', short: 'off', schema: false },
      { value: 'value', label: 'By value', short: 'value' },
      { value: 'norm', label: 'By norm', short: 'norm' },
    ],
    default: 'norm',
  },
  {
    path: 'clip.limit',
    label: 'Clip limit',
    effect: 'descent',
    type: 'number',
    folder: 'clip',
    hint: 'The limit c > 0',
    scale: 'log',
    range: { min: 1e-3, max: 1e4 },
    digits: 3,
    default: 1,
    sweepable: true,
  },

  {
    path: 'freeze',
    label: 'Freeze',
    effect: 'descent',
    type: 'indices',
    folder: 'freeze',
    hint: 'Parameters held fixed (their gradient is zeroed)',
    default: [],
  },

  {
    path: 'tolerance',
    label: 'Tolerance',
    effect: 'descent',
    type: 'number',
    folder: 'stop',
    hint: 'A particle stops once its loss changes by less than this in a step; off: far left, or type off',
    scale: 'log',
    range: { min: 1e-15, max: 1 },
    off: { value: null, word: 'off' },
    default: null,
  },
  {
    path: 'stop.belowLoss',
    label: 'Stop below loss',
    effect: 'descent',
    type: 'number',
    folder: 'stop',
    hint: 'A particle converges once its loss is at or below this (may be negative); off: type off',
    off: { value: null, word: 'off' },
    default: null,
  },
  {
    path: 'stop.gradNorm',
    label: 'Stop at gradient norm',
    effect: 'descent',
    type: 'number',
    folder: 'stop',
    hint: 'A particle converges once its gradient’s norm (before clipping) is at or below this; off: far left, or type off',
    scale: 'log',
    range: { min: 1e-12, max: 100 },
    off: { value: null, word: 'off' },
    default: null,
  },
  {
    path: 'stop.patience',
    label: 'Patience',
    effect: 'descent',
    type: 'integer',
    folder: 'stop',
    hint: 'A particle stalls (converged) after this many steps without its best loss improving by more than Min delta; off: far left, or type off',
    scale: 'log',
    range: { min: 1, max: 1e5 },
    off: { value: null, word: 'off' },
    default: null,
  },
  {
    path: 'stop.minDelta',
    label: 'Min delta',
    effect: 'descent',
    type: 'number',
    folder: 'stop',
    hint: 'How much the loss must fall to count as an improvement for Patience; far left: 0',
    scale: 'log',
    range: { min: 1e-15, max: 1 },
    off: { value: 0, word: '0' },
    default: 0,
  },
  {
    path: 'stop.divergence',
    label: 'Diverged at loss',
    effect: 'descent',
    type: 'number',
    folder: 'stop',
    hint: 'A particle has diverged once its loss reaches this (the default 1e100 names a blow-up long before overflow); off: only a loss that is no longer a number',
    scale: 'log',
    range: { min: 1, max: 1e300 },
    off: { value: null, word: 'off' },
    default: defaultDivergence,
  },
  {
    path: 'epochs',
    label: 'Epochs',
    effect: 'trainer',
    type: 'integer',
    folder: 'stop',
    hint: 'Passes over the data (a surface: steps) before the run ends',
    scale: 'log',
    range: { min: 1, max: limits.maxEpochs },
    default: 100,
  },

  {
    path: 'name',
    label: 'Name',
    effect: 'trainer',
    type: 'text',
    folder: null,
    hint: 'The scenario’s name, shown in the title and saved with it',
    default: 'untitled',
  },
] as const satisfies readonly Setting[];

export type SettingRow = (typeof settings)[number];
export type SettingPath = SettingRow['path'];

/** The top-level field of a path ("optimizer" of "optimizer.alpha"). */
type RootOf<P extends string> = P extends `${infer R}.${string}` ? R : P;
const rootOf = (path: string) => path.split('.')[0];

/** A row by its path; throws for a path that is not in the table (a typo in code, caught by its tests). */
export function setting(path: SettingPath): Setting {
  const row = (settings as readonly Setting[]).find((s) => s.path === path);
  if (!row) throw new Error(`no setting ${path}`);
  return row;
}

/** Top-level fields whose change keeps the cloud where it is. */
export const hotRoots: ReadonlySet<string> = new Set((settings as readonly Setting[]).filter((s) => s.effect !== 'rebuild').map((s) => rootOf(s.path)));

/** Whether `set(path, …)` changes the running descent (hot) rather than rebuilding the run. */
export function isHot(path: string): boolean {
  return hotRoots.has(rootOf(path));
}

/** The scenario's top-level fields that the running descent holds and `configure` takes. */
export type DescentRoot = RootOf<Extract<SettingRow, { effect: 'descent' }>['path']>;
export const descentRoots = [
  ...new Set((settings as readonly Setting[]).filter((s) => s.effect === 'descent').map((s) => rootOf(s.path))),
] as readonly DescentRoot[];

/** The settings that change a running descent without a reset (a "hot" change). */
export type HotSettings = Pick<Scenario, DescentRoot>;

/** A scenario's hot settings: what the descent's `configure` takes when a hot field changes. */
export function hotSettingsOf(scenario: HotSettings): HotSettings {
  return Object.fromEntries(descentRoots.map((root) => [root, scenario[root]])) as unknown as HotSettings;
}

/** The second settings a stability map can sweep against the learning rate (the `--vs` of the command line). */
export type SweepField = Extract<SettingRow, { sweepable: true }>['path'];
export const sweepFields = (settings as readonly Setting[]).filter((s) => s.sweepable).map((s) => s.path) as readonly SweepField[] as readonly [
  SweepField,
  ...SweepField[],
];

/** The optimizers' names: `label` in the panel and the race builder's menu, `short` for a race's groups. */
export const optimizerChoices = setting('optimizer.kind').choices! as readonly (Choice & { value: Scenario['optimizer']['kind'] })[];

/** The label of one value of a choice setting (the value itself when the table has none). */
export function choiceLabel(path: SettingPath, value: string, form: 'label' | 'short' = 'label'): string {
  return setting(path).choices?.find((c) => c.value === value)?.[form] ?? value;
}
