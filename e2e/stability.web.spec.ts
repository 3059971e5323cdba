/**
 * The Stability map tab in the browser build: it computes a small map of the bowl in its worker with
 * progress, draws it, tells a hovered cell's numbers, and a click loads the cell's alpha into the lab.
 * A long map can be cancelled.
 */
import { expect, openPreset, openTab, test } from './shared-page';

// One page for the file (./shared-page.ts): its tests in order, each opening its preset afresh.
test.describe.configure({ mode: 'default' });

/** The centre of cell [row, column] in page coordinates, from the plot box the tab publishes. */
async function cellCentre(page: import('@playwright/test').Page, row: number, column: number, rows: number, columns: number) {
  const canvas = page.getByTestId('stability-canvas');
  const plot = (await canvas.getAttribute('data-plot'))!.split(',').map(Number);
  const size = await canvas.evaluate((c) => [(c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height]);
  const box = (await canvas.boundingBox())!;
  const [left, top, width, height] = plot;
  const x = left + (column + 0.5) * (width / columns);
  const y = top + (rows - 1 - row + 0.5) * (height / rows);
  return { x: (x / size[0]) * box.width, y: (y / size[1]) * box.height };
}

test('the Stability map computes the bowl with progress, draws it, and a click loads the alpha', async ({ page }) => {
  await openPreset(page, 'bowl-cloud');
  await openTab(page, 'stability');
  await expect(page.getByTestId('experiment-stability')).toBeVisible();
  await page.getByTestId('stability-alpha-min').fill('0.5');
  await page.getByTestId('stability-alpha-max').fill('2');
  await page.getByTestId('stability-alpha-count').fill('4');
  await page.getByTestId('stability-epochs').fill('3000');
  // Every text the status line shows, to see the progress reports go by however fast they are.
  await page.getByTestId('stability-status').evaluate((node) => {
    const seen: string[] = ((window as unknown as { statusTexts: string[] }).statusTexts = []);
    new MutationObserver(() => seen.push(node.textContent ?? '')).observe(node, { childList: true, characterData: true, subtree: true });
  });
  await page.getByTestId('stability-compute').click();
  const canvas = page.getByTestId('stability-canvas');
  await expect(canvas).toHaveAttribute('data-drawn', '1x4', { timeout: 30_000 });
  const texts = await page.evaluate(() => (window as unknown as { statusTexts: string[] }).statusTexts);
  expect(texts.some((t) => /cell 4 of 4/.test(t))).toBe(true);
  await expect(page.getByTestId('stability-progress')).toBeHidden();

  // α = 0.5, 0.794, 1.26, 2: gradient descent on the bowl converges below α = 1 and diverges above it
  // (closed form: each step multiplies the distance to (1, 2) by |1 − 2α|).
  const first = await cellCentre(page, 0, 0, 1, 4);
  await canvas.hover({ position: first });
  await expect(page.getByTestId('stability-hover')).toContainText('α = 0.5: 100.0% converged, 0.0% diverged, median');
  const third = await cellCentre(page, 0, 2, 1, 4);
  await canvas.hover({ position: third });
  await expect(page.getByTestId('stability-hover')).toContainText('100.0% diverged, none converged');

  // A click loads that cell's alpha, 0.5·4^(2/3), into the lab.
  await canvas.click({ position: third });
  await expect.poll(() => page.evaluate(() => window.descentLab.state().scenario?.optimizer.alpha)).toBeCloseTo(0.5 * 4 ** (2 / 3), 12);
  await expect(page.getByTestId('stability-status')).toContainText('Loaded α = 1.26');
});

test('the Stability map cancels a long computation', async ({ page }) => {
  await openPreset(page, 'bowl-cloud');
  await openTab(page, 'stability');
  await page.getByTestId('stability-field').selectOption('clip.limit');
  await page.getByTestId('stability-alpha-count').fill('60');
  await page.getByTestId('stability-vs-count').fill('60');
  await page.getByTestId('stability-epochs').fill('5000');
  await page.getByTestId('stability-compute').click();
  await expect(page.getByTestId('stability-cancel')).toBeEnabled();
  await page.getByTestId('stability-cancel').click();
  await expect(page.getByTestId('stability-status')).toHaveText('Cancelled.');
  await expect(page.getByTestId('stability-compute')).toBeEnabled();
});
