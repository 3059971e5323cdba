/** The check CI runs on the real installers' archives (check-asar.mjs), on archives made here by @electron/asar. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import asar from '@electron/asar';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { findArchives, unexpectedEntries } from './check-asar.mjs';

const scratch = mkdtempSync(path.join(tmpdir(), 'check-asar-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Packs `files` (relative path → text) into dist/<name>/resources/app.asar under a fresh folder; returns the folder. */
async function archiveOf(name: string, files: Record<string, string>): Promise<string> {
  const app = path.join(scratch, name, 'app');
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(app, file)), { recursive: true });
    writeFileSync(path.join(app, file), text);
  }
  const dist = path.join(scratch, name, 'dist');
  mkdirSync(path.join(dist, 'linux-unpacked', 'resources'), { recursive: true });
  await asar.createPackage(app, path.join(dist, 'linux-unpacked', 'resources', 'app.asar'));
  return dist;
}

const builtApp = { 'package.json': '{}', 'out/main/index.js': '', 'out/main/trainer.js': '', 'out/preload/index.cjs': '', 'out/renderer/index.html': '' };
const script = path.join(import.meta.dirname, 'check-asar.mjs');

describe('check-asar', () => {
  it('passes an archive of the built app and package.json', async () => {
    const dist = await archiveOf('clean', builtApp);
    const [archive] = findArchives(dist);
    expect(unexpectedEntries(archive)).toEqual([]);
    expect(execFileSync(process.execPath, [script, dist], { encoding: 'utf8' })).toMatch(/holds the built app and package.json only/);
  });

  it('names what else an archive holds, and fails', async () => {
    const dist = await archiveOf('with-modules', { ...builtApp, 'node_modules/zod/index.js': '', 'src/main/index.ts': '' });
    const [archive] = findArchives(dist);
    expect(unexpectedEntries(archive).map((entry: string) => entry.split(path.sep).join('/'))).toEqual(
      expect.arrayContaining(['/node_modules', '/node_modules/zod/index.js', '/src/main/index.ts']),
    );
    const run = spawnSync(process.execPath, [script, dist], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/entries besides the built app, such as .*node_modules/);
  });

  it('fails when there is no archive at all', () => {
    const empty = path.join(scratch, 'empty');
    mkdirSync(empty);
    const run = spawnSync(process.execPath, [script, empty], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/no app.asar found/);
  });
});
