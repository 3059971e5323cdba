/**
 * The packaged app (electron-builder's `--dir` output, the end-to-end flavour whose only difference is the
 * inspector fuse), launched once: the app.asar, the app:// protocol, the CommonJS preload and the fuses
 * together, which no spec on the unpackaged app exercises. CI packages it and sets DESCENT_LAB_PACKAGED_DIR;
 * elsewhere the spec is skipped with the reason printed.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findPreset } from '../src/shared/presets';
import { answerSaveDialog, labReady, launchLab } from './electron-app';
import { packagedBinary } from './electron-runtime';

const packaged = packagedBinary();
if ('reason' in packaged) console.log(`packaged-app spec skipped: ${packaged.reason}`);

test('the packaged app starts, opens a double-clicked *.descent file and saves an export', async () => {
  // Skipped only where no one asked for it: with the folder named (CI), a missing app is a failure.
  test.skip(!process.env.DESCENT_LAB_PACKAGED_DIR, 'reason' in packaged ? packaged.reason : '');
  if ('reason' in packaged) throw new Error(packaged.reason);
  test.setTimeout(120_000);
  const folder = mkdtempSync(path.join(tmpdir(), 'descent-packaged-'));
  const scenario = path.join(folder, 'packaged.descent');
  writeFileSync(scenario, JSON.stringify({ ...findPreset('bowl')!.scenario, name: 'packaged' }));
  // A packaged app reads its file right after the executable, as the association starts it.
  const app = await launchLab((packaged as { path: string }).path, { packaged: true, args: [scenario] });
  try {
    const page = await labReady(app);
    await expect(page).toHaveTitle(/Descent Lab/);
    await expect.poll(() => page.evaluate(() => window.descentLab.state().name)).toBe('packaged');
    expect(await app.evaluate(({ app: electronApp }) => electronApp.isPackaged)).toBe(true);
    await page.evaluate(() => window.descentLab.step(5));
    const file = path.join(folder, 'export.csv');
    await answerSaveDialog(app, file);
    await page.getByRole('button', { name: 'Export trajectories…' }).click();
    await expect(page.getByText('Exported export.csv')).toBeVisible({ timeout: 30_000 });
    expect(readFileSync(file, 'utf8')).toMatch(/^step,epoch,particle,/);
    expect(readdirSync(folder).sort()).toEqual(['export.csv', 'packaged.descent']);
  } finally {
    await app.close();
  }
});
