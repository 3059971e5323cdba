/**
 * The settings card beside the scene under a title band (issue 22): its rows start below the band, none is
 * dimmed under it, in every layout of the column (card alone, card above the chart), and a line says so
 * while Record… waits on the save picker.
 */
import type { Page } from '@playwright/test';
import { expect, openPreset, test } from './shared-page';

// One page for the file (./shared-page.ts): its tests in order, each opening its preset afresh.
test.describe.configure({ mode: 'default' });

test.beforeEach(async ({ page }) => {
  await openPreset(page, 'bowl-cloud');
  await expect(page.getByTestId('scene')).toHaveAttribute('data-surface', 'ready', { timeout: 30_000 });
});

// 640 × 360: unit 0.5, so the title band is round(34 · 0.5) + 2 · round(14 · 0.5) = 17 + 14 = 31 px high
// (src/renderer/capture/layout.ts); the column starts at x = 640 − round(0.3 · 640) = 448.
const band = 31;
const column = 448;
const cardBackground = [0x14, 0x18, 0x1e];

/**
 * A screenshot's column, read row by row: for each row, whether every pixel of it (right of the card's
 * 1-px edge) has one colour, and the colour at its left end. A short title stays left of the column.
 */
async function columnRows(page: Page, options: Record<string, unknown>): Promise<{ uniform: boolean; colour: number[] }[]> {
  return page.evaluate(
    async ({ options, column }) => {
      const blob = await window.descentLab.screenshot(options as never);
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const x0 = column + 2;
      const { data } = context.getImageData(x0, 0, bitmap.width - x0, bitmap.height);
      const width = bitmap.width - x0;
      const rows = [];
      for (let y = 0; y < bitmap.height; y++) {
        const at = (x: number) => Array.from(data.slice((y * width + x) * 4, (y * width + x) * 4 + 3));
        const first = at(0);
        let uniform = true;
        for (let x = 1; x < width && uniform; x++) uniform = at(x).every((v, k) => v === first[k]);
        rows.push({ uniform, colour: first });
      }
      return rows;
    },
    { options, column },
  );
}

for (const layout of [
  { panel: true, chart: false },
  { panel: true, chart: true },
]) {
  test(`the card's rows start below the title band (${layout.chart ? 'card above the chart' : 'card alone'})`, async ({ page }) => {
    const rows = await columnRows(page, { width: 640, height: 360, title: 'T', ...layout });
    // Under the band the column is plain: the band over the column's colour, no text dimmed beneath it.
    for (let y = 0; y < band; y++) expect(rows[y].uniform, `row ${y}, under the title band`).toBe(true);
    expect(rows[band - 1].colour).not.toEqual(cardBackground);
    // The card begins right below it, at full brightness, and its first row (Scenario) follows within the next 30 px.
    expect(rows[band].colour).toEqual(cardBackground);
    expect(rows.slice(band, band + 30).some((row) => !row.uniform)).toBe(true);
  });
}

test('a closed save picker records nothing, and says so', async ({ page }) => {
  await page.evaluate(() => ((window as { showSaveFilePicker?: unknown }).showSaveFilePicker = () => Promise.reject(new DOMException('closed', 'AbortError'))));
  await page.getByRole('button', { name: 'Record…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record or screenshot' });
  await dialog.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText('Not recorded: no file was chosen.');
  await expect(dialog.getByRole('button', { name: 'Record', exact: true })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Close' }).click(); // the page is the next test's
  await expect(dialog).toBeHidden();
});

// Last in the file: its picker never answers, so the page it leaves is waiting on it for good.
test('Record… says so while it waits on the save picker', async ({ page }) => {
  // A picker that stays open: the page must say what it is waiting for.
  await page.evaluate(() => ((window as { showSaveFilePicker?: unknown }).showSaveFilePicker = () => new Promise(() => {})));
  await page.getByRole('button', { name: 'Record…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record or screenshot' });
  await dialog.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText('Choose where to save the recording…');
  await expect(dialog.getByRole('button', { name: 'Record', exact: true })).toBeDisabled();
});
