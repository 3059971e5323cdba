/**
 * Scenario files in the browser build: every file of the malformed corpus is refused with its field named
 * and the run untouched; a valid file opens (chosen or dropped); Save downloads a file that reopens to
 * the same scenario; Copy link gives a link that opens it. Nothing may be logged as an error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { LabState } from '../src/renderer/lab';
import { expect, openPreset, test } from './shared-page';

const corpusDir = join(import.meta.dirname, '..', 'src', 'shared', 'fixtures', 'malformed');
const expected: Record<string, string> = JSON.parse(readFileSync(join(corpusDir, 'expected.json'), 'utf8'));
const corpus = readdirSync(corpusDir)
  .filter((f) => f !== 'expected.json')
  .sort();

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
// One page for the file (./shared-page.ts): its tests in order, each opening its preset afresh.
test.describe.configure({ mode: 'default' });

/** Opens a preset by name (on the shared page), or navigates to a link. */
async function open(page: Page, presetOrLink: string): Promise<void> {
  if (presetOrLink.includes('/')) await page.goto(presetOrLink);
  else await openPreset(page, presetOrLink);
  // Generous: a first load on the loaded two-core machine can take well over the default 5 s.
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled({ timeout: 30_000 });
  await expect(page.getByTestId('loss')).not.toHaveText('—', { timeout: 30_000 });
}

const state = (page: Page): Promise<LabState> => page.evaluate(() => window.descentLab.state());
const fileInput = (page: Page) => page.getByTestId('scenario-file-input');

/** What must not move when a file is refused: the run's name, its step and its scenario. */
function run(s: LabState) {
  return { name: s.name, step: s.step, epoch: s.epoch, scenario: s.scenario };
}

async function choose(page: Page, name: string, text: string | Buffer): Promise<void> {
  await fileInput(page).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.isBuffer(text) ? text : Buffer.from(text) });
}

test('every malformed file is refused with its field named, and the run stays as it was', async ({ page }) => {
  test.setTimeout(120_000);
  expect(corpus.length).toBeGreaterThanOrEqual(60);
  await open(page, 'rosenbrock');
  await page.evaluate(() => window.descentLab.step(5));
  const before = run(await state(page));
  expect(before.step).toBe(5);
  const newest = page.locator('#notices .notice').first();
  for (const file of corpus) {
    await choose(page, file, readFileSync(join(corpusDir, file)));
    await expect(newest.locator('p'), file).toHaveText(`${file} has problems; the current run is unchanged`);
    const problems = await newest.locator('li').allTextContents();
    expect(
      problems.some((p) => p.startsWith(`${expected[file]}:`)),
      `${file}: ${problems.join(' | ')}`,
    ).toBe(true);
    expect(run(await state(page)), file).toEqual(before);
  }
  // Still the same run, and it still steps.
  await page.evaluate(() => window.descentLab.step(1));
  expect((await state(page)).step).toBe(6);
});

test('a file over the size limit is refused before it is read, naming the limit', async ({ page }) => {
  await open(page, 'rosenbrock');
  const before = run(await state(page));
  await choose(page, 'huge.descent.json', Buffer.alloc(8 * 1024 * 1024 + 1, 32));
  const newest = page.locator('#notices .notice').first();
  await expect(newest.locator('p')).toHaveText('huge.descent.json is too large to open; the current run is unchanged');
  await expect(newest.locator('li')).toContainText('the limit for a scenario file is 8 MiB');
  expect(run(await state(page))).toEqual(before);
});

test('a valid file opens, chosen or dropped on the window', async ({ page }) => {
  await open(page, 'rosenbrock');
  const scenario = (await state(page)).scenario!;
  await choose(page, 'mine.descent.json', JSON.stringify({ ...scenario, name: 'my own', optimizer: { kind: 'adam', alpha: 0.01 } }));
  await expect.poll(async () => (await state(page)).name).toBe('my own');
  expect((await state(page)).scenario!.optimizer).toEqual({ kind: 'adam', alpha: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0, amsgrad: false });
  await expect(page).toHaveTitle('mine.descent.json · Descent Lab');

  const dropped = JSON.stringify({ ...scenario, name: 'dropped' });
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dropped.descent.json', { type: 'application/json' }));
    document.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    document.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, dropped);
  await expect.poll(async () => (await state(page)).name).toBe('dropped');
  await expect(page.locator('body')).not.toHaveClass(/files-dropping/);
});

test('Save downloads a file that reopens to the same scenario', async ({ page }) => {
  await open(page, 'rosenbrock');
  await page.evaluate(() => window.descentLab.set('optimizer.alpha', 0.0005));
  const saved = (await state(page)).scenario!;
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save', exact: true }).click()]);
  expect(download.suggestedFilename()).toBe('rosenbrock.descent.json');
  const text = readFileSync((await download.path())!, 'utf8');

  await page.evaluate(() => window.descentLab.load('bowl-cloud'));
  expect((await state(page)).name).toBe('bowl-cloud');
  await choose(page, download.suggestedFilename(), text);
  await expect.poll(async () => (await state(page)).name).toBe('rosenbrock');
  expect((await state(page)).scenario).toEqual(saved);

  // Ctrl+S saves too (and the browser's own Save Page never opens).
  const [again] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
  expect(readFileSync((await again.path())!, 'utf8')).toBe(text);
});

test('Copy link gives a link that opens the same scenario', async ({ page, baseURL }) => {
  await open(page, 'rosenbrock');
  await page.evaluate(() => window.descentLab.set('optimizer.alpha', 0.00025));
  const shared = (await state(page)).scenario!;
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.locator('#notices .notice').first().locator('p')).toHaveText('Copied a link to this scenario');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  // The page's own address, sub-path included (the specs serve the site under one: playwright.config.ts).
  expect(link.startsWith(`${baseURL}?scenario=%7B`), link).toBe(true);
  await open(page, link);
  expect((await state(page)).scenario).toEqual(shared);
  expect((await state(page)).step).toBe(0);
});
