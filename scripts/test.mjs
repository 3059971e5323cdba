// `npm test`: the typecheck, then every unit test (Vitest), then the end-to-end specs once there are any.
// Each suite closes with one plain line, "unit: N passed, N failed, N skipped", read from its runner's JSON
// report, so that a skip is reported as a skip; the exit status is non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit' }).status ?? 1;
mkdirSync('test-results', { recursive: true });

const failures = [];
const lines = [];

// Node-side code, the page, and the end-to-end specs (which need both Node's types and the DOM's).
for (const config of ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.web-tests.json', 'tsconfig.e2e.json']) {
  if (run(bin('tsc'), ['-p', config, '--noEmit'])) failures.push(`typecheck (${config})`);
}

const unitReport = 'test-results/unit.json';
const unitStatus = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`]);
lines.push(summarise('unit', unitReport, (r) => [r.numPassedTests, r.numFailedTests, r.numPendingTests + r.numTodoTests]));
if (unitStatus) failures.push('unit');

const specs = existsSync('e2e') ? readdirSync('e2e').filter((f) => f.endsWith('.spec.ts')) : [];
if (specs.length) {
  const e2eReport = 'test-results/e2e.json';
  const e2eStatus = spawnSync(bin('playwright'), ['test'], { stdio: ['inherit', 'inherit', 'inherit'], env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport } }).status ?? 1;
  lines.push(summarise('e2e', e2eReport, (r) => [r.stats.expected + r.stats.flaky, r.stats.unexpected, r.stats.skipped]));
  if (e2eStatus) failures.push('e2e');
}

console.log('');
for (const line of lines) console.log(line);
if (failures.length) {
  console.log(`failed: ${failures.join(', ')}`);
  process.exit(1);
}

function summarise(label, report, counts) {
  if (!existsSync(report)) return `${label}: 0 passed, 1 failed (no report written)`;
  const [passed, failed, skipped] = counts(JSON.parse(readFileSync(report, 'utf8')));
  return `${label}: ${passed} passed, ${failed} failed, ${skipped} skipped`;
}
