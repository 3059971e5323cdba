/**
 * Saving from the desktop app, to disk, through the buttons a user clicks (issue 21): an export of the
 * trajectories, a recording, a screenshot, a cancelled save, and Copy scenario. Each went through the page's
 * showSaveFilePicker before, whose write Electron refuses (NotAllowedError after the pick). Run under
 * `xvfb-run` where Electron's binary exists; skipped here with the reason printed.
 */
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readWebm } from '../src/renderer/capture/webm.testing';
import { pngSize } from '../src/renderer/capture/zip.testing';
import { answerFolderDialog, answerSaveDialog, labReady, launchLab } from './electron-app';
import { electronBinary } from './electron-runtime';

const runtime = electronBinary();
if ('reason' in runtime) console.log(`electron specs skipped: ${runtime.reason}`);

test.describe('saving from the desktop app', () => {
  test.skip('reason' in runtime, 'reason' in runtime ? runtime.reason : '');
  let app: ElectronApplication;
  let page: Page;
  let folder: string;

  test.beforeEach(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'descent-saved-'));
    app = await launchLab((runtime as { path: string }).path, { userData: mkdtempSync(path.join(tmpdir(), 'descent-user-data-')) });
    page = await labReady(app);
    await page.evaluate(async () => {
      await window.descentLab.load('bowl');
      await window.descentLab.step(20);
    });
  });
  test.afterEach(async () => app?.close());

  test('Export trajectories writes the CSV to the chosen file, and nothing else', async () => {
    const file = path.join(folder, 'bowl-trajectories.csv');
    await answerSaveDialog(app, file);
    await page.getByRole('button', { name: 'Export trajectories…' }).click();
    await expect(page.getByText(/Exported bowl-trajectories\.csv/)).toBeVisible({ timeout: 30_000 });
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const { count, step } = await page.evaluate(() => ({ count: window.descentLab.state().summary.count, step: window.descentLab.state().step }));
    // A header, then one row per particle for every step from 0 to the lab's: the export's own format.
    expect(lines[0]).toMatch(/^step,epoch,particle,/);
    expect(step).toBeGreaterThan(0);
    expect(lines.length - 1).toBe(count * (step + 1));
    expect(readdirSync(folder)).toEqual(['bowl-trajectories.csv']); // no temporary file left
  });

  test('a cancelled save dialog leaves no file behind', async () => {
    await answerSaveDialog(app, null);
    await page.getByRole('button', { name: 'Export trajectories…' }).click();
    await page.getByRole('button', { name: 'Record…' }).click();
    await page.getByRole('dialog', { name: 'Record or screenshot' }).getByRole('button', { name: 'Record', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Export trajectories…' })).toBeEnabled();
    expect(readdirSync(folder)).toEqual([]);
  });

  test('Record writes a playable WebM to the chosen file as it records', async () => {
    test.setTimeout(120_000);
    const file = path.join(folder, 'bowl.webm');
    await answerSaveDialog(app, file);
    await page.getByRole('button', { name: 'Record…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record or screenshot' });
    await dialog.getByLabel('Length (s)').fill('1');
    await dialog.getByRole('button', { name: 'Record', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText(/Recorded \d+ frames.*saved/, { timeout: 90_000 });
    const fps = Number(await dialog.getByLabel('Frame rate').inputValue());
    expect(readWebm(readFileSync(file)).frames).toHaveLength(fps);
    expect(readdirSync(folder)).toEqual(['bowl.webm']);
  });

  test('Record as a PNG sequence writes numbered frames into the chosen empty folder, and nothing beside it', async () => {
    test.setTimeout(120_000);
    const frames = path.join(folder, 'frames');
    mkdirSync(frames); // as the dialog's New Folder makes it
    await answerFolderDialog(app, frames);
    await page.getByRole('button', { name: 'Record…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record or screenshot' });
    await dialog.getByLabel('Format').selectOption('png');
    await dialog.getByLabel('Length (s)').fill('1');
    await dialog.getByRole('button', { name: 'Record', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText(/Recorded \d+ frames.*saved in frames/, { timeout: 90_000 });
    const fps = Number(await dialog.getByLabel('Frame rate').inputValue());
    const names = readdirSync(frames).sort();
    expect(names).toEqual(Array.from({ length: fps }, (_, k) => `frame-${String(k + 1).padStart(5, '0')}.png`));
    const first = pngSize(readFileSync(path.join(frames, names[0])));
    expect(first.width).toBeGreaterThan(0);
    expect(readdirSync(folder)).toEqual(['frames']); // the temporary folder was renamed, not left beside it
  });

  test('Screenshot writes a PNG to the chosen file', async () => {
    const file = path.join(folder, 'shot.png');
    await answerSaveDialog(app, file);
    await page.getByRole('toolbar', { name: 'Capture' }).getByRole('button', { name: 'Screenshot' }).click();
    await expect.poll(() => existsSync(file), { timeout: 30_000 }).toBe(true);
    expect(readFileSync(file).subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  test('Copy scenario puts the scenario, as JSON, on the clipboard', async () => {
    await page.getByRole('button', { name: 'Copy scenario' }).click();
    await expect(page.getByText('Copied the scenario')).toBeVisible();
    const copied = await app.evaluate(({ clipboard }) => clipboard.readText());
    expect(JSON.parse(copied)).toEqual(await page.evaluate(() => window.descentLab.state().scenario));
  });
});
