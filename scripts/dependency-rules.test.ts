/**
 * The import rules of .dependency-cruiser.cjs fire: a throwaway tree with one loop and one wrong door per
 * rule, checked by the same command as `npm run deps`, must report exactly those (and nothing for the doors
 * that are allowed). The real tree is checked by `npm run deps` itself.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const tree = mkdtempSync(join(tmpdir(), 'descent-deps-'));
afterAll(() => rmSync(tree, { recursive: true, force: true }));

const files: Record<string, string> = {
  'tsconfig.node.json': '{}',
  'src/engine/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
  'src/engine/b.ts': "import type { a } from './a';\nexport const b = 1 as unknown as typeof a;\n",
  'src/engine/c.ts': "import { s } from '../shared/ok';\nexport const c = s;\n",
  'src/shared/ok.ts': 'export const s = 1;\n',
  'src/shared/bad.ts': "import { c } from '../engine/c';\nexport const bad = c;\n",
  'src/shared/bad.test.ts': "import { c } from '../engine/c';\nexport const fine = c;\n",
  'src/renderer/bad.ts': "import { t } from '../trainer/trainer';\nexport const r = t;\n",
  'src/renderer/ok.ts': "import { s } from '../shared/ok';\nimport { c } from '../engine/c';\nexport const r = s + c;\n",
  'src/trainer/trainer.ts': "import { s } from '../shared/ok';\nexport const t = s;\n",
  'src/main/bad.ts': "import { t } from '../trainer/trainer';\nexport const m = t;\n",
  // Test helpers: a test and another helper may import them; code that ships may not.
  'src/trainer/testing.ts': "import { t } from './trainer';\nexport const harness = t;\n",
  'src/trainer/fork.testing.ts': "import { harness } from './testing';\nexport const fork = harness;\n",
  'src/trainer/fork.test.ts': "import { fork } from './fork.testing';\nimport { harness } from './testing';\nexport const fine = fork + harness;\n",
  'src/trainer/ships.ts': "import { harness } from './testing';\nexport const bad = harness;\n",
  'src/trainer/ships-too.ts': "import { fork } from './fork.testing';\nexport const bad = fork;\n",
  // A test helper stands above the rooms as a test does: the page's helper may wire in the trainer.
  'src/renderer/wired.testing.ts': "import { t } from '../trainer/trainer';\nexport const wired = t;\n",
};

it('reports a file loop and each wrong door, and nothing else', () => {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(tree, path)), { recursive: true });
    writeFileSync(join(tree, path), text);
  }
  let output: string;
  try {
    // The JSON report exits 0 even with violations; the plain report of `npm run deps` exits non-zero.
    output = execFileSync(join(root, 'node_modules/.bin/depcruise'), ['src', '--config', join(root, '.dependency-cruiser.cjs'), '--output-type', 'json'], {
      cwd: tree,
      encoding: 'utf8',
    });
  } catch (error) {
    output = (error as { stdout: string }).stdout;
  }
  const report = JSON.parse(output) as { summary: { violations: { from: string; to: string; rule: { name: string } }[] } };
  // A loop is reported once, from the first file of it.
  const found = report.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
  expect(found).toEqual([
    'main-only-shared: src/main/bad.ts → src/trainer/trainer.ts',
    'no-circular: src/engine/a.ts → src/engine/b.ts',
    'no-test-helpers-in-production: src/trainer/ships-too.ts → src/trainer/fork.testing.ts',
    'no-test-helpers-in-production: src/trainer/ships.ts → src/trainer/testing.ts',
    'renderer-only-shared-and-worker-entries: src/renderer/bad.ts → src/trainer/trainer.ts',
    'shared-imports-nothing-of-app: src/shared/bad.ts → src/engine/c.ts',
  ]);
}, 60_000); // a few seconds alone; far longer on a loaded machine
