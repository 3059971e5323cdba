/**
 * The Basins tab in the browser build: it opens, computes Himmelblau's basins in its worker (with progress),
 * draws at least the four basins' colours, and a click on the map starts a particle there in the lab.
 */
import { expect, openPreset, openTab, test } from './shared-page';

// One page for the file (./shared-page.ts): its tests in order, each opening its preset afresh.
test.describe.configure({ mode: 'default' });

test('the Basins tab draws Himmelblau’s four basins and a click starts a particle there', async ({ page }) => {
  await openPreset(page, 'himmelblau');
  await openTab(page, 'basins');
  const panel = page.getByTestId('experiment-basins');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('basins-surface')).toHaveValue('himmelblau'); // the tab's first surface
  await page.getByTestId('basins-resolution').selectOption('100');
  await page.getByTestId('basins-compute').click();
  const canvas = page.getByTestId('basins-canvas');
  await expect(canvas).toHaveAttribute('data-drawn', '100', { timeout: 30_000 });

  // Four minima in the legend, each with its starts (and the diverged and unsettled rows after them).
  const legend = page.getByTestId('basins-legend').locator('li');
  await expect(legend.filter({ hasText: /^minimum/ })).toHaveCount(4);
  // The legend's swatch colours, each found on the canvas.
  const swatches = await legend
    .filter({ hasText: /^minimum/ })
    .locator('span')
    .evaluateAll((nodes) => nodes.map((n) => getComputedStyle(n).backgroundColor));
  const found = await canvas.evaluate((node, colours) => {
    const c = node as HTMLCanvasElement;
    const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
    const seen = new Set<string>();
    for (let i = 0; i < data.length; i += 4) seen.add(`rgb(${data[i]}, ${data[i + 1]}, ${data[i + 2]})`);
    return { distinct: seen.size, legend: colours.filter((colour) => seen.has(colour)).length };
  }, swatches);
  expect(found.legend).toBe(4);
  expect(found.distinct).toBeGreaterThanOrEqual(4);

  // A click three quarters across and a quarter down the map of [−5, 5]² is the start (2.5, 2.5).
  const box = (await canvas.boundingBox())!;
  await canvas.click({ position: { x: box.width * 0.75, y: box.height * 0.25 } });
  await expect(page.getByTestId('basins-status')).toContainText('Started a particle at (2.5');
  const state = await page.evaluate(() => window.descentLab.state());
  const points = (state.scenario!.init as { points: number[][] }).points;
  expect(points).toHaveLength(1);
  expect(points[0][0]).toBeCloseTo(2.5, 1);
  expect(points[0][1]).toBeCloseTo(2.5, 1);

  // The keyboard's way: one cell (0.1 on a 100-start side of 10) to the left, then Enter.
  await canvas.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('basins-status')).toContainText(/Started a particle at \(2\.4/);
  const moved = await page.evaluate(() => (window.descentLab.state().scenario!.init as { points: number[][] }).points[0][0]);
  expect(moved).toBeCloseTo(2.4, 1);
});

test('the Basins tab cancels a computation under way', async ({ page }) => {
  await openPreset(page, 'himmelblau');
  await openTab(page, 'basins');
  // Rosenbrock's valley keeps gradient descent at α = 1e-5 crawling (stable: 2/α is far above the Hessian's
  // largest eigenvalue on the map's square), so no start settles or diverges early: 90,000 starts for a million
  // epochs is hours of work, never done before Cancel. (Rastrigin's starts settled in 25 steps, and Rosenbrock
  // at its preset's α = 0.02 all diverged at once: either map was finished before the click on a quiet machine.)
  await page.getByTestId('basins-surface').selectOption('rosenbrock');
  await page.getByTestId('basins-resolution').selectOption('300');
  await page.getByTestId('experiment-basins').getByLabel('α').fill('0.00001');
  await page.getByTestId('experiment-basins').getByLabel('Epochs').fill('1000000');
  await page.getByTestId('basins-compute').click();
  await expect(page.getByTestId('basins-status')).toContainText('Running 90000 starts');
  await expect(page.getByTestId('basins-cancel')).toBeEnabled();
  await page.getByTestId('basins-cancel').click();
  await expect(page.getByTestId('basins-status')).toHaveText('Cancelled.');
  await expect(page.getByTestId('basins-compute')).toBeEnabled();
});

test('the Basins tab maps the lab’s own typed formula, its minima found by clustering', async ({ page }) => {
  await openPreset(page, 'bowl');
  // (x² − 1)² + y²: two minima, at (−1, 0) and (1, 0).
  await page.evaluate(() =>
    window.descentLab.load({
      version: 1,
      name: 'double well',
      model: { kind: 'surface', expr: '(x^2 - 1)^2 + y^2' },
      init: { dist: 'uniform', min: [-2, -1], max: [2, 1], count: 50 },
      optimizer: { kind: 'gd', alpha: 0.05 },
      epochs: 300,
    }),
  );
  // After the earlier tests the tab is open already: the offer of the lab's own scenario follows the load.
  await openTab(page, 'basins');
  await page.getByTestId('basins-surface').selectOption('current');
  await page.getByTestId('basins-resolution').selectOption('100');
  await page.getByTestId('basins-compute').click();
  // The tab still shows the Himmelblau map of the first test until the new one is drawn: wait for its legend.
  const minima = page
    .getByTestId('basins-legend')
    .locator('li')
    .filter({ hasText: /^minimum/ });
  await expect(minima).toHaveCount(2, { timeout: 30_000 });
  await expect(page.getByTestId('basins-canvas')).toHaveAttribute('data-drawn', '100');
  await expect(minima.first()).toContainText(/minimum \((-1\.000|1\.000), (-)?0\.000\)/);
});
