/**
 * Preferences between sessions in the browser build (localStorage; the desktop keeps the same ones in its
 * settings file, see src/main/settings.test.ts and ipc.test.ts): the panel as left and the Record dialog's
 * choices come back after a reload, and damaged ones give way to the defaults with a notice.
 */
import { expect, test } from './fixtures';

const storageKey = 'descent-lab:preferences'; // src/renderer/preferences.ts

test('the panel as left and the Record dialog choices come back after a reload', async ({ page }) => {
  await page.goto('./?preset=bowl');
  await expect(page.getByTestId('status')).toHaveText('paused', { timeout: 30_000 }); // a first load: generous
  const panel = page.locator('#panel');
  await page.locator('#panel .lil-title', { hasText: 'Optimizer' }).click();
  await page.getByRole('button', { name: 'Record…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record or screenshot' });
  await dialog.getByRole('combobox').first().selectOption('1920x1080');
  await dialog.getByLabel('Length (s)').fill('12');
  await dialog.getByLabel('Length (s)').blur();
  await dialog.getByLabel('Loss chart beside the scene').check();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.keyboard.press('h');
  await expect(panel).toHaveClass(/hidden/);

  await page.reload(); // pagehide writes what is pending
  await expect(page.getByTestId('status')).toHaveText('paused');
  await expect(panel).toHaveClass(/hidden/);
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!), storageKey);
  expect(stored.panel).toEqual({ hidden: true, closedFolders: ['Optimizer'] });
  await page.keyboard.press('h');
  await expect(panel).not.toHaveClass(/hidden/);
  await expect(page.locator('#panel .lil-gui.lil-closed > .lil-title', { hasText: 'Optimizer' })).toBeVisible();
  await page.getByRole('button', { name: 'Record…' }).click();
  await expect(dialog.getByRole('combobox').first()).toHaveValue('1920x1080');
  await expect(dialog.getByLabel('Length (s)')).toHaveValue('12');
  await expect(dialog.getByLabel('Loss chart beside the scene')).toBeChecked();
  await expect(dialog.getByLabel('Settings card beside the scene')).not.toBeChecked();
});

test('damaged preferences: the defaults, and a notice', async ({ page }) => {
  await page.addInitScript((key) => localStorage.setItem(key, '{"panel":{"hidden":"yes"}'), storageKey);
  await page.goto('./?preset=bowl');
  await expect(page.locator('#notices')).toContainText('preferences were damaged', { timeout: 30_000 }); // a first load: generous
  await expect(page.locator('#panel')).not.toHaveClass(/hidden/);
});
