import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createDescent } from '../engine/build';
import { scenarioSchema, type Scenario, type ScenarioInput } from './scenario';
import { isHot, withValueAt } from './paths';
import { descentRoots, hotRoots, hotSettingsOf, isHot as tableIsHot, optimizerChoices, settings, sweepFields, type Setting } from './settings';
import { cellScenario } from './sweep-messages';
import { validateScenario } from './validate';

const rows: readonly Setting[] = settings;

/** zod 4's definition of a schema: what the walk below reads. */
type Def = {
  type: string;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  values?: unknown[];
  entries?: Record<string, unknown>;
  format?: string;
  defaultValue?: unknown;
};
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schemas a value may match, with wrappers (default, optional, nullable) and unions opened; defaults collected. */
function leaves(schema: z.ZodType, defaults: unknown[] = []): z.ZodType[] {
  const def = defOf(schema);
  if (def.type === 'default') defaults.push(def.defaultValue);
  if (def.type === 'default' || def.type === 'optional') return leaves(def.innerType!, defaults);
  if (def.type === 'nullable') return [...leaves(def.innerType!, defaults), { _zod: { def: { type: 'null' } } } as unknown as z.ZodType];
  if (def.type === 'union') return def.options!.flatMap((option) => leaves(option, defaults));
  return [schema];
}

/** The schemas at a dotted path of the scenario schema, through every union branch that has the field; and the defaults on the way. */
function schemaAt(path: string): { leaves: z.ZodType[]; defaults: unknown[] } {
  let nodes: z.ZodType[] = [scenarioSchema as unknown as z.ZodType];
  let defaults: unknown[] = [];
  for (const key of path.split('.')) {
    defaults = [];
    const next = nodes
      .flatMap((node) => leaves(node))
      .flatMap((node) => {
        const def = defOf(node);
        return def.type === 'object' && Object.hasOwn(def.shape!, key) ? [def.shape![key]] : [];
      });
    nodes = next.flatMap((node) => leaves(node, defaults));
  }
  return { leaves: nodes, defaults };
}

const types = (path: string) => schemaAt(path).leaves.map((leaf) => defOf(leaf));
const isNumberArray = (def: Def, integer: boolean) =>
  def.type === 'array' && defOf(def.element!).type === 'number' && (!integer || /int/.test(defOf(def.element!).format ?? ''));

/** Scenarios in which every path of the table exists (a path is written into the first that has its parent). */
const line = { generate: 'line', n: 12 } as const;
const bases: ScenarioInput[] = [
  {
    version: 1,
    model: { kind: 'linear' },
    data: line,
    init: { dist: 'gaussian', mean: [0, 0], std: 1, count: 8 },
    optimizer: { kind: 'momentum', alpha: 0.001, schedule: { kind: 'step', every: 10, gamma: 0.5 } },
    batch: { size: 4 },
    clip: { mode: 'norm', limit: 1 },
    epochs: 5,
  },
  {
    version: 1,
    model: { kind: 'linear' },
    data: line,
    init: { dist: 'gaussian', mean: [0, 0], std: 1, count: 8 },
    optimizer: { kind: 'adam', alpha: 0.01, schedule: { kind: 'cosine', steps: 10 } },
    epochs: 5,
  },
  {
    version: 1,
    model: { kind: 'linear' },
    data: line,
    init: { dist: 'gaussian', mean: [0, 0], std: 1, count: 8 },
    optimizer: { kind: 'rmsprop', alpha: 0.01 },
    epochs: 5,
  },
  {
    version: 1,
    model: { kind: 'linear' },
    data: line,
    init: { dist: 'gaussian', mean: [0, 0], std: 1, count: 8 },
    optimizer: { kind: 'nadam', alpha: 0.01 },
    epochs: 5,
  },
  {
    version: 1,
    model: { kind: 'mlp', layers: [1, 4, 1], hidden: 'tanh', output: 'identity' },
    data: line,
    init: { dist: 'kaiming-normal', gain: 1, count: 4 },
    optimizer: { kind: 'gd', alpha: 0.01 },
    epochs: 5,
  },
];

function validated(value: unknown): Scenario {
  const validation = validateScenario(value);
  if (!validation.ok) throw new Error(validation.problems.join('\n'));
  return validation.scenario;
}

function valueAt(value: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), value);
}

/** The first base whose validated scenario has the path's parent, with `value` written at the path. */
function withSetting(path: string, value: unknown): { base: Scenario; changed: unknown } {
  const parent = path.split('.').slice(0, -1).join('.');
  for (const input of bases) {
    const base = validated(input);
    const holder = parent ? valueAt(base, parent) : base;
    if (holder === null || typeof holder !== 'object' || !(path.split('.').at(-1)! in holder)) continue;
    const next = withValueAt(base, path, value);
    if (!next.ok) throw new Error(next.problem);
    return { base, changed: next.scenario };
  }
  throw new Error(`no base scenario has ${path}`);
}

describe('the settings table against the scenario schema (./scenario.ts)', () => {
  it('has one row per path', () => {
    const paths = rows.map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  for (const row of rows) {
    it(`${row.path}: is a field of the schema, of type ${row.type}`, () => {
      const defs = types(row.path);
      expect(defs.length, `${row.path} is not in the schema`).toBeGreaterThan(0);
      switch (row.type) {
        case 'number':
          expect(defs.some((d) => d.type === 'number' && !/int/.test(d.format ?? ''))).toBe(true);
          break;
        case 'integer':
          expect(defs.some((d) => d.type === 'number' && /int/.test(d.format ?? ''))).toBe(true);
          break;
        case 'boolean':
          expect(defs.some((d) => d.type === 'boolean')).toBe(true);
          break;
        case 'text':
          expect(defs.some((d) => d.type === 'string')).toBe(true);
          break;
        case 'vector':
          expect(defs.some((d) => isNumberArray(d, false))).toBe(true);
          break;
        case 'indices':
          expect(defs.some((d) => isNumberArray(d, true))).toBe(true);
          break;
        case 'choice': {
          // Every literal of the schema has a choice with its words, and every choice but the table's own is a literal.
          const literals = defs.flatMap((d) => (d.type === 'literal' ? d.values! : d.type === 'enum' ? Object.values(d.entries!) : []));
          const own = row.choices!.filter((c) => c.schema !== false).map((c) => c.value);
          expect(new Set(own)).toEqual(new Set(literals));
          expect(own).toContain(row.default);
          for (const c of row.choices!) expect(c.label && c.short, c.value).toBeTruthy();
          break;
        }
      }
      if (row.off?.value === null)
        expect(
          defs.some((d) => d.type === 'null'),
          `${row.path} cannot be null`,
        ).toBe(true);
    });
  }

  it('gives each setting the schema’s own default where the schema has one (eps: one of its three)', () => {
    const checked: string[] = [];
    for (const row of rows) {
      const { defaults } = schemaAt(row.path);
      if (defaults.length === 0 || row.type === 'choice') continue;
      expect(defaults, row.path).toContainEqual(row.default);
      checked.push(row.path);
    }
    // The schema's defaults reach these rows (read from scenario.ts): a row that lost its default would drop out.
    expect(checked).toEqual(
      expect.arrayContaining(['optimizer.beta', 'optimizer.eps', 'batch.size', 'batch.shuffle', 'tolerance', 'stop.divergence', 'seed', 'name']),
    );
  });

  for (const row of rows.filter((r) => r.type !== 'choice')) {
    it(`${row.path}: its default validates`, () => {
      expect(validateScenario(withSetting(row.path, row.default).changed).ok).toBe(true);
    });
  }

  it('slides over a range that validates at both ends', () => {
    for (const row of rows.filter((r) => r.scale === 'log')) {
      for (const end of [row.range!.min, row.range!.max]) {
        const validation = validateScenario(withSetting(row.path, end).changed);
        expect(validation.ok, `${row.path} = ${end}`).toBe(true);
      }
    }
  });
});

describe('hot and structural settings', () => {
  it('isHot keeps the roots it had before the table (src/shared/paths.ts: optimizer, clip, batch, freeze, tolerance, stop, epochs, name)', () => {
    expect([...hotRoots].sort()).toEqual(['batch', 'clip', 'epochs', 'freeze', 'name', 'optimizer', 'stop', 'tolerance']);
    expect(isHot).toBe(tableIsHot);
    expect(['optimizer.alpha', 'optimizer.schedule.gamma', 'clip', 'batch.size', 'stop.patience', 'epochs'].every(isHot)).toBe(true);
    expect(['init', 'init.count', 'seed', 'model', 'data', 'groups'].some(isHot)).toBe(false);
  });

  it('hands the descent the fields HotSettings had when it was written out by hand (src/engine/descent-state.ts)', () => {
    expect([...descentRoots].sort()).toEqual(['batch', 'clip', 'freeze', 'optimizer', 'stop', 'tolerance']);
    const scenario = validated(bases[0]);
    expect(hotSettingsOf(scenario)).toEqual({
      optimizer: scenario.optimizer,
      clip: scenario.clip,
      batch: scenario.batch,
      freeze: scenario.freeze,
      tolerance: scenario.tolerance,
      stop: scenario.stop,
    });
  });

  /** A valid value for each hot row, other than the base scenario's: a test that configure dropped it would fail. */
  const hotValues: Record<string, unknown> = {
    'optimizer.alpha': 0.02,
    'optimizer.beta': 0.5,
    'optimizer.rho': 0.5,
    'optimizer.beta1': 0.5,
    'optimizer.beta2': 0.5,
    'optimizer.eps': 1e-6,
    'optimizer.weightDecay': 0.1,
    'optimizer.dampening': 0.2,
    'optimizer.momentum': 0.5,
    'optimizer.centered': true,
    'optimizer.amsgrad': true,
    'optimizer.momentumDecay': 0.01,
    'optimizer.schedule.every': 3,
    'optimizer.schedule.gamma': 0.25,
    'optimizer.schedule.steps': 7,
    'optimizer.schedule.min': 1e-4,
    'optimizer.schedule.warmup': 2,
    'batch.size': 3,
    'batch.shuffle': false,
    'batch.dropLast': true,
    'clip.limit': 2,
    freeze: [1],
    tolerance: 1e-6,
    'stop.belowLoss': -1,
    'stop.gradNorm': 1e-3,
    'stop.patience': 4,
    'stop.minDelta': 1e-3,
    'stop.divergence': 1e10,
  };

  it('has a test value for every hot row the descent takes (choices are whole objects: tested by the panel)', () => {
    expect(Object.keys(hotValues).sort()).toEqual(
      rows
        .filter((r) => r.effect === 'descent' && r.type !== 'choice')
        .map((r) => r.path)
        .sort(),
    );
  });

  for (const row of rows.filter((r) => r.effect === 'descent' && r.type !== 'choice')) {
    it(`${row.path}: a running descent takes it as a hot change`, async () => {
      const value = hotValues[row.path];
      const { base, changed } = withSetting(row.path, value);
      const next = validated(changed);
      const descent = await createDescent(base);
      descent.advance();
      descent.configure(hotSettingsOf(next));
      expect(valueAt(descent.hotSettings, row.path), row.path).toEqual(value);
      expect(valueAt(base, row.path), `${row.path} must differ from the base`).not.toEqual(value);
    });
  }
});

describe('derived lists', () => {
  it('sweeps the sweepable rows, in the table’s order, each written where the map says', () => {
    expect(sweepFields).toEqual(['optimizer.beta', 'init.std', 'batch.size', 'clip.limit']);
    const base = validated(bases[0]);
    // β must lie in (0, 1); the others take 3 (a batch of 3 of the 12 rows, a limit, a spread).
    for (const field of sweepFields) {
      const value = field === 'optimizer.beta' ? 0.5 : 3;
      const cell = cellScenario(base, 0.05, field, value);
      expect(valueAt(cell, field), field).toBe(value);
      expect(cell.optimizer.alpha).toBe(0.05);
      expect(validateScenario(cell).ok, field).toBe(true);
    }
  });

  it('names each optimizer the way the panel does, with a short name for a race (CONTRACTS §1 lists six, §9 four more)', () => {
    expect(optimizerChoices.map((c) => c.value)).toEqual(['gd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw', 'nadam', 'radam', 'lion']);
    expect(optimizerChoices[0]).toMatchObject({ label: 'Gradient descent', short: 'GD' });
  });
});
