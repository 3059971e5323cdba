/**
 * Bring your own data (issue 5): a CSV file chosen with "Open data (CSV)…", its columns picked in the
 * dialog, fits a linear model whose loss falls; a bad cell is named by line and column in the dialog and
 * the run stays as it was. Nothing may be logged as an error.
 */
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { DescentLab, LabState } from '../src/renderer/lab';

type LabWindow = Window & { descentLab: DescentLab };

// Exactly linear: price = 1 + 2·size + 1·rooms on every row (1+2+2=5, 1+4+1=6, 1+6+3=10, 1+8+2=11).
const houses = 'size,rooms,price\n1,2,5\n2,1,6\n3,3,10\n4,2,11\n';

async function open(page: Page): Promise<void> {
  await page.goto('./?preset=bowl');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
  await expect(page.getByTestId('loss')).not.toHaveText('—');
}

const state = (page: Page): Promise<LabState> => page.evaluate(() => (window as LabWindow).descentLab.state());

async function chooseCsv(page: Page, name: string, text: string): Promise<void> {
  await expect(page.getByRole('button', { name: 'Open data (CSV)…' })).toBeVisible();
  await page.getByTestId('csv-file-input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

test('a CSV file fits a linear model to the chosen columns, and the loss falls', async ({ page }) => {
  await open(page);
  await chooseCsv(page, 'houses.csv', houses);
  const dialog = page.getByTestId('csv-dialog');
  await expect(dialog).toBeVisible();
  // The default: every numeric column but the last as a feature, the last as the target.
  await expect(dialog.getByRole('checkbox', { name: 'size' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'rooms' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'price' })).not.toBeChecked();
  await expect(dialog.getByRole('combobox')).toHaveValue('price');
  await expect(dialog.getByTestId('csv-alpha')).toHaveValue('0.01');
  // Pick them explicitly, as a user would.
  await dialog.getByRole('checkbox', { name: 'size' }).check();
  await dialog.getByRole('checkbox', { name: 'rooms' }).check();
  await dialog.getByRole('combobox').selectOption('price');
  await dialog.getByRole('button', { name: 'Fit' }).click();
  await expect(dialog).toBeHidden();

  await expect.poll(async () => (await state(page)).name).toBe('houses');
  const loaded = await state(page);
  const data = loaded.scenario!.data as { x: number[][]; y: number[][] };
  expect(data.x).toHaveLength(4);
  expect(data.x).toEqual([[1, 2], [2, 1], [3, 3], [4, 2]]);
  expect(loaded.scenario!.model).toMatchObject({ kind: 'linear', bias: true });
  await expect.poll(async () => (await state(page)).summary.meanLoss).not.toBeNull();
  const before = (await state(page)).summary.meanLoss!;
  await page.evaluate(() => (window as LabWindow).descentLab.step(500));
  const after = (await state(page)).summary.meanLoss!;
  expect(after).toBeLessThan(before);
});

test('a non-numeric cell is named by line and column, and the run stays as it was', async ({ page }) => {
  await open(page);
  const before = await state(page);
  expect(before.name).toBe('bowl');
  await chooseCsv(page, 'bad.csv', 'size,rooms,price\n1,2,5\n2,one,6\n3,3,10\n');
  const dialog = page.getByTestId('csv-dialog');
  await expect(dialog).toBeVisible();
  // "rooms" is not all numbers, so it is not chosen by default: choose it anyway.
  await dialog.getByRole('checkbox', { name: 'rooms' }).check();
  await dialog.getByRole('button', { name: 'Fit' }).click();
  await expect(dialog.getByTestId('csv-problems')).toContainText('bad.csv line 3, column "rooms": "one" is not a finite number');
  expect((await state(page)).name).toBe('bowl');
  expect((await state(page)).scenario).toEqual(before.scenario);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  expect((await state(page)).name).toBe('bowl');
});

test('a CSV file dropped on the window opens the dialog', async ({ page }) => {
  await open(page);
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
    document.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    document.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, houses);
  const dialog = page.getByTestId('csv-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Fit' }).click();
  await expect.poll(async () => (await state(page)).name).toBe('dropped');
});
