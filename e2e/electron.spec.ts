/**
 * The desktop app itself, under `xvfb-run` where Electron's binary exists. Here (no binary) every test is
 * skipped, and the reason is printed: a skip is reported as a skip, never as a pass.
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { electronBinary } from './electron-runtime';

const runtime = electronBinary();
if ('reason' in runtime) console.log(`electron specs skipped: ${runtime.reason}`);

test.describe('the desktop app', () => {
  test.skip('reason' in runtime, 'reason' in runtime ? runtime.reason : '');
  let app: ElectronApplication;

  test.beforeAll(async () => {
    app = await electron.launch({ executablePath: (runtime as { path: string }).path, args: ['.'] });
  });
  test.afterAll(async () => app?.close());

  test('opens one window titled Descent Lab, isolated from Node', async () => {
    const page = await app.firstWindow();
    await expect(page).toHaveTitle('Descent Lab');
    // contextIsolation and no nodeIntegration: the page sees the preload's bridge and nothing of Node.
    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: typeof (globalThis as { descentDesktop?: unknown }).descentDesktop,
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: 'object' });
  });

  test('denies window.open', async () => {
    const page = await app.firstWindow();
    expect(await page.evaluate(() => window.open('https://example.com') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });
});
