// `npm test`: the typecheck, the import rules (.dependency-cruiser.cjs), the linter and the formatter's check,
// both builds and every unit test (Vitest) at once, and the end-to-end specs once the builds and the unit tests are done. Each suite
// closes with one plain line, "unit: N passed, N failed, N skipped", read from its runner's JSON report, so
// that a skip is reported as a skip; then one line of each suite's time. The exit status is non-zero if anything failed.
//
// Why at once: the typecheck and the builds are mostly one core's work, and the unit tests spend much of
// their time waiting on child processes; run one after another they left a core idle for minutes. The
// builds (the desktop app's and the web page's) are made once here, and the end-to-end specs' server only
// serves them (E2E_PREBUILT: see playwright.config.ts).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;
mkdirSync('test-results', { recursive: true });

const failures = [];
const lines = [];
const times = [];
const started = performance.now();

const typecheck = timed('typecheck', () =>
  // Node-side code, the page, the page's unit tests, and the end-to-end specs (Node's types and the DOM's).
  series(
    ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.web-tests.json', 'tsconfig.e2e.json'].map((config) => [
      bin('tsc'),
      ['-p', config, '--noEmit'],
      `typecheck (${config})`,
    ]),
  ),
);
// `npm run deps`: the rooms' import rules and no file loops (.dependency-cruiser.cjs); a few seconds.
const deps = timed('deps', () => run(bin('depcruise'), ['src', 'scripts', '--config', '.dependency-cruiser.cjs'], { label: 'deps' }));
// `npm run lint` (eslint.config.js) and `npm run format:check` (prettier.config.js, .prettierignore).
const lint = timed('lint', () => run(bin('eslint'), ['.'], { label: 'lint' }));
const format = timed('format', () => run(bin('prettier'), ['--check', '.', '--log-level', 'warn'], { label: 'format' }));
// `npm run build` and `npm run build:web`, called directly as the typecheck's tsc is (no npm in between).
const build = timed('build', () =>
  series([
    [bin('electron-vite'), ['build'], 'build'],
    [bin('vite'), ['build', '--config', 'vite.web.config.ts'], 'build:web'],
  ]),
);
const unitReport = 'test-results/unit.json';
const unit = timed('unit', () =>
  run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`], { label: 'unit', inherit: true }),
);

// The end-to-end specs start once both builds and the unit tests are done, beside whatever else is still
// running. Started with the builds, beside the unit tests, they made the machine so busy that the unit tests
// that watch a child process's timing (the crash storm, the slow consumer) failed: docs/testing.md.
const specs = existsSync('e2e') ? readdirSync('e2e').filter((f) => f.endsWith('.spec.ts')) : [];
const e2eReport = 'test-results/e2e.json';
const e2e = Promise.all([build, unit]).then(() => {
  if (!specs.length) return null;
  if (failures.some((f) => f.startsWith('build'))) {
    failures.push('e2e');
    return { output: '', summary: 'e2e: 0 passed, 1 failed, 0 skipped (not run: the build failed)' };
  }
  return timed('e2e', () => run(bin('playwright'), ['test'], { label: 'e2e', env: { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport, E2E_PREBUILT: '1' } })).then(
    (result) => ({ ...result, summary: summarise('e2e', e2eReport, (r) => [r.stats.expected + r.stats.flaky, r.stats.unexpected, r.stats.skipped]) }),
  );
});

// The unit report streams to the terminal; the other jobs' output waits for it to end.
await unit;
lines.push(summarise('unit', unitReport, (r) => [r.numPassedTests, r.numFailedTests, r.numPendingTests + r.numTodoTests]));
for (const job of [typecheck, deps, lint, format, build]) {
  const { output } = await job;
  if (output.trim()) process.stdout.write(output);
}
const ended = await e2e;
if (ended) {
  process.stdout.write(ended.output);
  lines.push(ended.summary);
}

console.log('');
for (const line of lines) console.log(line);
console.log(
  `time: ${times.join(', ')}; total ${seconds(performance.now() - started)} (side by side; the end-to-end specs from the end of the builds and the unit tests)`,
);
if (failures.length) {
  console.log(`failed: ${failures.join(', ')}`);
  process.exit(1);
}

/**
 * Runs a command; a non-zero exit adds `label` to the failures. Its output goes to the terminal (`inherit`)
 * or is kept and returned, so that two jobs' lines do not interleave.
 */
function run(command, args, { label, inherit = false, env = {} }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => (output += `${error.message}\n`));
    child.on('close', (status) => {
      if (status !== 0) failures.push(label);
      resolve({ status, output });
    });
  });
}

/** Runs [command, args, label] one after another, all of them even when one fails; their output joined. */
async function series(commands) {
  let output = '';
  for (const [command, args, label] of commands) output += (await run(command, args, { label })).output;
  return { output };
}

/** Starts a job and records how long it took under `name`. */
async function timed(name, job) {
  const start = performance.now();
  const result = await job();
  times.push(`${name} ${seconds(performance.now() - start)}`);
  return result;
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

function summarise(label, report, counts) {
  if (!existsSync(report)) return `${label}: 0 passed, 1 failed (no report written)`;
  const [passed, failed, skipped] = counts(JSON.parse(readFileSync(report, 'utf8')));
  return `${label}: ${passed} passed, ${failed} failed, ${skipped} skipped`;
}
