/**
 * The Lessons tab in the browser build: a lesson loads its preset, and a "try this" starts again from the
 * preset, applies its change, plays, and says what to expect.
 */
import { expect, test } from './fixtures';

test('a lesson loads its preset, and “Try α = 0.03” changes the learning rate and says what happens', async ({ page }) => {
  await page.goto('./?preset=bowl');
  await expect.poll(() => page.evaluate(() => window.descentLab.state().name)).toBe('bowl');
  await page.getByTestId('experiment-tab-lessons').click();
  const lesson = page.getByTestId('lesson-neuron-three-inputs');
  await lesson.locator('summary').click();
  await lesson.getByTestId('lesson-load-neuron-three-inputs').click();
  await expect.poll(() => page.evaluate(() => window.descentLab.state().name)).toBe('neuron-three-inputs');
  await expect(page.getByTestId('lessons-status')).toContainText('Loaded Neuron: three inputs');
  expect(await page.evaluate(() => window.descentLab.state().scenario!.optimizer.alpha)).toBe(0.01);

  await lesson.getByTestId('lesson-try-neuron-three-inputs-0').click();
  await expect(page.getByTestId('lessons-status')).toContainText('1 − α·|x|² = 1 − 0.03·74.11 = −1.22');
  const state = await page.evaluate(() => window.descentLab.state());
  expect(state.name).toBe('neuron-three-inputs');
  expect(state.scenario!.optimizer.alpha).toBe(0.03);
  // It plays, and the error grows as the lesson says: the mean loss climbs past its start (0.0196, notebook 000 cell 86).
  await expect.poll(() => page.evaluate(() => window.descentLab.state().summary.meanLoss ?? 0), { timeout: 20_000 }).toBeGreaterThan(1);
});

test('“Try freezing the first weight” freezes it in the running scenario', async ({ page }) => {
  await page.goto('./?preset=bowl');
  await expect.poll(() => page.evaluate(() => window.descentLab.state().name)).toBe('bowl');
  await page.getByTestId('experiment-tab-lessons').click();
  const lesson = page.getByTestId('lesson-neuron-three-inputs');
  await lesson.locator('summary').click();
  await lesson.getByTestId('lesson-try-neuron-three-inputs-1').click();
  await expect(page.getByTestId('lessons-status')).toContainText('Try freezing the first weight');
  expect(await page.evaluate(() => window.descentLab.state().scenario!.freeze)).toEqual([0]);
});
