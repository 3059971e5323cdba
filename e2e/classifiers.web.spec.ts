/**
 * A cloud of classifiers in the browser build (issue 16): the circle classifier's decision-boundary view is
 * drawn and changes as the networks train, and the loss chart carries the held-out loss and the accuracy
 * lines with the training loss. Reads the DOM and the canvas's pixels; nothing is exposed for these tests.
 */
import { expect, openPreset, test } from './shared-page';

test.describe.configure({ mode: 'default' }); // the file's tests in order, on one page (./shared-page.ts)

test('the circle classifier: a decision boundary that changes with training, and held-out loss and accuracy in the chart', async ({ page }, testInfo) => {
  await openPreset(page, 'circle-classifier');
  const view = page.getByTestId('boundary-view');
  await expect(view).toBeVisible();
  await expect(view).toContainText('160 training rows (filled), 40 held out (outlined)');
  await expect(view).toHaveAttribute('data-signature', /\d/, { timeout: 15_000 });
  const before = await view.getAttribute('data-signature');
  // The canvas holds more than one colour: the classes' cells and the points.
  const colours = await view.locator('canvas').evaluate((node) => {
    const c = node as HTMLCanvasElement;
    const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
    const seen = new Set<string>();
    for (let i = 0; i < data.length; i += 16) seen.add(`${data[i] >> 4},${data[i + 1] >> 4},${data[i + 2] >> 4}`);
    return seen.size;
  });
  expect(colours).toBeGreaterThan(10);

  await page.evaluate(() => window.descentLab.step(60));
  await expect.poll(() => view.getAttribute('data-signature'), { timeout: 15_000 }).not.toBe(before);

  const chart = page.getByTestId('loss-chart');
  await expect(chart).toHaveAttribute('data-series', 'mean loss|best loss|best, held-out loss|best, training accuracy|best, held-out accuracy');
  const legend = chart.locator('.u-legend .u-series');
  await expect(legend.filter({ hasText: 'best, held-out loss' })).toHaveCount(1);
  await expect(legend.filter({ hasText: 'best, held-out accuracy' }).locator('.u-value')).toHaveText(/^\d+\.\d %$/);
  await testInfo.attach('circle classifier after 60 steps', { body: await page.locator('.views-grid').screenshot(), contentType: 'image/png' });
});
