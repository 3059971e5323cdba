/**
 * The Lessons tab in the browser build: a lesson loads its preset, and a "try this" starts again from the
 * preset, applies its change, plays, and says what to expect.
 */
import { expect, openDetails, openPreset, openTab, test } from './shared-page';

// One page for the file (./shared-page.ts): its tests in order, each opening its preset afresh.
test.describe.configure({ mode: 'default' });

test('a lesson loads its preset, and “Try α = 0.03” changes the learning rate and says what happens', async ({ page }) => {
  await openPreset(page, 'bowl');
  await openTab(page, 'lessons');
  const lesson = page.getByTestId('lesson-neuron-three-inputs');
  await openDetails(lesson);
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
  await openPreset(page, 'bowl');
  await openTab(page, 'lessons');
  const lesson = page.getByTestId('lesson-neuron-three-inputs');
  await openDetails(lesson);
  await lesson.getByTestId('lesson-try-neuron-three-inputs-1').click();
  await expect(page.getByTestId('lessons-status')).toContainText('Try freezing the first weight');
  expect(await page.evaluate(() => window.descentLab.state().scenario!.freeze)).toEqual([0]);
});

test('flat and sharp minima: the lesson’s card, and after its 100 epochs the Landscape tab gives the cloud’s median sharpness the lesson states', async ({
  page,
}) => {
  await openPreset(page, 'bowl');
  await openTab(page, 'lessons');
  const lesson = page.getByTestId('lesson-flat-sharp-minima');
  await openDetails(lesson);
  await expect(lesson).toContainText('The point: 32 networks [2, 16, 1]');
  // The whole run at once (playing it takes a minute on a loaded machine): 100 epochs of 32 rows in batches of 4.
  await openPreset(page, 'flat-sharp-minima');
  await page.evaluate(async () => {
    window.descentLab.pause();
    await window.descentLab.reset();
    await window.descentLab.step(800);
  });
  expect(await page.evaluate(() => window.descentLab.state().epoch)).toBe(100);
  await openTab(page, 'landscape');
  await page.getByTestId('landscape-grid').fill('3');
  await page.getByTestId('landscape-compute').click();
  // The look's “the median is 4.6”: the page's trainer measures the same run as src/shared/minima-lesson.test.ts.
  await expect(page.getByTestId('landscape-status')).toContainText(/the cloud’s median 4\.6\d*\.$/, { timeout: 20_000 });
});
