/**
 * The timeline in the browser build: the scrubber replays the run to an earlier step and back, exactly
 * (the trainer restores a snapshot and re-runs from it with the same seed). No console errors.
 */
import { type Page } from '@playwright/test';
import { expect, openPreset, test } from './shared-page';

test.describe.configure({ mode: 'default' }); // the file's tests in order, on one page (./shared-page.ts)

/** Moves the scrubber as a drag would: a value, an `input`, then the release's `change`. */
async function scrubTo(page: Page, step: number): Promise<void> {
  await page.getByTestId('timeline-scrubber').evaluate((input: HTMLInputElement, value) => {
    input.value = String(value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, step);
}

test('the scrubber replays step 20 and comes back to step 40 exactly', async ({ page }) => {
  await openPreset(page, 'rosenbrock');
  await page.evaluate(() => window.descentLab.step(40));
  const original = await page.evaluate(() => window.descentLab.state());
  expect(original.step).toBe(40);
  const scrubber = page.getByTestId('timeline-scrubber');
  await expect(scrubber).toHaveAttribute('max', '40');
  await expect(page.getByTestId('timeline-step')).toHaveText('40 / 40');

  await scrubTo(page, 20);
  await expect(page.getByTestId('timeline-step')).toHaveText('20 / 40');
  const back = await page.evaluate(() => window.descentLab.state());
  expect(back.step).toBe(20);
  expect(back.status).toBe('paused');
  expect(back.summary.meanLoss).not.toBe(original.summary.meanLoss);
  await expect(scrubber).toHaveValue('20');

  await scrubTo(page, 40);
  await expect(page.getByTestId('timeline-step')).toHaveText('40 / 40');
  const again = await page.evaluate(() => window.descentLab.state());
  expect(again.step).toBe(original.step);
  expect(again.summary).toEqual(original.summary);
});

test('the arrow keys on the scrubber step through the history', async ({ page }) => {
  await openPreset(page, 'rosenbrock');
  await page.evaluate(() => window.descentLab.step(10));
  await expect(page.getByTestId('timeline-step')).toHaveText('10 / 10');
  const scrubber = page.getByTestId('timeline-scrubber');
  await scrubber.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('timeline-step')).toHaveText('8 / 10');
  expect(await page.evaluate(() => window.descentLab.state().step)).toBe(8);
});
