// `npm run generate`: writes the optimizers' kernels from their table of update rules (src/engine/update-rules.ts):
// - src/engine/update-rules.generated.ts: each rule as a function of one value, the number of state arrays of
//   each kind, and the generic update loop of Optimizer.step (`updateRange`);
// - src/engine/surface-steps.generated.ts: the fused surface steps (loss, gradient and update in one pass),
//   the shared ones handed a kernel and a copy of each for every named surface of src/engine/surface-kernels.ts,
//   calling that surface's kernel by name (src/engine/surface-steps.ts says why).
// Every loop is one template below; a rule enters it as a call by name that V8 inlines, so each loop stays a
// straight line over the cloud. src/engine/surface-steps.test.ts fails when a file is not what this writes now.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const tablePath = `${root}src/engine/update-rules.ts`;
export const rulesPath = `${root}src/engine/update-rules.generated.ts`;
export const stepsPath = `${root}src/engine/surface-steps.generated.ts`;

/** Names the kernels' own code uses: a table name among them would shadow or be shadowed. */
const reserved = new Set([
  'p',
  'g',
  'q',
  'i',
  'n',
  'b',
  'f',
  'x',
  'y',
  'L',
  't',
  'lr',
  'lo',
  'hi',
  'nx',
  'ny',
  'next',
  'rate',
  'loss',
  'from',
  'to',
  'limit',
  'finite',
  'spec',
  's1',
  's2',
  'grad',
  'pq',
  'gq',
  'Math',
  'Steps',
]);

/** The table, read from its TypeScript source: types stripped, evaluated as the data module it is (it imports only types). */
export function readTable() {
  const { outputText } = ts.transpileModule(readFileSync(tablePath, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const exports = {};
  new Function('exports', 'require', outputText)(exports, (name) => {
    throw new Error(`generate-surface-steps: update-rules.ts may import types only (it imports ${name})`);
  });
  return exports.updateRules;
}

const capital = (word) => word[0].toUpperCase() + word.slice(1);
/** A kernel's surface name: `goldsteinPrice` is `goldstein-price` (src/engine/surfaces.ts, kernelName, the other way). */
const surfaceName = (kernel) => kernel.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** Rewrites each name of `expression` by `rename` (a name after a dot, as in Math.sqrt, is a property: kept). */
function substitute(expression, rename, where) {
  return expression.replace(/(?<![\w$.])[A-Za-z_$][\w$]*/g, (name) => {
    if (name === 'Math' || name === 'Steps') return name;
    const renamed = rename(name);
    if (renamed === undefined)
      throw new Error(`generate-surface-steps: ${where} uses ${name}, which is not p, g, lr, a setting, a per-step constant, a state or an earlier temporary`);
    return renamed;
  });
}

/** One row checked and compiled: its rule function's text and what a loop needs to call it. */
function compile(kind, row) {
  const { state, settings, perStep, rule } = row;
  const constants = Object.keys(perStep);
  for (const name of [...state, ...settings, ...constants])
    if (reserved.has(name)) throw new Error(`generate-surface-steps: ${kind} names ${name}, which the kernels use`);
  // The per-step constants, in order, from the settings, t and the constants before them.
  const known = new Set(settings);
  const prologue = constants.map((name) => {
    const text = substitute(perStep[name], (used) => (used === 't' ? '$t' : known.has(used) ? used : undefined), `${kind}.perStep.${name}`);
    known.add(name);
    return { name, text };
  });
  // The rule, one statement a line: a state stores its new value, a temporary is a const, p is returned.
  const assigned = new Set();
  const temporaries = new Set();
  const parameters = [];
  const body = rule.map((line, k) => {
    const match = /^\s*([A-Za-z_$][\w$]*)\s*=\s*(.+)$/.exec(line);
    if (!match) throw new Error(`generate-surface-steps: ${kind}.rule[${k}] is not "name = expression": ${line}`);
    const [, target, expression] = match;
    const last = k === rule.length - 1;
    if (last !== (target === 'p')) throw new Error(`generate-surface-steps: ${kind}.rule must end with p = …, and only its last line assigns p`);
    const text = substitute(
      expression,
      (name) => {
        if (name === 'p') return 'pq';
        if (name === 'g') return 'gq';
        if (name === 'lr') return 'lr';
        if (state.includes(name)) return assigned.has(name) ? `${name}q` : `${name}[q]`;
        if (temporaries.has(name)) return name;
        if (known.has(name)) {
          if (!parameters.includes(name)) parameters.push(name);
          return name;
        }
        return undefined;
      },
      `${kind}.rule[${k}]`,
    );
    if (last) return `  return ${text};`;
    if (state.includes(target)) {
      if (assigned.has(target)) throw new Error(`generate-surface-steps: ${kind}.rule assigns ${target} twice`);
      assigned.add(target);
      return `  const ${target}q = (${target}[q] = ${text});`;
    }
    if (reserved.has(target) || known.has(target) || temporaries.has(target) || state.some((name) => target === `${name}q`))
      throw new Error(`generate-surface-steps: ${kind}.rule's temporary ${target} clashes with another name`);
    temporaries.add(target);
    return `  const ${target} = ${text};`;
  });
  // A state whose new value no later line reads is only stored (Lion's m, written after its last use).
  for (let k = 0; k < body.length; k++) {
    const stored = /^ {2}const (\w+)q = \((\w+)\[q\] = (.+)\);$/.exec(body[k]);
    if (stored && !body.slice(k + 1).some((line) => new RegExp(`\\b${stored[1]}q\\b`).test(line))) body[k] = `  ${stored[2]}[q] = ${stored[3]};`;
  }
  // Settings and constants in table order, so that the call reads like the row.
  const args = [...settings, ...constants].filter((name) => parameters.includes(name));
  const head = [
    ...state.map((name) => `${name}: Float64Array`),
    ...(state.length > 0 ? ['q: number'] : []),
    'pq: number',
    'gq: number',
    'lr: number',
    ...args.map((name) => `${name}: number`),
  ];
  const fn = [`/** ${row.formula} */`, `export function ${kind}Rule(${head.join(', ')}): number {`, ...body, '}'].join('\n');
  /** The call for the value at index `index`, `value` and gradient `gradient`, at rate `rate`. */
  const call = (index, value, gradient, rate) => `${kind}Rule(${[...state, ...(state.length > 0 ? [index] : []), value, gradient, rate, ...args].join(', ')})`;
  /** The declarations before a loop: state arrays, settings, per-step constants (`t` the step's t). */
  const setup = (indent, s, spec, t) => [
    ...state.map((name, k) => `${indent}const ${name} = ${s[k]}!;`),
    ...(settings.length > 0 ? [`${indent}const { ${settings.join(', ')} } = ${spec};`] : []),
    ...prologue.map(({ name, text }) => `${indent}const ${name} = ${text.replaceAll('$t', t)};`),
  ];
  return { kind, row, fn, call, setup };
}

/** src/engine/update-rules.generated.ts: the rules as functions, the state counts, the generic update loop. */
function rulesModule(rows) {
  const lines = [
    '// Generated by `npm run generate` (scripts/generate-surface-steps.mjs) from update-rules.ts: do not edit.',
    '// Each rule of the table as a function of one value, called by name by every loop (V8 inlines it there).',
    "import type { OptimizerKind, OptimizerSpec } from '../shared/scenario';",
    "import { Steps } from './update-steps';",
  ];
  for (const { fn } of rows) lines.push('', fn);
  lines.push(
    '',
    "/** How many state arrays each kind keeps (Optimizer's s1, s2, s3). */",
    'export const stateArrays: Readonly<Record<OptimizerKind, 0 | 1 | 2 | 3>> = {',
  );
  for (const { kind, row } of rows) lines.push(`  ${kind}: ${row.state.length},`);
  lines.push(
    '};',
    '',
    '/**',
    ' * The update of values lo ≤ q < hi of p by gradient g (same layout) with learning rate lr at step t, the',
    ' * state in s1, s2, s3. Returns whether every value written is finite (v − v is 0 exactly then), found on the',
    ' * way: a branch that is never taken costs far less than a second pass over the values.',
    ' */',
    'export function updateRange(spec: OptimizerSpec, s1: Float64Array | null, s2: Float64Array | null, s3: Float64Array | null, p: Float64Array, g: Float64Array, lo: number, hi: number, lr: number, t: number): boolean {',
    '  let finite = true;',
    '  switch (spec.kind) {',
  );
  for (const { kind, call, setup } of rows) {
    lines.push(
      `    case '${kind}': {`,
      ...setup('      ', ['s1', 's2', 's3'], 'spec', 't'),
      '      for (let q = lo; q < hi; q++) {',
      `        const next = (p[q] = ${call('q', 'p[q]', 'g[q]', 'lr')});`,
      '        if (next - next !== 0) finite = false;',
      '      }',
      '      return finite;',
      '    }',
    );
  }
  lines.push('  }', '}', '');
  return lines.join('\n');
}

/** The fused loops of one surface: `name` the function name's stem, `head` its leading parameter, `kernel` the call. */
function surfaceLoops(rows, { exported, name, head, kernel }) {
  const lead = exported ? 'export function' : 'function';
  const fns = [
    [
      `${lead} ${name('loss')}(${head}b: SurfaceBlock): boolean {`,
      '  const { p, n, loss, from, to } = b;',
      '  let finite = true;',
      '  for (let i = from; i < to; i++) {',
      `    const L = (loss[i] = ${kernel}(p[i], p[n + i], partials()));`,
      '    if (L - L !== 0) finite = false;',
      '  }',
      '  return finite;',
      '}',
    ],
    [
      `${lead} ${name('lossAndGradient')}(${head}b: SurfaceBlock, grad: Float64Array): boolean {`,
      '  const { p, n, loss, from, to } = b;',
      '  let finite = true;',
      '  for (let i = from; i < to; i++) {',
      '    const g = partials();',
      `    const L = (loss[i] = ${kernel}(p[i], p[n + i], g));`,
      '    if (L - L !== 0) finite = false;',
      '    grad[i] = g.dx;',
      '    grad[n + i] = g.dy;',
      '  }',
      '  return finite;',
      '}',
    ],
  ];
  for (const { kind, row, call, setup } of rows) {
    fns.push([
      ...(exported ? [`/** ${row.about} ${row.formula} */`] : []),
      `${lead} ${name(kind)}(${head}b: SurfaceBlock): boolean {`,
      '  const { p, n, loss, from, to, limit } = b;',
      '  // A double made before the loop: V8 then unboxes the rate once, not at every particle that moves.',
      '  const rate = b.lr * 1;',
      ...setup('  ', ['b.s1', 'b.s2', 'b.s3'], `b.spec as Extract<OptimizerSpec, { kind: '${kind}' }>`, 'b.t'),
      '  let finite = true;',
      '  for (let i = from; i < to; i++) {',
      '    const x = p[i];',
      '    const y = p[n + i];',
      '    const g = partials();',
      `    const L = (loss[i] = ${kernel}(x, y, g));`,
      '    if (L - L !== 0 || L >= limit) {',
      '      finite = false; // the caller marks it diverged; it does not move',
      '      continue;',
      '    }',
      `    const nx = (p[i] = ${call('i', 'x', 'g.dx', 'rate')});`,
      `    const ny = (p[n + i] = ${call('n + i', 'y', 'g.dy', 'rate')});`,
      '    if (nx - nx !== 0 || ny - ny !== 0) finite = false;',
      '  }',
      '  return finite;',
      '}',
    ]);
  }
  return fns.map((fn) => fn.join('\n'));
}

/** src/engine/surface-steps.generated.ts: the shared fused loops and each named surface's own. */
function stepsModule(rows, surfaceNames) {
  const kinds = ['loss', 'lossAndGradient', ...rows.map(({ kind }) => kind)];
  const lines = [
    '// Generated by `npm run generate` (scripts/generate-surface-steps.mjs) from update-rules.ts and surfaces.ts: do not edit.',
    '// The fused loops (surface-steps.ts says what and why): the shared ones, handed a kernel, then a copy of each',
    '// per named surface, calling its kernel by name.',
    "import type { OptimizerSpec } from '../shared/scenario';",
    "import type { SurfaceBlock, SurfaceSteppers } from './surface-block';",
    "import { Steps } from './update-steps';",
    `import { ${[...surfaceNames, 'partials'].sort().join(', ')}, type SurfaceKernel, type SurfaceName } from './surfaces';`,
    `import { ${rows
      .map(({ kind }) => `${kind}Rule`)
      .sort()
      .join(', ')} } from './update-rules.generated';`,
  ];
  for (const fn of surfaceLoops(rows, { exported: true, name: (kind) => `${kind}SurfaceStep`, head: 'f: SurfaceKernel, ', kernel: 'f' })) lines.push('', fn);
  lines.push(
    '',
    "/** Steppers for a typed formula's kernel (all formulas share these functions; V8 handles them as one target). */",
    'export function formulaSteppers(f: SurfaceKernel): SurfaceSteppers {',
    '  return {',
    ...kinds.map((kind) =>
      kind === 'lossAndGradient' ? `    ${kind}: (b, grad) => ${kind}SurfaceStep(f, b, grad),` : `    ${kind}: (b) => ${kind}SurfaceStep(f, b),`,
    ),
    '  };',
    '}',
  );
  for (const surface of surfaceNames) {
    for (const fn of surfaceLoops(rows, { exported: false, name: (kind) => `${surface}${capital(kind)}`, head: '', kernel: surface })) lines.push('', fn);
  }
  lines.push(
    '',
    "/** Each named surface's own fused steps, one per optimizer. */",
    'export const namedSteppers: Readonly<Record<SurfaceName, SurfaceSteppers>> = {',
  );
  for (const surface of surfaceNames) {
    const name = surfaceName(surface);
    lines.push(`  ${name === surface ? name : `'${name}'`}: { ${kinds.map((kind) => `${kind}: ${surface}${capital(kind)}`).join(', ')} },`);
  }
  lines.push('};', '');
  return lines.join('\n');
}

/** Every generated file's path and text, from the current table and surfaces. */
export function generate() {
  const table = readTable();
  const rows = Object.entries(table).map(([kind, row]) => compile(kind, row));
  if (rows.length === 0) throw new Error('generate-surface-steps: the table of update rules is empty');
  // The named kernels: each exported with the kernel's signature, its name the surface's.
  const surfaces = readFileSync(`${root}src/engine/surface-kernels.ts`, 'utf8');
  const kernelNames = [...surfaces.matchAll(/^export function (\w+)\(x: number, y: number, g: Partials\): number \{$/gm)].map((m) => m[1]);
  if (kernelNames.length === 0) throw new Error('generate-surface-steps: found no surface kernels in surface-kernels.ts; did their signature change?');
  return [
    { path: rulesPath, text: rulesModule(rows) },
    { path: stepsPath, text: stepsModule(rows, kernelNames) },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const { path, text } of generate()) {
    writeFileSync(path, text);
    process.stdout.write(`wrote ${path}\n`);
  }
}
