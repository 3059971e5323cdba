/**
 * Validation of scenarios from files, links and API calls: a size cap and a nesting cap before parsing,
 * then the schema, then the rules that tie fields together. Every problem becomes one line naming its
 * field path (`optimizer.alpha: must be a finite number > 0`); nothing is thrown for bad input.
 */
import type { z } from 'zod';
import { limits } from './limits';
import { scenarioSchema, weightSchemes, type InitSpec, type Scenario, type WeightInitSpec } from './scenario';
import { dataShape, gridSide, paramCountOf, particleCount } from './spec';

export type Validation = { ok: true; scenario: Scenario } | { ok: false; problems: string[] };

/** `init.points[0][1]` from ['init', 'points', 0, 1]; a key that is not a plain name is quoted: `["a b"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(key))) out += `${out ? '.' : ''}${String(key)}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(scenario)';
}

/** Validates scenario text (a file's or a link's contents). */
export function parseScenarioText(text: string): Validation {
  const bytes = utf8Length(text, limits.maxScenarioBytes);
  if (bytes > limits.maxScenarioBytes) {
    return fail('(scenario)', `is over ${limits.maxScenarioBytes} bytes (${limits.maxScenarioBytes / 1048576} MiB), the limit`);
  }
  const depth = nestingDepth(text);
  if (depth > limits.maxDepth) return fail('(scenario)', `nests ${depth} levels deep; the limit is ${limits.maxDepth}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail('(scenario)', `is not valid JSON: ${(error as Error).message}`);
  }
  return validateScenario(value);
}

/** Validates a scenario given as a value (already parsed JSON, or an API caller's object). */
export function validateScenario(value: unknown): Validation {
  // reportInput: tells a missing field (input undefined) from one of the wrong type.
  const result = scenarioSchema.safeParse(value, { reportInput: true });
  if (!result.success) return { ok: false, problems: unknownKeysFirst(result.error.issues.flatMap((issue) => describeIssue(issue, []))) };
  const problems = crossCheck(result.data);
  return problems.length ? { ok: false, problems } : { ok: true, scenario: result.data };
}

function fail(path: string, message: string): Validation {
  return { ok: false, problems: [`${path}: ${message}`] };
}

/** Deepest nesting of [ and { outside strings: checked before JSON.parse ever sees the text. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (inString) {
      if (c === 92)
        k++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) deepest = Math.max(deepest, ++depth);
    else if (c === 93 || c === 125) depth--;
  }
  return deepest;
}

/** UTF-8 length of `text`, counting no further than just past `cap`. */
function utf8Length(text: string, cap: number): number {
  let bytes = 0;
  for (let k = 0; k < text.length && bytes <= cap; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      // a surrogate pair: one 4-byte character
      bytes += 4;
      k++;
    } else bytes += 3;
  }
  return bytes;
}

/** A typo is the likeliest cause of the other problems (a misspelt key is also a missing one): list it first. */
function unknownKeysFirst(problems: string[]): string[] {
  const unknown = problems.filter((p) => p.endsWith(UNKNOWN_KEY));
  return [...unknown, ...problems.filter((p) => !p.endsWith(UNKNOWN_KEY))];
}

const UNKNOWN_KEY = ': unknown key (a typo? see docs/scenario.md)';

function describeIssue(issue: z.core.$ZodIssue, base: readonly PropertyKey[]): string[] {
  const at = [...base, ...issue.path];
  const path = formatPath(at);
  const missing = 'input' in issue && issue.input === undefined;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => `${formatPath([...at, key])}${UNKNOWN_KEY}`);
    case 'invalid_union': {
      const option = closestOption(issue.errors);
      if (missing) return [`${path}: is required`];
      return option ? option.flatMap((inner) => describeIssue(inner, at)) : [`${path}: ${issue.message}`];
    }
    case 'invalid_type':
      if (missing) return [`${path}: is required`];
      return [`${path}: ${issue.message.startsWith('Invalid input') ? `must be ${article(issue.expected)}` : issue.message}`];
    case 'invalid_value':
      if (missing) return [`${path}: is required`];
      return [`${path}: ${issue.message.startsWith('Invalid') ? `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}` : issue.message}`];
    default:
      return [`${path}: ${issue.message}`];
  }
}

/**
 * Of a union's options, the one the writer evidently meant: the one whose problems say least about its
 * shape. A mismatch at the option's root (wrong type, unknown keys) costs 100; a wrong tag or a missing key
 * 10; anything deeper 1. When every option is wrong at its root, none is chosen and the union's own
 * message ("must be … or …") is the clearest thing to say.
 */
function closestOption(options: readonly (readonly z.core.$ZodIssue[])[]): readonly z.core.$ZodIssue[] | null {
  let best: readonly z.core.$ZodIssue[] | null = null;
  let bestCost = Infinity;
  for (const issues of options) {
    let cost = 0;
    for (const issue of issues) {
      if (issue.path.length === 0) cost += 100;
      else if (issue.path.length === 1 && (issue.code === 'invalid_value' || issue.code === 'invalid_union' || ('input' in issue && issue.input === undefined)))
        cost += 10;
      else cost += 1;
    }
    if (cost < bestCost) [best, bestCost] = [issues, cost];
  }
  return bestCost < 100 ? best : null;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/** Rules between fields: data against the model, init and freeze against the parameter count. */
function crossCheck(s: Scenario): string[] {
  const problems: string[] = [];
  const problem = (path: string, message: string) => problems.push(`${path}: ${message}`);
  const kind = s.model.kind;
  let inputs = 0;
  let outputs = 0;
  let rows: number; // read only where the data's shape sets it, beside inputs and outputs
  let heldOut: number;

  if (s.model.kind === 'mlp' && s.model.loss === 'cross-entropy' && s.model.output === 'identity') {
    problem('model.loss', 'cross-entropy needs a softmax or sigmoid output (model.output)');
  }
  if (kind === 'surface') {
    if (s.data) problem('data', 'a surface has no data; remove "data"');
    if (s.batch.size !== null) problem('batch.size', 'a surface has no data to batch; use null');
  } else if (!s.data) {
    problem('data', `is required for a ${kind} model`);
  } else if (!('csv' in s.data)) {
    const data = s.data;
    ({ rows, heldOut, inputs, outputs } = dataShape(data));
    if ('x' in data) checkInlineData(data, problem);
    if (rows + heldOut > limits.maxRows) problem('data', `has ${rows + heldOut} rows; the limit is ${limits.maxRows}`);
    if (heldOut > 0 && rows === 0) problem('data.test', `holds out all ${heldOut} rows; leave at least one for training`);
    if (inputs > limits.maxFeatures) problem('data.x', `has ${inputs} features; the limit is ${limits.maxFeatures}`);
    if (kind === 'linear' && outputs !== 1) problem('data.y', 'linear regression takes one target per row');
    if (kind === 'mlp') {
      const layers = s.model.layers;
      if (layers[0] !== inputs) problem('model.layers[0]', `must equal the number of features per row of the data (${inputs})`);
      if (layers[layers.length - 1] !== outputs)
        problem(`model.layers[${layers.length - 1}]`, `must equal the number of targets per row of the data (${outputs})`);
    }
    if (s.batch.size !== null && s.batch.size > rows) problem('batch.size', `must be at most the number of ${heldOut ? 'training rows' : 'rows'} (${rows})`);
  }
  if (problems.length) return problems; // the parameter count below depends on a sound model and data

  const paramCount = data(s) ? paramCountOf(s.model, inputs, outputs) : kind === 'surface' ? 2 : 0;
  if (paramCount > 0) checkInit(s, paramCount, problem);
  for (const [k, index] of s.freeze.entries()) {
    if (paramCount > 0 && index >= paramCount) problem(`freeze[${k}]`, `must be a parameter index below ${paramCount}`);
  }
  return problems;
}

function data(s: Scenario): boolean {
  return s.model.kind === 'surface' || (!!s.data && !('csv' in s.data));
}

function checkInlineData(
  data: { x: number[][]; y: number[][] | number[]; names?: { x: string[]; y: string[] } },
  problem: (path: string, message: string) => void,
): void {
  const width = data.x[0]?.length ?? 0;
  if (data.x.length === 0) problem('data.x', 'needs at least one row');
  else if (width === 0) problem('data.x[0]', 'needs at least one value');
  data.x.forEach((row, r) => row.length !== width && problem(`data.x[${r}]`, `must have ${values(width)} like the first row`));
  if (data.y.length !== data.x.length) problem('data.y', `must have one entry per row of data.x (${data.x.length})`);
  const first = data.y[0];
  const yWidth = Array.isArray(first) ? first.length : 1;
  data.y.forEach((v, r) => {
    if (Array.isArray(v) !== Array.isArray(first)) problem(`data.y[${r}]`, 'must be like the first entry (all numbers, or all rows)');
    else if (Array.isArray(v) && v.length !== yWidth) problem(`data.y[${r}]`, `must have ${values(yWidth)} like the first row`);
  });
  if (Array.isArray(first) && yWidth === 0) problem('data.y[0]', 'needs at least one value');
  if (data.names && data.names.x.length !== width) problem('data.names.x', `must have one name per column of data.x (${width})`);
  if (data.names && data.names.y.length !== yWidth) problem('data.names.y', `must have one name per column of data.y (${yWidth})`);
}

const values = (count: number) => (count === 1 ? '1 value' : `${count} values`);

function checkInit(s: Scenario, paramCount: number, problem: (path: string, message: string) => void): void {
  const init = s.init;
  const count = particleCount(init);
  const needs = `must have ${paramCount} values (one per parameter)`;
  if (count * paramCount > limits.maxParticleValues) {
    problem('init', `${count} particles × ${paramCount} parameters is over the limit of ${limits.maxParticleValues} values`);
  }
  if ('points' in init) {
    init.points.forEach((p, k) => p.length !== paramCount && problem(`init.points[${k}]`, needs));
    return;
  }
  if (isWeightScheme(init)) {
    // The scheme draws each layer's weights from its widths: only a network has them.
    if (s.model.kind !== 'mlp')
      problem('init.dist', `${init.dist} sets a network's weights from its layer widths; it needs an mlp model (use gaussian, uniform or grid)`);
    return;
  }
  const vectors: [string, number[]][] =
    init.dist === 'gaussian'
      ? [['mean', init.mean], ...(Array.isArray(init.std) ? [['std', init.std] as [string, number[]]] : [])]
      : [
          ['min', init.min],
          ['max', init.max],
        ];
  for (const [name, v] of vectors) if (v.length !== paramCount) problem(`init.${name}`, needs);
  if (init.dist !== 'gaussian' && init.min.length === paramCount && init.max.length === paramCount) {
    init.min.forEach((lo, j) => lo > init.max[j] && problem(`init.max[${j}]`, `must be ≥ init.min[${j}] (${lo})`));
  }
  if (init.dist === 'grid' && gridSide(init.count, paramCount) < 0) {
    const side = Math.max(2, Math.round(Math.pow(init.count, 1 / paramCount)));
    problem(
      'init.count',
      `a grid over ${paramCount} parameters needs a perfect ${paramCount === 2 ? 'square' : `power ${paramCount}`} (e.g. ${Math.pow(side, paramCount)} = ${side}^${paramCount})`,
    );
  }
}

/** Whether the init is one of torch.nn.init's schemes for a network's weights (xavier-…, kaiming-…, torch-default). */
export function isWeightScheme(init: InitSpec): init is WeightInitSpec {
  return 'dist' in init && (weightSchemes as readonly string[]).includes(init.dist);
}
