/**
 * Every TypeScript file of the repository, tests and end-to-end specs above all, is type-checked: each one is
 * among the files of at least one of the configs that `npm run typecheck` checks (issue 15: the page's 39
 * test files once were in none, and so were never checked). A file outside every config's `include` is
 * named here, with the configs that were read.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

/** The configs a `typecheck` script passes to `tsc -p`, in its order. */
function configsOf(typecheckScript: string): string[] {
  return [...typecheckScript.matchAll(/tsc -p (\S+)/g)].map((m) => m[1]);
}

/** The files a config checks: its include less its exclude (with `extends` followed), relative to `folder`. */
function filesOf(folder: string, config: string): string[] {
  const fail = (d: ts.Diagnostic) => {
    throw new Error(`${config}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(join(folder, config), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: fail });
  if (!parsed) throw new Error(`${config}: not read`);
  return parsed.fileNames.map((f) => relative(folder, f));
}

/** Every TypeScript file under `folder`, outside what is installed, built or reported. */
function typeScriptFiles(folder: string, under = ''): string[] {
  const skipped = new Set(['node_modules', 'out', 'dist', 'test-results', 'playwright-report', '.git']);
  const found: string[] = [];
  for (const entry of readdirSync(join(folder, under), { withFileTypes: true })) {
    const path = under ? `${under}/${entry.name}` : entry.name;
    if (entry.isDirectory() && !skipped.has(entry.name)) found.push(...typeScriptFiles(folder, path));
    else if (entry.isFile() && /\.[cm]?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(path);
  }
  return found;
}

/** The TypeScript files of `folder` that none of `configs` checks. */
function unchecked(folder: string, configs: string[]): string[] {
  const checked = new Set(configs.flatMap((config) => filesOf(folder, config)));
  return typeScriptFiles(folder)
    .filter((file) => !checked.has(file))
    .sort();
}

describe('the typecheck covers every TypeScript file', () => {
  const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const configs = configsOf(packageJson.scripts.typecheck);

  it('npm run typecheck and npm test check the same configs', () => {
    // scripts/test.mjs runs tsc itself (no npm in between), from its own list.
    const testScript = readFileSync(join(root, 'scripts/test.mjs'), 'utf8');
    const listed = [...testScript.matchAll(/'(tsconfig\.[\w.-]+\.json)'/g)].map((m) => m[1]);
    expect(listed).toEqual(configs);
    expect(configs.length).toBeGreaterThan(0);
  });

  it('each test file, spec and source file is in some config that is checked', () => {
    const files = typeScriptFiles(root);
    // The check sees the tests it is about (not an empty walk): the renderer's, the specs and itself.
    expect(files).toContain('src/renderer/lab.test.ts');
    expect(files).toContain('e2e/lab.web.spec.ts');
    expect(files).toContain('scripts/typecheck-coverage.test.ts');
    expect(unchecked(root, configs), `not in ${configs.join(', ')}`).toEqual([]);
  });
});

describe('the check itself', () => {
  const tree = mkdtempSync(join(tmpdir(), 'descent-typecheck-'));
  afterAll(() => rmSync(tree, { recursive: true, force: true }));

  it('names the files that no config includes, or that one excludes', () => {
    const files: Record<string, string> = {
      'tsconfig.a.json': '{ "include": ["src"], "exclude": ["src/**/*.test.ts"] }',
      'src/a.ts': 'export const a = 1;\n',
      'src/a.test.ts': 'export const t = 1;\n',
      'e2e/b.spec.ts': 'export const s = 1;\n',
      'node_modules/x/index.ts': 'export const x = 1;\n',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(tree, path)), { recursive: true });
      writeFileSync(join(tree, path), text);
    }
    expect(unchecked(tree, configsOf('tsc -p tsconfig.a.json --noEmit'))).toEqual(['e2e/b.spec.ts', 'src/a.test.ts']);
  });
});
