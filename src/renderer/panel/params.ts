/**
 * The panel's parameter table, in the spirit of tensorflow/playground's State.PROPS: one declarative entry
 * per control, saying which scenario field it edits, its label (CONTRACTS §3), its kind and range (from the
 * schema's limits and defaults), and how it reads a scenario and writes a change back. The panel
 * (./index.ts) is built from this table alone; ./param.ts says what an entry is. No DOM: tested in node
 * (./params.test.ts).
 *
 * Writing never edits the scenario itself: it says what to ask the lab for. `set(path, value)` is checked
 * by the trainer, which applies a hot field (optimizer, batch, clip, freeze, tolerance, stop, epochs) to the
 * running descent and rebuilds the run for a structural one (init, seed).
 */
import { limits } from '../../shared/limits';
import { presets, findPreset, type Preset } from '../../shared/presets';
import type { OptimizerKind, OptimizerSpec, Scenario, ScheduleSpec } from '../../shared/scenario';
import { centreOf, countOf, initKind, moveCentre, spreadOf, switchInit, withCount, withSpread, type InitKind } from './cloud';
import { formatNumber, formatVector, parseNumber, parseVector, type LogScale } from './numbers';
import type { Action, Change, GroupId, PanelContext, Param, Value } from './param';

export const actions: readonly Action[] = [
  { key: 'playPause', label: 'Play', hint: 'Play or pause the descent (Space)' },
  { key: 'step', label: 'Step', hint: 'One step (→)' },
  { key: 'reset', label: 'Reset', hint: 'Back to the starting cloud (R)' },
];

/** Folder titles; `run` is the panel's top level. */
export const groupTitles: Record<GroupId, string> = {
  run: '',
  optimizer: 'Optimizer',
  schedule: 'Schedule',
  init: 'Starting cloud',
  batch: 'Batches',
  clip: 'Clipping',
  stop: 'Stopping',
  freeze: 'Freeze',
};

const presetGroupTitles: Record<Preset['group'], string> = { notebooks: 'Notebooks', surfaces: 'Surfaces' };

/** The Scenario drop-down's label for a preset: "Notebooks · Neuron: three inputs". */
export function presetLabel(preset: Preset): string {
  return `${presetGroupTitles[preset.group]} · ${preset.title}`;
}

export const optimizerLabels: Record<OptimizerKind, string> = {
  gd: 'Gradient descent',
  momentum: 'Momentum',
  nesterov: 'Nesterov',
  adagrad: 'Adagrad',
  rmsprop: 'RMSprop',
  adam: 'Adam',
};

const initLabels: Record<InitKind, string> = { points: 'Points', gaussian: 'Gaussian', uniform: 'Uniform', grid: 'Grid' };
type BatchMode = 'full' | 'mini' | 'stochastic';
const batchLabels: Record<BatchMode, string> = { full: 'Full', mini: 'Mini-batch', stochastic: 'Stochastic' };
type ClipMode = 'off' | 'value' | 'norm';
const clipLabels: Record<ClipMode, string> = { off: 'Off', value: 'By value', norm: 'By norm' };
type ScheduleKind = 'none' | ScheduleSpec['kind'];
const scheduleLabels: Record<ScheduleKind, string> = { none: 'None', constant: 'Constant', step: 'Step decay', exponential: 'Exponential', cosine: 'Cosine' };

/** label → value, from value → label. */
const invert = <K extends string>(labels: Record<K, string>): Record<string, string> => Object.fromEntries(Object.entries(labels).map(([value, label]) => [label, value]));

/** Rows of the data set, when the page can know them (a CSV file's are read by the desktop host). */
export function rowsOf(scenario: Scenario): number | null {
  const data = scenario.data;
  if (!data) return null;
  if ('generate' in data) return data.n;
  if ('csv' in data) return null;
  return data.x.length;
}

/** The size Mini-batch picks when switched on: about a quarter of the rows (3 of notebook 001's 12), 2 to 32. */
export function defaultBatchSize(scenario: Scenario): number {
  const rows = rowsOf(scenario);
  if (rows === null) return 32;
  return Math.min(rows, Math.max(2, Math.min(32, Math.round(rows / 4))));
}

/** Default settings of a newly chosen schedule; a warm-up already set is kept. */
function newSchedule(kind: ScheduleSpec['kind'], scenario: Scenario, warmup: number): ScheduleSpec {
  switch (kind) {
    case 'constant':
      return { kind, warmup };
    case 'step':
      return { kind, every: 100, gamma: 0.5, warmup };
    case 'exponential':
      return { kind, gamma: 0.99, warmup };
    case 'cosine':
      return { kind, steps: scenario.epochs, min: 0, warmup };
  }
}

const set = (path: string, value: unknown): Change => ({ kind: 'set', path, value });
const none: Change = { kind: 'none' };
const hasData = (s: Scenario) => s.data !== undefined;
const optimizerField = (s: Scenario, field: string): number => (s.optimizer as unknown as Record<string, number>)[field];
const hasField = (field: string) => (s: Scenario) => field in s.optimizer;
const scheduleField = (s: Scenario, field: string): number => (s.optimizer.schedule as unknown as Record<string, number> | undefined)?.[field] ?? 0;
const hasScheduleField = (field: string) => (s: Scenario) => s.optimizer.schedule !== undefined && field in s.optimizer.schedule;

/** A value typed in a text field, with unchanged components kept exact (the field shows 6 significant digits). */
function settle(typed: readonly number[], current: readonly number[]): number[] {
  return typed.map((v, j) => (j < current.length && formatNumber(v) === formatNumber(current[j]) ? current[j] : v));
}

const vectorHint = (context: PanelContext) => (context.paramNames.length ? ` (${context.paramNames.join(', ')})` : '');

function param<V extends Value>(entry: Param<V>): Param {
  return entry as unknown as Param;
}

/** A log-scale rate: 1e-5 to 10, three significant digits from the slider. */
const rateScale: LogScale = { min: -5, max: 1, digits: 3 };

export const params: readonly Param[] = [
  param<string>({
    key: 'scenario',
    label: 'Scenario',
    group: 'run',
    path: '',
    hint: 'Every experiment of the notebooks, and a cloud on each surface',
    control: {
      kind: 'select',
      options: (s) => {
        const own = findPreset(s.name) ? {} : { [`Your scenario · ${s.name || 'untitled'}`]: '' };
        return { ...own, ...Object.fromEntries(presets.map((p) => [presetLabel(p), p.name])) };
      },
    },
    read: (s) => (findPreset(s.name) ? s.name : ''),
    write: (name) => (name === '' ? none : { kind: 'load', preset: name }),
  }),
  param<number>({
    key: 'speed',
    label: 'Steps per frame',
    group: 'run',
    path: '',
    hint: 'How many steps the descent takes between two frames while playing',
    control: { kind: 'log-slider', scale: { min: 0, max: 5, digits: 2, integer: true } },
    read: (_s, context) => context.speed,
    write: (value) => ({ kind: 'speed', stepsPerFrame: Math.round(value) }),
  }),

  param<string>({
    key: 'optimizer',
    label: 'Optimizer',
    group: 'optimizer',
    path: 'optimizer',
    hint: 'PyTorch’s conventions; a new optimizer starts with its default settings',
    control: { kind: 'select', options: () => invert(optimizerLabels) },
    read: (s) => s.optimizer.kind,
    write: (kind, s) => {
      if (kind === s.optimizer.kind) return none;
      const { alpha, schedule } = s.optimizer;
      return set('optimizer', { kind, alpha, ...(schedule && { schedule }) } as OptimizerSpec);
    },
  }),
  param<number>({
    key: 'alpha',
    label: 'Learning rate α',
    group: 'optimizer',
    path: 'optimizer.alpha',
    hint: 'The step size α, on a log scale (type any value > 0)',
    control: { kind: 'log-slider', scale: rateScale },
    read: (s) => s.optimizer.alpha,
    write: (value) => set('optimizer.alpha', value),
  }),
  ...(
    [
      ['beta', 'Momentum β', 'How much of the last velocity each step keeps'],
      ['rho', 'Decay ρ', 'How fast the running mean of g² forgets'],
      ['beta1', 'β₁', 'Decay of the first moment (the mean of g)'],
      ['beta2', 'β₂', 'Decay of the second moment (the mean of g²)'],
    ] as const
  ).map(([field, label, hint]) =>
    param<number>({
      key: field,
      label,
      group: 'optimizer',
      path: `optimizer.${field}`,
      hint: `${hint}; in (0, 1)`,
      control: { kind: 'number', step: 0.001 },
      visible: hasField(field),
      read: (s) => optimizerField(s, field),
      write: (value) => set(`optimizer.${field}`, value),
    }),
  ),
  param<number>({
    key: 'eps',
    label: 'ε',
    group: 'optimizer',
    path: 'optimizer.eps',
    hint: 'Added to the denominator so that it is never zero',
    control: { kind: 'log-slider', scale: { min: -12, max: -1, digits: 2 } },
    visible: hasField('eps'),
    read: (s) => optimizerField(s, 'eps'),
    write: (value) => set('optimizer.eps', value),
  }),

  param<string>({
    key: 'schedule',
    label: 'Schedule',
    group: 'schedule',
    path: 'optimizer.schedule',
    hint: 'How the learning rate changes over the steps',
    control: { kind: 'select', options: () => invert(scheduleLabels) },
    read: (s) => s.optimizer.schedule?.kind ?? 'none',
    write: (kind, s) => {
      const current = s.optimizer.schedule;
      if (kind === (current?.kind ?? 'none')) return none;
      const { schedule: _old, ...rest } = s.optimizer;
      return set('optimizer', kind === 'none' ? rest : { ...rest, schedule: newSchedule(kind as ScheduleSpec['kind'], s, current?.warmup ?? 0) });
    },
  }),
  ...(
    [
      ['every', 'Decay every', 'Steps between two decays', { kind: 'number', min: 1, step: 1 }],
      ['gamma', 'Decay factor γ', 'The rate is multiplied by γ at each decay', { kind: 'number', min: 0, step: 0.01 }],
      ['steps', 'Cosine length', 'Steps from α down to the minimum', { kind: 'number', min: 1, step: 1 }],
      ['min', 'Minimum rate', 'Where the cosine ends', { kind: 'number', min: 0, step: 0.0001 }],
      ['warmup', 'Warm-up steps', 'The rate grows linearly over the first steps (0: none)', { kind: 'number', min: 0, step: 1 }],
    ] as const
  ).map(([field, label, hint, control]) =>
    param<number>({
      key: `schedule.${field}`,
      label,
      group: 'schedule',
      path: `optimizer.schedule.${field}`,
      hint,
      control,
      visible: hasScheduleField(field),
      read: (s) => scheduleField(s, field),
      write: (value) => set(`optimizer.schedule.${field}`, value),
    }),
  ),

  param<string>({
    key: 'init',
    label: 'Init',
    group: 'init',
    path: 'init',
    hint: 'Where the particles start: given points, or a distribution (switching keeps the centre)',
    control: { kind: 'select', options: () => invert(initLabels) },
    read: (s) => initKind(s.init),
    write: (kind, s) => (kind === initKind(s.init) ? none : set('init', switchInit(s.init, kind as InitKind))),
  }),
  param<string>({
    key: 'centre',
    label: 'Centre',
    group: 'init',
    path: 'init',
    hint: 'One number per parameter, separated by commas',
    control: { kind: 'text' },
    read: (s) => formatVector(centreOf(s.init)),
    write: (text, s, context) => {
      const current = centreOf(s.init);
      const typed = parseVector(text);
      if (!typed || typed.length !== current.length) return { kind: 'problem', problem: `Centre: needs ${current.length} number${current.length === 1 ? '' : 's'}, one per parameter${vectorHint(context)}` };
      const centre = settle(typed, current);
      return centre.every((v, j) => v === current[j]) ? none : set('init', moveCentre(s.init, centre));
    },
  }),
  param<string>({
    key: 'spread',
    label: 'Spread',
    group: 'init',
    path: 'init',
    hint: 'The standard deviation (gaussian) or half-width (uniform, grid): one number, or one per parameter',
    control: { kind: 'text' },
    visible: (s) => !('points' in s.init),
    read: (s) => formatVector(spreadOf(s.init), true),
    write: (text, s, context) => {
      const current = spreadOf(s.init);
      const typed = parseVector(text);
      if (!typed || (typed.length !== 1 && typed.length !== current.length) || typed.some((v) => v < 0)) {
        return { kind: 'problem', problem: `Spread: needs one number ≥ 0, or ${current.length}, one per parameter${vectorHint(context)}` };
      }
      const spread = settle(typed.length === 1 ? current.map(() => typed[0]) : typed, current);
      if (spread.every((v, j) => v === current[j])) return none;
      return set('init', withSpread(s.init, typed.length === 1 && spread.every((v) => v === spread[0]) ? [spread[0]] : spread));
    },
  }),
  param<number>({
    key: 'count',
    label: 'Particles',
    group: 'init',
    path: 'init',
    hint: 'How many particles start (a grid rounds to a perfect power); points: switch Init to a distribution',
    control: { kind: 'log-slider', scale: { min: 0, max: 5, digits: 2, integer: true } },
    enabled: (s) => !('points' in s.init),
    read: (s) => countOf(s.init),
    write: (typed, s) => {
      const count = Math.round(typed);
      return count === countOf(s.init) ? none : set('init', withCount(s.init, count));
    },
  }),
  param<number>({
    key: 'seed',
    label: 'Seed',
    group: 'init',
    path: 'seed',
    hint: 'Drives every random choice: the cloud, generated data, shuffling',
    control: { kind: 'number', step: 1 },
    read: (s) => s.seed,
    write: (seed) => set('seed', Math.round(seed)),
  }),

  param<string>({
    key: 'batch',
    label: 'Batch size',
    group: 'batch',
    path: 'batch.size',
    hint: 'Full: every row each step; Mini-batch: a few rows; Stochastic: one row',
    control: { kind: 'select', options: () => invert(batchLabels) },
    visible: hasData,
    read: (s) => (s.batch.size === null ? 'full' : s.batch.size === 1 ? 'stochastic' : 'mini'),
    write: (mode, s) => {
      const size = s.batch.size;
      if (mode === 'full') return size === null ? none : set('batch.size', null);
      if (mode === 'stochastic') return size === 1 ? none : set('batch.size', 1);
      return size !== null && size > 1 ? none : set('batch.size', defaultBatchSize(s));
    },
  }),
  param<number>({
    key: 'batchSize',
    label: 'Rows per batch',
    group: 'batch',
    path: 'batch.size',
    hint: 'Rows of data in each mini-batch',
    control: { kind: 'number', min: 1, step: 1 },
    visible: (s) => hasData(s) && s.batch.size !== null && s.batch.size > 1,
    read: (s) => s.batch.size ?? defaultBatchSize(s),
    write: (size) => set('batch.size', Math.round(size)),
  }),
  param<boolean>({
    key: 'shuffle',
    label: 'Shuffle',
    group: 'batch',
    path: 'batch.shuffle',
    hint: 'Shuffle the rows at each epoch (from the seed)',
    control: { kind: 'toggle' },
    visible: (s) => hasData(s) && s.batch.size !== null,
    read: (s) => s.batch.shuffle,
    write: (value) => set('batch.shuffle', value),
  }),
  param<boolean>({
    key: 'dropLast',
    label: 'Drop last batch',
    group: 'batch',
    path: 'batch.dropLast',
    hint: 'Skip the last, shorter batch of an epoch',
    control: { kind: 'toggle' },
    visible: (s) => hasData(s) && s.batch.size !== null,
    read: (s) => s.batch.dropLast,
    write: (value) => set('batch.dropLast', value),
  }),

  param<string>({
    key: 'clip',
    label: 'Clip',
    group: 'clip',
    path: 'clip',
    hint: 'By value: clamp each gradient component to ±limit; by norm: scale the gradient to at most limit',
    control: { kind: 'select', options: () => invert(clipLabels) },
    read: (s) => s.clip?.mode ?? 'off',
    write: (mode, s) => {
      if (mode === (s.clip?.mode ?? 'off')) return none;
      return set('clip', mode === 'off' ? null : { mode, limit: s.clip?.limit ?? 1 });
    },
  }),
  param<number>({
    key: 'clipLimit',
    label: 'Clip limit',
    group: 'clip',
    path: 'clip.limit',
    hint: 'The limit c > 0',
    control: { kind: 'log-slider', scale: { min: -3, max: 4, digits: 3 } },
    visible: (s) => s.clip !== null,
    read: (s) => s.clip?.limit ?? 1,
    write: (limit) => set('clip.limit', limit),
  }),
  param<number | null>({
    key: 'tolerance',
    label: 'Tolerance',
    group: 'stop',
    path: 'tolerance',
    hint: 'A particle stops once its loss changes by less than this in a step; off: far left, or type off',
    control: { kind: 'log-slider', scale: { min: -15, max: 0, digits: 2 }, off: 'off' },
    read: (s) => s.tolerance,
    write: (value) => set('tolerance', value),
  }),
  param<string>({
    key: 'belowLoss',
    label: 'Stop below loss',
    group: 'stop',
    path: 'stop.belowLoss',
    hint: 'A particle converges once its loss is at or below this (may be negative); off: type off',
    control: { kind: 'text' },
    read: (s) => (s.stop.belowLoss === null ? 'off' : formatNumber(s.stop.belowLoss)),
    write: (text, s) => {
      const typed = text.trim().toLowerCase();
      const value = typed === '' || typed === 'off' ? null : (parseNumber(typed) ?? Number.NaN);
      // What cannot be read goes on as NaN: the lab's check names stop.belowLoss and what it must be.
      return value === s.stop.belowLoss ? none : set('stop.belowLoss', value);
    },
  }),
  param<number | null>({
    key: 'gradNorm',
    label: 'Stop at gradient norm',
    group: 'stop',
    path: 'stop.gradNorm',
    hint: 'A particle converges once its gradient’s norm (before clipping) is at or below this; off: far left, or type off',
    control: { kind: 'log-slider', scale: { min: -12, max: 2, digits: 2 }, off: 'off' },
    read: (s) => s.stop.gradNorm,
    write: (value) => set('stop.gradNorm', value),
  }),
  param<number | null>({
    key: 'patience',
    label: 'Patience',
    group: 'stop',
    path: 'stop.patience',
    hint: 'A particle stalls (converged) after this many steps without its best loss improving by more than Min delta; off: far left, or type off',
    control: { kind: 'log-slider', scale: { min: 0, max: 5, digits: 2, integer: true }, off: 'off' },
    read: (s) => s.stop.patience,
    write: (value) => set('stop.patience', value),
  }),
  param<number | null>({
    key: 'minDelta',
    label: 'Min delta',
    group: 'stop',
    path: 'stop.minDelta',
    hint: 'How much the loss must fall to count as an improvement for Patience; far left: 0',
    control: { kind: 'log-slider', scale: { min: -15, max: 0, digits: 2 }, off: '0' },
    visible: (s) => s.stop.patience !== null,
    read: (s) => (s.stop.minDelta === 0 ? null : s.stop.minDelta),
    write: (value) => set('stop.minDelta', value ?? 0),
  }),
  param<number | null>({
    key: 'divergence',
    label: 'Diverged at loss',
    group: 'stop',
    path: 'stop.divergence',
    hint: 'A particle has diverged once its loss reaches this (the default 1e100 names a blow-up long before overflow); off: only a loss that is no longer a number',
    control: { kind: 'log-slider', scale: { min: 0, max: 300, digits: 2 }, off: 'off' },
    read: (s) => s.stop.divergence,
    write: (value) => set('stop.divergence', value),
  }),
  param<number>({
    key: 'epochs',
    label: 'Epochs',
    group: 'stop',
    path: 'epochs',
    hint: 'Passes over the data (a surface: steps) before the run ends',
    control: { kind: 'log-slider', scale: { min: 0, max: Math.log10(limits.maxEpochs), digits: 2, integer: true } },
    read: (s) => s.epochs,
    write: (epochs) => set('epochs', Math.round(epochs)),
  }),
];

/** One Freeze toggle per parameter of the loaded model. */
export function freezeParams(paramNames: readonly string[]): Param[] {
  return paramNames.map((name, index) =>
    param<boolean>({
      key: `freeze.${index}`,
      label: name,
      group: 'freeze',
      path: 'freeze',
      hint: `Hold ${name} fixed (its gradient is zeroed)`,
      control: { kind: 'toggle' },
      read: (s) => s.freeze.includes(index),
      write: (frozen, s) => {
        if (frozen === s.freeze.includes(index)) return none;
        const next = frozen ? [...s.freeze, index] : s.freeze.filter((i) => i !== index);
        return set('freeze', [...new Set(next)].sort((a, b) => a - b));
      },
    }),
  );
}

/** Models with more parameters than this get their Freeze folder closed. */
export const openFreezeLimit = 6;

/** Every control of the panel for this model: the table, then one Freeze toggle per parameter. */
export function panelParams(paramNames: readonly string[]): Param[] {
  return [...params, ...freezeParams(paramNames)];
}
