/**
 * The Landscape tab in the browser build (issue 16): a small net trained a few steps, its 15 × 15 slice
 * computed in the trainer and drawn with its path and a marker; bad options leave the slice as it was; and
 * Cancel stops a large slice under way. One page for the file (./shared-page.ts).
 */
import type { Locator } from '@playwright/test';
import { expect, openPreset, test } from './shared-page';

test.describe.configure({ mode: 'default' });

/** The Landscape canvas's pixels read back: how many differ from its background, and how many are white (the path, the marker). */
function pixels(canvas: Locator): Promise<{ drawn: number; white: number; total: number }> {
  return canvas.evaluate((node) => {
    const source = node as HTMLCanvasElement;
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    const context = copy.getContext('2d')!;
    context.drawImage(source, 0, 0);
    const { data } = context.getImageData(0, 0, copy.width, copy.height);
    let drawn = 0;
    let white = 0;
    // The background is 0x10141a (LandscapeScene.ts); viridis never reaches white, so white is the path and the marker.
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - 0x10) + Math.abs(data[i + 1] - 0x14) + Math.abs(data[i + 2] - 0x1a) > 24) drawn++;
      if (data[i] > 235 && data[i + 1] > 235 && data[i + 2] > 235) white++;
    }
    return { drawn, white, total: data.length / 4 };
  });
}

test('a net’s 15 × 15 landscape is drawn with its path, the marker steps along it, and bad options keep it', async ({ page }, testInfo) => {
  await openPreset(page, 'two-layer-net');
  await page.evaluate(() => window.descentLab.step(20));
  await page.getByTestId('experiment-tab-landscape').click();
  const canvas = page.getByTestId('landscape-canvas');
  await expect(canvas).toBeVisible();
  await expect.poll(async () => (await pixels(canvas)).drawn, { timeout: 10_000 }).toBe(0); // nothing but the background yet
  const before = await canvas.screenshot();

  await page.getByTestId('landscape-directions').selectOption('pca');
  await page.getByTestId('landscape-grid').fill('15');
  await page.getByTestId('landscape-compute').click();
  await expect(canvas).toHaveAttribute('data-surface', 'ready', { timeout: 20_000 });
  await expect(canvas).toHaveAttribute('data-paths', '1');
  await expect(page.getByTestId('landscape-status')).toContainText('Particle 0, 15 × 15 over ±1 along the path’s first two principal directions');
  await expect(page.getByTestId('landscape-status')).toContainText('its path has 21 points'); // before each of 20 steps, then the last
  // The surface covers a good part of the box, and the path and marker are on it.
  await expect.poll(async () => (await pixels(canvas)).drawn, { timeout: 10_000 }).toBeGreaterThan(0.1 * (await pixels(canvas)).total);
  expect((await pixels(canvas)).white).toBeGreaterThan(20);
  const after = await canvas.screenshot();
  expect(after.equals(before)).toBe(false);
  await testInfo.attach('landscape with its path', { body: after, contentType: 'image/png' });

  // The marker starts at the end of the path (step 20); the slider's start is step 0.
  const caption = page.getByTestId('landscape-caption');
  await expect(caption).toContainText(/^step 20: loss /);
  await page.getByTestId('landscape-slider').fill('0');
  await expect(caption).toContainText(/^step 0: loss /);

  // A grid beyond the page's limit: the command line's one line, and the slice on show stays.
  await page.getByTestId('landscape-grid').fill('500');
  await page.getByTestId('landscape-compute').click();
  await expect(page.getByTestId('landscape-status')).toHaveText('grid: must be a whole number from 3 to 201, not 500');
  await expect(canvas).toHaveAttribute('data-surface', 'ready');
  expect((await pixels(canvas)).white).toBeGreaterThan(20);
});

test('Cancel stops a large slice under way, and the run is left as it was', async ({ page }) => {
  // A net of 337 parameters on 50 rows: a 201 × 201 slice takes seconds (the scene's own 96 × 96 surface a
  // quarter of that), so there is time to cancel it.
  await page.evaluate(() =>
    window.descentLab.load({
      version: 1,
      name: 'wide net',
      model: { kind: 'mlp', layers: [2, 16, 16, 1], hidden: 'tanh', output: 'identity' },
      data: {
        x: Array.from({ length: 50 }, (_, r) => [Math.sin(r), Math.cos(r)]),
        y: Array.from({ length: 50 }, (_, r) => [Math.sin(r) * Math.cos(r)]),
      },
      init: { dist: 'gaussian', mean: new Array(337).fill(0), std: 0.3, count: 1 },
      optimizer: { kind: 'gd', alpha: 0.05 },
      epochs: 100,
    }),
  );
  await page.evaluate(() => window.descentLab.step(3));
  await page.getByTestId('landscape-grid').fill('201');
  await page.getByTestId('landscape-compute').click();
  await expect(page.getByTestId('landscape-status')).toContainText('rows…', { timeout: 10_000 });
  await page.getByTestId('landscape-cancel').click();
  await expect(page.getByTestId('landscape-status')).toHaveText('Cancelled.');
  await expect(page.getByTestId('landscape-compute')).toBeEnabled();
  expect(await page.evaluate(() => window.descentLab.state().step)).toBe(3);
});
