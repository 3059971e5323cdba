/**
 * The views under the scene in the browser build: the live loss chart (uPlot), the data view of a linear
 * model, and the forward-pass inspector of the neuron and the MLP showing the notebooks' own numbers.
 * Nothing is exposed for these tests: they read the DOM and the canvases' pixels. No console errors.
 */
import { type Locator } from '@playwright/test';
import { expect, openPreset as open, test } from './shared-page';

test.describe.configure({ mode: 'default' }); // the file's tests in order, on one page (./shared-page.ts)

/** Pixels of a canvas: how many differ from the background, and how many are the best particle's colour (per third of the width). */
function countPixels(canvas: Locator): Promise<{ drawn: number; best: number[] }> {
  return canvas.evaluate((node) => {
    const c = node as HTMLCanvasElement;
    const { data, width, height } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
    const [br, bg, bb] = [0x0b, 0x0e, 0x12]; // --view-bg
    const best = [0, 0, 0];
    let drawn = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = 4 * (y * width + x);
        const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
        if (Math.abs(r - br) + Math.abs(g - bg) + Math.abs(b - bb) > 30) drawn++;
        // --series-best, #e6c36a
        if (Math.abs(r - 0xe6) < 30 && Math.abs(g - 0xc3) < 30 && Math.abs(b - 0x6a) < 40) best[Math.min(2, Math.floor((3 * x) / width))]++;
      }
    }
    return { drawn, best };
  });
}

test('the loss chart draws the mean and best loss of every frame, live', async ({ page }) => {
  await open(page, 'bowl-cloud');
  const chart = page.getByTestId('loss-chart');
  await expect(chart).toBeVisible();
  await expect(chart).toContainText('log scale');
  // A step(n) call is answered by one frame (the trainer's flow control): one call per step, one point per frame.
  await page.evaluate(async () => {
    for (let k = 0; k < 20; k++) await window.descentLab.step(1);
  });
  const values = chart.locator('.u-legend .u-series .u-value');
  // Away from the cursor, the legend shows the latest values: step 20 and the readouts' losses.
  await expect(values.nth(0)).toHaveText('20');
  await expect(values.nth(1)).toHaveText((await page.getByTestId('loss').textContent())!);
  await expect(values.nth(2)).toHaveText((await page.getByTestId('best-loss').textContent())!);
  // Sweeping the cursor across the plot visits every point of the series: steps 0 to 20.
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.locator('.u-over').boundingBox())!;
  const steps = new Set<number>();
  for (let k = 0; k <= 80; k++) {
    await page.mouse.move(box.x + (box.width * k) / 80, box.y + box.height / 2);
    steps.add(Number(await values.nth(0).textContent()));
  }
  expect([...steps].sort((a, b) => a - b)).toEqual(Array.from({ length: 21 }, (_, k) => k));
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(values.nth(0)).toHaveText('10');
  await page.mouse.move(box.x + box.width / 2, box.y - 40); // leaving the plot brings the latest values back
  await expect(values.nth(0)).toHaveText('20');
  // The best-loss line is on the canvas.
  const pixels = await countPixels(chart.locator('canvas'));
  expect(pixels.best.reduce((a, b) => a + b)).toBeGreaterThan(100);
});

test('a surface shows the chart alone, over the whole width', async ({ page }) => {
  await open(page, 'rosenbrock');
  const views = page.locator('#views');
  await expect(page.getByTestId('loss-chart')).toBeVisible();
  await expect(page.getByTestId('data-view')).toBeHidden();
  await expect(page.getByTestId('inspector')).toBeHidden();
  await expect(views.getByText('Load a scenario to see its loss curve')).toBeHidden();
  const [chartBox, viewsBox] = [await page.getByTestId('loss-chart').boundingBox(), await views.boundingBox()];
  expect(chartBox!.width).toBeGreaterThan(viewsBox!.width - 2);
});

test('the neuron’s inspector prints the notebook’s epoch 0, then its weights after one step (notebook 000, cell 86)', async ({ page }) => {
  await open(page, 'neuron-three-inputs');
  const inspector = page.getByTestId('inspector');
  const log = page.getByTestId('notebook-log');
  await expect(inspector).toBeVisible();
  await expect(page.getByTestId('data-view')).toBeHidden();
  await expect(log).toContainText('Epoch 0 | Prediction 0.86 | Error 0.0196');
  await expect(log).toContainText('Weights [ 0.1119   0.20091 -0.09832] | Weight Deltas [-1.19  -0.091 -0.168]');
  await expect(inspector.locator('tr[data-row="weights"] td')).toHaveText('[ 0.1  0.2 -0.1]');
  await page.evaluate(() => window.descentLab.step(1));
  await expect(log).toContainText('Epoch 1 | Prediction 0.9637575 | Error 0.00131352');
  await expect(inspector.locator('tr[data-row="weights"] td')).toHaveText('[ 0.1119   0.20091 -0.09832]');
});

test('the two-layer net’s inspector shows its outputs before any step (notebook 001, cell 4)', async ({ page }) => {
  await open(page, 'two-layer-net');
  const log = page.getByTestId('notebook-log');
  await expect(log).toContainText('z1 = sigmoid(X @ w1 + b1)\n[[0.77816418 0.83451912]]');
  await expect(log).toContainText('z2 = softmax(z1 @ w2 + b2)\n[[0.52647369 0.47352631]]');
  await expect(page.getByTestId('inspector').locator('tr[data-row="output"] td')).toHaveText('[0.52647369 0.47352631]');
  expect(await page.evaluate(() => window.descentLab.state().step)).toBe(0);
});

test('the inspector follows the particle chosen in its field', async ({ page }) => {
  await open(page, 'neuron-three-inputs');
  await page.evaluate(() =>
    window.descentLab.load({
      version: 1,
      name: 'five-neurons',
      model: { kind: 'neuron' },
      data: { x: [[8.5, 0.65, 1.2]], y: [[1]] },
      init: {
        points: [
          [0.1, 0.2, -0.1],
          [1, 2, 3],
          [0, 0, 0],
          [0.5, 0.5, 0.5],
          [-1, 0, 1],
        ],
      },
      optimizer: { kind: 'gd', alpha: 0.01 },
      epochs: 10,
    }),
  );
  const inspector = page.getByTestId('inspector');
  const particle = inspector.getByLabel('Particle');
  await expect(particle).toHaveValue('0');
  await expect(inspector.locator('tr[data-row="weights"] td')).toHaveText('[ 0.1  0.2 -0.1]');
  await particle.fill('3');
  await particle.press('Enter');
  await expect(inspector.locator('tr[data-row="weights"] td')).toHaveText('[0.5 0.5 0.5]');
  await expect(page.getByTestId('notebook-log')).toContainText('Prediction 5.175'); // 0.5 · (8.5 + 0.65 + 1.2)
  await particle.fill('7');
  await particle.press('Enter');
  await expect(particle).toHaveAttribute('aria-invalid', 'true');
});

test('the data view draws the noisy line and the best particle’s fit, which moves onto the data (notebook 002)', async ({ page }) => {
  await open(page, 'noisy-line-clip');
  const view = page.getByTestId('data-view');
  await expect(view).toBeVisible();
  await expect(page.getByTestId('inspector')).toBeHidden();
  await expect(view).toContainText('best fit, particle 0: ŷ = 4 + 4·x');
  const canvas = view.locator('canvas');
  await expect.poll(async () => (await countPixels(canvas)).drawn).toBeGreaterThan(2000);
  // From (4, 4) the line leaves the data's box at x ≈ 57: hardly any of it in the right third.
  const before = await countPixels(canvas);
  await page.evaluate(() => window.descentLab.step(1000));
  await expect(view).toContainText(/best fit, particle 0: ŷ = [\d.]+ \+ [\d.]+·x/);
  await expect.poll(async () => (await countPixels(canvas)).best[2]).toBeGreaterThan(before.best[2] + 100);
  await expect(view).toContainText('earlier best fits (steps 0)');
});
