/**
 * Bring your own data (issue 5): a CSV file chosen with "Open data (CSV)…", its columns picked in the
 * dialog, fits a linear model whose loss falls; a bad cell is named by line and column in the dialog and
 * the run stays as it was. Nothing may be logged as an error. Issue 22: a ";" file, scaling on by default,
 * parameters named by the columns, and the largest stable learning rate with its warning. A scenario file
 * that names its CSV asks for that file, since a page cannot read paths.
 */
import { readFileSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { expect as expectSoon, openPreset, test } from './shared-page';
import type { DescentLab, LabState } from '../src/renderer/lab';

// Generous waits on events: the page's worker can take well over the default 5 s to start on a loaded machine.
const expect = expectSoon.configure({ timeout: 30_000 });

// One page for the file (./shared-page.ts): its tests in order, each opening the bowl afresh.
test.describe.configure({ mode: 'default' });

type LabWindow = Window & { descentLab: DescentLab };

// Exactly linear: price = 1 + 2·size + 1·rooms on every row (1+2+2=5, 1+4+1=6, 1+6+3=10, 1+8+2=11).
const houses = 'size,rooms,price\n1,2,5\n2,1,6\n3,3,10\n4,2,11\n';

async function open(page: Page): Promise<void> {
  await openPreset(page, 'bowl');
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
  expect(data.x).toEqual([
    [1, 2],
    [2, 1],
    [3, 3],
    [4, 2],
  ]);
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

// Issue 22: the lesson's houses (docs/data/houses.csv, scripts/houses-data.mjs), separated by semicolons.
const housesCsv = readFileSync(new URL('../docs/data/houses.csv', import.meta.url), 'utf8');
const semicolons = housesCsv.replaceAll(',', ';');

test('a ";"-separated file loads as its columns, scaled by default, its parameters named by them', async ({ page }) => {
  await open(page);
  await chooseCsv(page, 'houses.csv', semicolons);
  const dialog = page.getByTestId('csv-dialog');
  await expect(dialog).toBeVisible();
  // Three columns, not one column "size;rooms;price".
  await expect(dialog.getByRole('checkbox', { name: 'size' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'rooms' })).toBeChecked();
  await expect(dialog.getByRole('combobox')).toHaveValue('price');
  // Scaling is on by default, and a line says why.
  await expect(dialog.getByTestId('csv-scale')).toBeChecked();
  await expect(dialog.getByTestId('csv-scale-why')).toContainText('diverges');
  await dialog.getByRole('button', { name: 'Fit' }).click();
  await expect(dialog).toBeHidden();

  await expect.poll(async () => (await state(page)).name).toBe('houses');
  const data = (await state(page)).scenario!.data as { x: number[][]; names: unknown; scale: string };
  expect(data.x).toHaveLength(50);
  expect(data.x[0]).toEqual([143, 4]); // the file's first row
  expect(data.names).toEqual({ x: ['size', 'rooms'], y: ['price'] });
  expect(data.scale).toBe('standard');
  // The names: the Freeze boxes, the scene's axis pickers and the data view's legend.
  const freeze = page.locator('[data-group="freeze"]');
  await expect(freeze.getByText('w·size', { exact: true })).toBeVisible();
  await expect(freeze.getByText('w·rooms', { exact: true })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Horizontal axis parameter' }).locator('option', { hasText: 'w·size' })).toHaveCount(1);
  await expect(page.getByTestId('data-view')).toContainText('z(size) = (size − 124.3) / 43.04');
  // Scaled, the default α = 0.01 is far below the stable rate 0.54 (src/shared/houses.test.ts): no warning.
  await expect(page.getByTestId('stable-rate')).toContainText('Stable for gradient descent below α = 0.54');
  await expect(page.getByTestId('stable-rate-warning')).toBeHidden();
});

test('unscaled, the panel shows the stable rate 5.8e-5 and warns that α = 0.01 is above it', async ({ page }) => {
  await open(page);
  await chooseCsv(page, 'houses.csv', semicolons);
  const dialog = page.getByTestId('csv-dialog');
  await dialog.getByTestId('csv-scale').uncheck();
  await dialog.getByRole('button', { name: 'Fit' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await state(page)).name).toBe('houses');
  expect((await state(page)).scenario!.data).not.toHaveProperty('scale');
  await expect(page.getByTestId('stable-rate')).toContainText('below α = 5.8e-5');
  const warning = page.getByTestId('stable-rate-warning');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('α = 0.01 is above the largest stable rate 5.8e-5');
  // And it is right: the run diverges (every particle by step 21, src/shared/houses.test.ts).
  await page.evaluate(() => (window as LabWindow).descentLab.step(30));
  await expect.poll(async () => (await state(page)).summary.diverged).toBe(100);
  // Below the limit the warning goes.
  await page.evaluate(() => (window as LabWindow).descentLab.set('optimizer.alpha', 5e-5));
  await expect(warning).toBeHidden();
});

test('a scenario file that names its CSV asks for that file, opens with its rows, and refuses one without its columns', async ({ page }) => {
  await open(page);
  // A race on the houses of the "why scale your features" lesson, its rows in docs/data/houses.csv beside it.
  const race = {
    version: 1,
    name: 'houses race',
    model: { kind: 'linear' },
    data: { csv: 'houses.csv', x: ['size', 'rooms'], y: ['price'], scale: 'standard' },
    init: { dist: 'gaussian', mean: [0, 0, 0], std: 1, count: 20 },
    optimizer: { kind: 'gd', alpha: 0.1 },
    epochs: 40,
    groups: [
      { name: 'GD', optimizer: { kind: 'gd', alpha: 0.1 } },
      { name: 'Adam', optimizer: { kind: 'adam', alpha: 0.1 } },
    ],
  };
  await page
    .getByTestId('scenario-file-input')
    .setInputFiles({ name: 'houses-race.descent', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(race)) });
  const ask = page.getByRole('button', { name: 'Choose houses.csv…' });
  await expect(ask).toBeVisible();
  expect((await state(page)).scenario!.name).toBe('bowl'); // nothing loaded before the rows are in

  // A CSV without the columns the file names: said, and the scenario still waits.
  const chooser = page.waitForEvent('filechooser');
  await ask.click();
  await (await chooser).setFiles({ name: 'houses.csv', mimeType: 'text/csv', buffer: Buffer.from('area,price\n1,2\n') });
  const refusal = page.locator('.notice.error').filter({ hasText: 'houses-race.descent could not be opened with houses.csv' });
  await expect(refusal).toContainText('has no column "size"');
  await expect(refusal.getByRole('button', { name: 'Choose houses.csv…' })).toBeVisible();
  expect((await state(page)).scenario!.name).toBe('bowl');

  // The real file, dropped on the window this time: the race opens with its 50 rows, named by the columns.
  const text = readFileSync(new URL('../docs/data/houses.csv', import.meta.url), 'utf8');
  const drop = await page.evaluateHandle((csv) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([csv], 'houses.csv', { type: 'text/csv' }));
    return transfer;
  }, text);
  await page.dispatchEvent('body', 'drop', { dataTransfer: drop });
  await expect.poll(async () => (await state(page)).scenario?.name).toBe('houses race');
  const opened = (await state(page)).scenario!;
  expect(opened.groups!.map((g) => g.name)).toEqual(['GD', 'Adam']);
  expect(opened.data).toMatchObject({ names: { x: ['size', 'rooms'], y: ['price'] }, scale: 'standard' });
  expect((opened.data as { x: number[][] }).x).toHaveLength(50);
  await expect(page).toHaveTitle('houses-race.descent · Descent Lab');
});
