/**
 * The panel's controls, built from the settings table (../../shared/settings.ts, in the spirit of
 * tensorflow/playground's State.PROPS): each control takes its label, hint, folder, scale, choices and
 * off word from its setting's row. A plain setting (a number, a toggle) becomes a control by its path
 * alone (`plain`); the few that show a setting another way (Init's shapes, the batch mode, a vector typed
 * as text) add how they read a scenario and write a change back. The panel (./index.ts) is built from
 * this list alone; ./param.ts says what an entry is. No DOM: tested in node (./params.test.ts).
 *
 * Writing never edits the scenario itself: it says what to ask the lab for. `set(path, value)` is checked
 * by the trainer, which applies a hot field (the table's `descent` and `trainer` rows) to the running
 * descent and rebuilds the run for a structural one (init, seed).
 */
import { presets, findPreset, type Preset } from '../../shared/presets';
import { weightSchemes, type OptimizerKind, type OptimizerSpec, type Scenario, type ScheduleSpec } from '../../shared/scenario';
import { folderTitles, optimizerChoices, setting, type SettingPath } from '../../shared/settings';
import { dataShape, paramCountOf } from '../../shared/spec';
import { isWeightScheme } from '../../shared/validate';
import {
  centreOf,
  countOf,
  dimsOf,
  gainOf,
  initKind,
  moveCentre,
  spreadOf,
  switchInit,
  takesGain,
  withCount,
  withGain,
  withSpread,
  type InitKind,
} from './cloud';
import { formatNumber, formatVector, parseNumber, parseVector, type LogScale } from './numbers';
import type { Action, Change, Control, GroupId, PanelContext, Param, Value } from './param';

export const actions: readonly Action[] = [
  { key: 'playPause', label: 'Play', hint: 'Play or pause the descent (Space)' },
  { key: 'step', label: 'Step', hint: 'One step (→)' },
  { key: 'reset', label: 'Reset', hint: 'Back to the starting cloud (R)' },
];

/** Folder titles; `run` is the panel's top level (the settings table's folders). */
export const groupTitles: Record<GroupId, string> = folderTitles;

const presetGroupTitles: Record<Preset['group'], string> = { notebooks: 'Notebooks', surfaces: 'Surfaces', networks: 'Networks' };

/** The Scenario drop-down's label for a preset: "Notebooks · Neuron: three inputs". */
export function presetLabel(preset: Preset): string {
  return `${presetGroupTitles[preset.group]} · ${preset.title}`;
}

/** Each optimizer's name in the panel (the settings table's choices). */
export const optimizerLabels = Object.fromEntries(optimizerChoices.map((c) => [c.value, c.label])) as Record<OptimizerKind, string>;

/** A choice setting's drop-down: label → value, in the table's order. */
const optionsOf = (path: SettingPath): Record<string, string> => Object.fromEntries(setting(path).choices!.map((c) => [c.label, c.value]));

/** How the batch size shows as a mode: the size itself is the setting (batch.size, null for Full). */
type BatchMode = 'full' | 'mini' | 'stochastic';
const batchLabels: Record<BatchMode, string> = { full: 'Full', mini: 'Mini-batch', stochastic: 'Stochastic' };
const invert = <K extends string>(labels: Record<K, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(labels).map(([value, label]) => [label, value]));

/** Training rows of the data set, when the page can know them (a CSV file's are read by the desktop host). */
export function rowsOf(scenario: Scenario): number | null {
  const data = scenario.data;
  if (!data || 'csv' in data) return null;
  return dataShape(data).rows; // the training rows: a held-out share is never batched
}

/** The size Mini-batch picks when switched on: about a quarter of the rows (3 of notebook 001's 12), 2 to 32. */
export function defaultBatchSize(scenario: Scenario): number {
  const rows = rowsOf(scenario);
  if (rows === null) return 32;
  return Math.min(rows, Math.max(2, Math.min(32, Math.round(rows / 4))));
}

/** Init's drop-down: the weight schemes (xavier-…, kaiming-…, torch-default) only for a network, whose layers they need. */
function initOptions(s: Scenario): Record<string, string> {
  const all = optionsOf('init.dist');
  if (s.model.kind === 'mlp') return all;
  return Object.fromEntries(Object.entries(all).filter(([, value]) => !(weightSchemes as readonly string[]).includes(value)));
}

/** The model's parameter count where the scenario alone says it (a network's from its layers), else the init's width. */
function paramCountOfScenario(s: Scenario): number {
  return s.model.kind === 'mlp' ? paramCountOf(s.model, 0, 0) : dimsOf(s.init);
}

const defaultOf = (path: SettingPath) => setting(path).default as number;

/**
 * The Threads drop-down: every core (with the count: "2 (every core)"), then each smaller count; where workers
 * cannot share memory, one thread only, and why. A count kept from a machine with more cores is offered too.
 */
export function threadChoices({ cores, isolated, threads }: PanelContext): Record<string, string> {
  if (!isolated) return { '1 (this page cannot share memory between workers)': 'every' };
  const choices: Record<string, string> = { [`${cores} (every core)`]: 'every' };
  for (let k = 1; k < cores; k++) choices[String(k)] = String(k);
  if (threads !== null && threads >= cores) choices[String(threads)] = String(threads);
  return choices;
}

/** Default settings of a newly chosen schedule (the table's defaults); a warm-up already set is kept. */
function newSchedule(kind: ScheduleSpec['kind'], scenario: Scenario, warmup: number): ScheduleSpec {
  switch (kind) {
    case 'constant':
      return { kind, warmup };
    case 'step':
      return { kind, every: defaultOf('optimizer.schedule.every'), gamma: defaultOf('optimizer.schedule.gamma'), warmup };
    case 'exponential':
      // A slow decay: half the rate after about 70 steps (step decay's 0.5 at once would halve it every step).
      return { kind, gamma: 0.99, warmup };
    case 'cosine':
      // Down to the minimum over the whole run.
      return { kind, steps: scenario.epochs, min: defaultOf('optimizer.schedule.min'), warmup };
  }
}

const set = (path: string, value: unknown): Change => ({ kind: 'set', path, value });
const none: Change = { kind: 'none' };
const hasData = (s: Scenario) => s.data !== undefined;

/** The value at a dotted path, or undefined where an object on the way is missing or null. */
function valueAt(scenario: Scenario, path: string): unknown {
  let node: unknown = scenario;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A value typed in a text field, with unchanged components kept exact (the field shows 6 significant digits). */
function settle(typed: readonly number[], current: readonly number[]): number[] {
  return typed.map((v, j) => (j < current.length && formatNumber(v) === formatNumber(current[j]) ? current[j] : v));
}

const vectorHint = (context: PanelContext) => (context.paramNames.length ? ` (${context.paramNames.join(', ')})` : '');

function param<V extends Value>(entry: Param<V>): Param {
  return entry as unknown as Param;
}

/** A row's label, hint and folder: what every control of a setting shows. */
function shown(path: SettingPath): Pick<Param, 'label' | 'hint' | 'group'> {
  const row = setting(path);
  return { label: row.label, hint: row.hint, group: row.folder! };
}

/** The slider of a log-scale row: log10 of its range, its digits (2 unless said), whole numbers for an integer. */
export function logScaleOf(path: SettingPath): LogScale {
  const row = setting(path);
  return { min: Math.log10(row.range!.min), max: Math.log10(row.range!.max), digits: row.digits ?? 2, ...(row.type === 'integer' && { integer: true }) };
}

/** A row's control: a log slider (with its off word), a number field (its least value and step), or a toggle. */
function controlOf(path: SettingPath): Control {
  const row = setting(path);
  if (row.type === 'boolean') return { kind: 'toggle' };
  if (row.scale === 'log') return { kind: 'log-slider', scale: logScaleOf(path), ...(row.off && { off: row.off.word }) };
  const min = row.range?.min;
  const max = row.range?.max;
  return { kind: 'number', ...(min !== undefined && { min }), ...(max !== undefined && Number.isFinite(max) && { max }), step: row.step ?? 0.001 };
}

/**
 * The control of a plain setting, from its row alone: it shows the value at the path (the row's default
 * while the field is absent, e.g. β under Adam), is visible while the field exists, and writes
 * `set(path, value)`. An off value of 0 (Min delta) shows as the slider's off end. `round`: a count typed
 * or slid is rounded (epochs, seed) rather than refused.
 */
function plain(key: string, path: SettingPath, options: { visible?: Param['visible']; round?: boolean } = {}): Param {
  const row = setting(path);
  const offValue = row.off?.value;
  const parent = path.split('.').slice(0, -1).join('.');
  const field = path.split('.').at(-1)!;
  const exists = (s: Scenario) => {
    const holder = parent ? valueAt(s, parent) : s;
    return holder !== null && typeof holder === 'object' && field in holder;
  };
  return param<Value>({
    key,
    ...shown(path),
    path,
    control: controlOf(path),
    visible: options.visible ?? (parent ? exists : undefined),
    read: (s) => {
      const value = exists(s) ? (valueAt(s, path) as Value) : (row.default as Value);
      return offValue === 0 && value === 0 ? null : value;
    },
    write: (value) => {
      const v = value === null && offValue === 0 ? 0 : options.round && typeof value === 'number' ? Math.round(value) : value;
      return set(path, v);
    },
  });
}

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
    key: 'threads',
    label: 'Threads',
    group: 'run',
    path: '',
    hint: 'How many threads step a cloud of 32,768 particles or more: every core by default; the run is the same for any count',
    control: { kind: 'select', options: (_s, context) => threadChoices(context) },
    enabled: (_s, context) => context.isolated,
    read: (_s, context) => (context.threads === null ? 'every' : String(context.threads)),
    write: (value, _s, context) => {
      const count = value === 'every' ? null : Number(value);
      return count === context.threads ? none : { kind: 'threads', count };
    },
  }),

  param<string>({
    key: 'optimizer',
    ...shown('optimizer.kind'),
    path: 'optimizer',
    control: { kind: 'select', options: () => optionsOf('optimizer.kind') },
    read: (s) => s.optimizer.kind,
    write: (kind, s) => {
      if (kind === s.optimizer.kind) return none;
      const { alpha, schedule } = s.optimizer;
      return set('optimizer', { kind, alpha, ...(schedule && { schedule }) } as OptimizerSpec);
    },
  }),
  plain('alpha', 'optimizer.alpha'),
  plain('beta', 'optimizer.beta'),
  plain('rho', 'optimizer.rho'),
  plain('beta1', 'optimizer.beta1'),
  plain('beta2', 'optimizer.beta2'),
  plain('eps', 'optimizer.eps'),
  plain('weightDecay', 'optimizer.weightDecay'),
  plain('dampening', 'optimizer.dampening'),
  plain('momentum', 'optimizer.momentum'),
  plain('centered', 'optimizer.centered'),
  plain('amsgrad', 'optimizer.amsgrad'),
  plain('momentumDecay', 'optimizer.momentumDecay'),

  param<string>({
    key: 'schedule',
    ...shown('optimizer.schedule.kind'),
    path: 'optimizer.schedule',
    control: { kind: 'select', options: () => optionsOf('optimizer.schedule.kind') },
    read: (s) => s.optimizer.schedule?.kind ?? 'none',
    write: (kind, s) => {
      const current = s.optimizer.schedule;
      if (kind === (current?.kind ?? 'none')) return none;
      const { schedule: _old, ...rest } = s.optimizer;
      return set('optimizer', kind === 'none' ? rest : { ...rest, schedule: newSchedule(kind as ScheduleSpec['kind'], s, current?.warmup ?? 0) });
    },
  }),
  ...(['every', 'gamma', 'steps', 'min', 'warmup'] as const).map((field) => plain(`schedule.${field}`, `optimizer.schedule.${field}`)),

  param<string>({
    key: 'init',
    ...shown('init.dist'),
    path: 'init',
    control: { kind: 'select', options: (s) => initOptions(s) },
    read: (s) => initKind(s.init),
    write: (kind, s) => (kind === initKind(s.init) ? none : set('init', switchInit(s.init, kind as InitKind, paramCountOfScenario(s)))),
  }),
  param<string>({
    key: 'fanMode',
    ...shown('init.mode'),
    path: 'init.mode',
    control: { kind: 'select', options: () => optionsOf('init.mode') },
    visible: (s) => 'mode' in s.init,
    read: (s) => ('mode' in s.init ? s.init.mode : 'fan-in'),
    write: (mode, s) => ('mode' in s.init && mode !== s.init.mode ? set('init.mode', mode) : none),
  }),
  param<string>({
    key: 'gain',
    ...shown('init.gain'),
    path: 'init',
    control: { kind: 'text' },
    visible: (s) => takesGain(s.init),
    read: (s) => {
      const gain = gainOf(s.init);
      return gain === null ? '' : formatNumber(gain);
    },
    write: (text, s) => {
      const empty = text.trim() === '';
      const typed = empty ? null : parseNumber(text);
      if (!empty && !(typed !== null && typed > 0)) return { kind: 'problem', problem: 'Gain: a number > 0, or empty for each layer’s own' };
      return typed === gainOf(s.init) ? none : set('init', withGain(s.init, typed));
    },
  }),
  param<string>({
    key: 'centre',
    ...shown('init.mean'),
    path: 'init',
    control: { kind: 'text' },
    visible: (s) => !isWeightScheme(s.init),
    read: (s) => formatVector(centreOf(s.init)),
    write: (text, s, context) => {
      const current = centreOf(s.init);
      const typed = parseVector(text);
      if (!typed || typed.length !== current.length)
        return {
          kind: 'problem',
          problem: `Centre: needs ${current.length} number${current.length === 1 ? '' : 's'}, one per parameter${vectorHint(context)}`,
        };
      const centre = settle(typed, current);
      return centre.every((v, j) => v === current[j]) ? none : set('init', moveCentre(s.init, centre));
    },
  }),
  param<string>({
    key: 'spread',
    ...shown('init.std'),
    path: 'init',
    control: { kind: 'text' },
    visible: (s) => !('points' in s.init) && !isWeightScheme(s.init),
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
    ...shown('init.count'),
    path: 'init',
    control: { kind: 'log-slider', scale: logScaleOf('init.count') },
    enabled: (s) => !('points' in s.init),
    read: (s) => countOf(s.init),
    write: (typed, s) => {
      const count = Math.round(typed);
      return count === countOf(s.init) ? none : set('init', withCount(s.init, count));
    },
  }),
  plain('seed', 'seed', { round: true }),

  param<string>({
    key: 'batch',
    ...shown('batch.size'),
    path: 'batch.size',
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
    control: controlOf('batch.size'),
    visible: (s) => hasData(s) && s.batch.size !== null && s.batch.size > 1,
    read: (s) => s.batch.size ?? defaultBatchSize(s),
    write: (size) => set('batch.size', Math.round(size)),
  }),
  plain('shuffle', 'batch.shuffle', { visible: (s) => hasData(s) && s.batch.size !== null }),
  plain('dropLast', 'batch.dropLast', { visible: (s) => hasData(s) && s.batch.size !== null }),

  param<string>({
    key: 'clip',
    ...shown('clip.mode'),
    path: 'clip',
    control: { kind: 'select', options: () => optionsOf('clip.mode') },
    read: (s) => s.clip?.mode ?? 'off',
    write: (mode, s) => {
      if (mode === (s.clip?.mode ?? 'off')) return none;
      return set('clip', mode === 'off' ? null : { mode, limit: s.clip?.limit ?? defaultOf('clip.limit') });
    },
  }),
  plain('clipLimit', 'clip.limit'),
  plain('tolerance', 'tolerance'),
  param<string>({
    key: 'belowLoss',
    ...shown('stop.belowLoss'),
    path: 'stop.belowLoss',
    control: { kind: 'text' },
    read: (s) => (s.stop.belowLoss === null ? setting('stop.belowLoss').off!.word : formatNumber(s.stop.belowLoss)),
    write: (text, s) => {
      const typed = text.trim().toLowerCase();
      const value = typed === '' || typed === setting('stop.belowLoss').off!.word ? null : (parseNumber(typed) ?? Number.NaN);
      // What cannot be read goes on as NaN: the lab's check names stop.belowLoss and what it must be.
      return value === s.stop.belowLoss ? none : set('stop.belowLoss', value);
    },
  }),
  plain('gradNorm', 'stop.gradNorm'),
  plain('patience', 'stop.patience'),
  plain('minDelta', 'stop.minDelta', { visible: (s) => s.stop.patience !== null }),
  plain('divergence', 'stop.divergence'),
  plain('epochs', 'epochs', { round: true }),
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
        return set(
          'freeze',
          [...new Set(next)].sort((a, b) => a - b),
        );
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
