/**
 * The Microscope tab in the browser build: "Step once" advances the run by exactly one step, prints the
 * notebook's log line, and draws the step's arrows on the 3D surface (counted through the scene canvas's
 * data-arrows, which the scene sets to the number of arrow objects it drew).
 */
import type { Page } from '@playwright/test';
import { expect, openPreset, test } from './shared-page';

test.describe.configure({ mode: 'default' }); // the file's tests in order, on one page (./shared-page.ts)

/** Opens a preset with the Microscope tab open (the tab a test before may have left open on the shared page). */
async function open(page: Page, preset: string): Promise<void> {
  await openPreset(page, preset);
  if (!(await page.getByTestId('experiment-microscope').isVisible())) await page.getByTestId('experiment-tab-microscope').click();
  await expect(page.getByTestId('experiment-microscope')).toBeVisible();
}

test('Step once on the neuron advances one step and prints notebook 000’s first epoch', async ({ page }) => {
  await open(page, 'neuron-three-inputs');
  expect(await page.evaluate(() => window.descentLab.state().step)).toBe(0);
  await page.getByTestId('microscope-step').click();
  // Notebook 000, cell 86, the first two lines of its output.
  await expect(page.getByTestId('microscope-log')).toHaveText(
    'Epoch 0 | Prediction 0.8600000000000001 | Error 0.01959999999999997\nWeights [ 0.1119   0.20091 -0.09832] | Weight Deltas [-1.19  -0.091 -0.168]',
  );
  expect(await page.evaluate(() => window.descentLab.state().step)).toBe(1);
  await expect(page.getByTestId('microscope-status')).toContainText('projected onto the view’s two axes');
});

test('Step once on Himmelblau draws the gradient, clipped gradient, velocity and step arrows', async ({ page }) => {
  await open(page, 'himmelblau');
  await page.evaluate(() => window.descentLab.set('optimizer', { kind: 'momentum', alpha: 0.01, beta: 0.9 }));
  await page.evaluate(() => window.descentLab.set('clip', { mode: 'norm', limit: 5 }));
  await page.getByTestId('microscope-particle').fill('7');
  await page.getByTestId('microscope-particle').dispatchEvent('change');
  await page.getByTestId('microscope-step').click();
  await expect(page.getByTestId('microscope-log')).toContainText('Step 1 | x ');
  expect(await page.evaluate(() => window.descentLab.state().step)).toBe(1);
  // Raw gradient, the clipped one, the velocity and the step: four arrows, and four legend entries.
  await expect(page.getByTestId('scene')).toHaveAttribute('data-arrows', '4');
  await expect(page.getByTestId('microscope-legend').locator('li')).toHaveCount(4);
  await expect(page.getByTestId('microscope-table')).toContainText('norm clip');

  await page.getByTestId('microscope-step').click();
  await expect(page.getByTestId('microscope-log')).toContainText('Step 2 | x ');
  expect(await page.evaluate(() => window.descentLab.state().step)).toBe(2);

  // Closing the tab takes the arrows away, opening it brings them back; a step of the run clears them.
  await page.getByTestId('experiment-tab-microscope').click();
  await expect(page.getByTestId('scene')).toHaveAttribute('data-arrows', '0');
  await page.getByTestId('experiment-tab-microscope').click();
  await expect(page.getByTestId('scene')).toHaveAttribute('data-arrows', '4');
  await page.evaluate(() => window.descentLab.step(1));
  await expect(page.getByTestId('scene')).toHaveAttribute('data-arrows', '0');
});
