/**
 * What the desktop specs share: launching the lab (from out/, or a packaged build), waiting for its page, and
 * answering main's native save dialog, which Playwright cannot click: main's `dialog` module is patched in
 * the main process, as the app itself calls `dialog.showSaveDialog` at the time of each save.
 */
import { _electron as electron, expect, type ElectronApplication, type Page } from '@playwright/test';

export async function launchLab(
  executablePath: string,
  options: { args?: string[]; userData?: string; packaged?: boolean } = {},
): Promise<ElectronApplication> {
  // An unpackaged app needs its folder ('.'); a packaged one takes only the file arguments.
  const args = options.packaged ? (options.args ?? []) : ['.', ...(options.args ?? [])];
  return electron.launch({ executablePath, args, env: { ...process.env, ...(options.userData ? { DESCENT_LAB_USER_DATA: options.userData } : {}) } });
}

/** The first window, once its trainer has loaded a scenario: the status readout shows "paused" before any trainer has spoken. */
export async function labReady(app: ElectronApplication): Promise<Page> {
  const page = await app.firstWindow();
  await expect.poll(() => page.evaluate(() => window.descentLab?.state().loaded ?? false), { timeout: 30_000 }).toBe(true);
  return page;
}

/** The next save dialogs answer `filePath` (null: Cancel); returns nothing, the dialogs stay answered so. */
export async function answerSaveDialog(app: ElectronApplication, filePath: string | null): Promise<void> {
  await app.evaluate(({ dialog }, chosen) => {
    dialog.showSaveDialog = (async () =>
      chosen === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: chosen }) as typeof dialog.showSaveDialog;
  }, filePath);
}

/** The next folder dialogs (a PNG sequence's) answer `folder` (null: Cancel). */
export async function answerFolderDialog(app: ElectronApplication, folder: string | null): Promise<void> {
  await app.evaluate(({ dialog }, chosen) => {
    dialog.showOpenDialog = (async () =>
      chosen === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [chosen] }) as typeof dialog.showOpenDialog;
  }, folder);
}
