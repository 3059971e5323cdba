/**
 * What the desktop keeps between launches, under `xvfb-run` where Electron's binary exists (skipped here with
 * the reason printed): the page's preferences and the last experiment come back after a restart, a file
 * named on the command line opens (`*.descent.json`, and `*.descent`, the association's), a file macOS hands over
 * with 'open-file' opens (with no window open, in a new one), and a second launch hands its file to the lab
 * already running.
 * Each test has its own settings folder (DESCENT_LAB_USER_DATA, read only by an unpackaged app).
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findPreset } from '../src/shared/presets';
import { electronBinary } from './electron-runtime';

const runtime = electronBinary();
if ('reason' in runtime) console.log(`electron specs skipped: ${runtime.reason}`);

function launch(userData: string, ...files: string[]): Promise<ElectronApplication> {
  return electron.launch({
    executablePath: (runtime as { path: string }).path,
    args: ['.', ...files],
    env: { ...process.env, DESCENT_LAB_USER_DATA: userData },
  });
}

/** The first window, once its trainer has loaded a scenario (the status readout shows "paused" before that). */
async function ready(app: ElectronApplication): Promise<Page> {
  const page = await app.firstWindow();
  await expect.poll(() => page.evaluate(() => window.descentLab?.state().loaded ?? false), { timeout: 30_000 }).toBe(true);
  return page;
}

/** A scenario file (a preset under another name) in a fresh folder. */
function scenarioFile(name: string, extension = '.descent.json'): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'descent-files-')), `${name}${extension}`);
  writeFileSync(file, JSON.stringify({ ...findPreset('rosenbrock')!.scenario, name }));
  return file;
}

test.describe('the desktop app between launches', () => {
  test.skip('reason' in runtime, 'reason' in runtime ? runtime.reason : '');
  let userData: string;
  test.beforeEach(() => {
    userData = mkdtempSync(path.join(tmpdir(), 'descent-user-data-'));
  });

  test('the panel as left and the last experiment come back after a restart', async () => {
    let app = await launch(userData);
    let page = await ready(app);
    await page.evaluate(() => window.descentLab.load('beale'));
    await page.locator('body').press('h');
    await expect(page.locator('#panel')).toHaveClass(/hidden/);
    await app.close(); // the window's close writes the settings at once
    app = await launch(userData);
    page = await ready(app);
    await expect(page.locator('#panel')).toHaveClass(/hidden/);
    await expect.poll(() => page.evaluate(() => window.descentLab.state().name)).toBe('beale');
    await app.close();
  });

  test('a file named on the command line opens', async () => {
    const file = scenarioFile('from-the-command-line');
    const app = await launch(userData, file);
    const page = await ready(app);
    await expect.poll(() => page.evaluate(() => window.descentLab.state().name)).toBe('from-the-command-line');
    await app.close();
  });

  test('a double-clicked *.descent file (the association: its path on the command line) opens', async () => {
    const file = scenarioFile('double-clicked', '.descent');
    const app = await launch(userData, file);
    const page = await ready(app);
    await expect.poll(() => page.evaluate(() => window.descentLab.state().name)).toBe('double-clicked');
    await app.close();
  });

  test("a file macOS hands over with 'open-file' opens in the window", async () => {
    const app = await launch(userData);
    const page = await ready(app);
    const file = scenarioFile('from-the-finder', '.descent');
    await app.evaluate(({ app: electronApp }, opened) => electronApp.emit('open-file', { preventDefault() {} }, opened), file);
    await expect.poll(() => page.evaluate(() => window.descentLab.state().name)).toBe('from-the-finder');
    expect(app.windows()).toHaveLength(1);
    await app.close();
  });

  test("on macOS, 'open-file' with no window open opens one with the file", async () => {
    // Elsewhere closing the last window quits the app, so there is no windowless lab to ask.
    test.skip(process.platform !== 'darwin', 'macOS keeps a windowless app running; other platforms quit');
    const app = await launch(userData);
    const first = await ready(app);
    await first.close();
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(0);
    const file = scenarioFile('windowless', '.descent');
    const next = app.waitForEvent('window');
    await app.evaluate(({ app: electronApp }, opened) => electronApp.emit('open-file', { preventDefault() {} }, opened), file);
    const page = await next;
    await expect(page.getByTestId('status')).toHaveText(/paused|running|done/, { timeout: 30_000 });
    await expect.poll(() => page.evaluate(() => window.descentLab.state().name)).toBe('windowless');
    await app.close();
  });

  test('a second launch hands its file to the running lab and quits', async () => {
    const app = await launch(userData);
    const page = await ready(app);
    const file = scenarioFile('handed-over');
    const second = spawn((runtime as { path: string }).path, ['.', file], { env: { ...process.env, DESCENT_LAB_USER_DATA: userData }, stdio: 'ignore' });
    const exitCode = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    expect(exitCode).toBe(0);
    await expect.poll(() => page.evaluate(() => window.descentLab.state().name)).toBe('handed-over');
    expect(app.windows()).toHaveLength(1);
    await app.close();
  });
});
