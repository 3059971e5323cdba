/**
 * Issue 18 in the page: the formula field (Surface → Your formula), the split view (3D and contour map side
 * by side, one canvas, two halves), the loss chart seeking the timeline, and a hovered particle's own curve in
 * the chart. One shared page (./shared-page.ts).
 */
import { picture } from './scene-picture';
import { expect, openPreset, test } from './shared-page';

test.describe.configure({ mode: 'default' }); // the file's tests in order, on one page (./shared-page.ts)

test('the formula field: a bad formula is refused at the field, a good one redraws the surface', async ({ page }) => {
  await openPreset(page, 'bowl-cloud');
  const field = page.getByTestId('formula-input');
  const message = page.getByTestId('formula-message');
  const builds = Number(await page.getByTestId('scene').getAttribute('data-surface-builds'));

  await field.fill('x^2 +');
  await expect(message).toContainText('Unexpected end of expression', { timeout: 20_000 });
  await expect(message).toContainText('^');
  await expect(page.getByTestId('formula-apply')).toBeDisabled();
  await field.press('Enter');
  await field.fill('x^2 + z');
  await expect(message).toContainText('unknown name "z"');
  await field.press('Enter');
  // Refused at the field: the running scenario is the preset's named surface still.
  expect(await page.evaluate(() => window.descentLab.state().scenario?.model)).toEqual({ kind: 'surface', fn: 'bowl' });

  await field.fill('x^2 + 3*y^2');
  await expect(message).toContainText('∂f/∂x = 2 * x');
  await expect(message).toContainText('∂f/∂y = 6 * y');
  await field.press('Enter');
  await expect
    .poll(() => page.evaluate(() => window.descentLab.state().scenario?.model), { timeout: 20_000 })
    .toEqual({ kind: 'surface', expr: 'x^2 + 3*y^2' });
  await expect(page.getByTestId('scene')).toHaveAttribute('data-surface', 'ready', { timeout: 30_000 });
  expect(Number(await page.getByTestId('scene').getAttribute('data-surface-builds'))).toBeGreaterThan(builds);
  await expect(message).toContainText('Applied.');
});

test('the split view draws the 3D surface and the contour map side by side', async ({ page }, testInfo) => {
  await openPreset(page, 'bowl-cloud');
  const scene = page.getByTestId('scene');
  await page.getByTestId('scene-split').click();
  await expect(scene).toHaveAttribute('data-split', 'true');
  await expect(page.getByTestId('scene-split')).toHaveAttribute('aria-pressed', 'true');
  const drawn = await picture(page);
  await testInfo.attach('split view', { body: await scene.screenshot(), contentType: 'image/png' });
  // Both halves hold a picture: the surface in 3D on the left, the coloured contour map on the right.
  expect(drawn.left).toBeGreaterThan(0.05);
  expect(drawn.right).toBeGreaterThan(0.05);
  // V goes back to the one view.
  await page.keyboard.press('v');
  await expect(scene).toHaveAttribute('data-split', 'false');
});

test('a click on the loss chart replays the run at that step', async ({ page }) => {
  await openPreset(page, 'bowl-cloud');
  await page.evaluate(() => window.descentLab.step(20));
  const chart = page.getByTestId('loss-chart');
  await expect(chart).toHaveAttribute('data-step', '20', { timeout: 20_000 });
  // Drawn up to step 20 (the legend reads the latest point once drawn; the chart redraws at most every 250 ms):
  // a click before that would read the step off an older x axis.
  await expect(chart.locator('.u-legend .u-series').first()).toHaveText(/20$/);
  const over = chart.locator('.u-over');
  const box = (await over.boundingBox())!;
  // The x axis spans steps 0 to 20: a quarter of the way along is about step 5.
  await over.click({ position: { x: box.width / 4, y: box.height / 2 } });
  await expect.poll(() => page.evaluate(() => window.descentLab.state().step), { timeout: 20_000 }).toBeLessThan(20);
  const step = await page.evaluate(() => window.descentLab.state().step);
  expect(step).toBeGreaterThan(0);
  await expect(page.getByTestId('timeline-step')).toHaveText(`${step} / 20`);
  // The curve stays whole: the chart still reaches step 20, with the step on show marked.
  await expect(chart).toHaveAttribute('data-step', String(step));
});

test('hovering a particle draws its own loss curve in the chart, gone once the pointer leaves', async ({ page }) => {
  await openPreset(page, 'bowl-cloud');
  const scene = page.getByTestId('scene');
  const chart = page.getByTestId('loss-chart');
  // Seen from above, a particle is drawn where the click put it, whatever the surface's height there.
  await page.getByRole('button', { name: 'Top view' }).click();
  const box = (await scene.boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height * 0.55];
  // A click on the surface starts one particle under the pointer (particle 0, followed by a trail from its start).
  await page.mouse.click(x, y);
  await expect.poll(() => page.evaluate(() => window.descentLab.state().summary.count)).toBe(1);
  // Its first frame places it: a pointer move picks it once it is drawn there.
  let nudge = 0;
  await expect
    .poll(async () => {
      await page.mouse.move(x + (nudge ^= 1), y);
      return scene.getAttribute('data-hovered');
    })
    .toBe('0');
  await page.evaluate(() => window.descentLab.step(10));
  await expect(chart).toHaveAttribute('data-step', '10', { timeout: 20_000 });
  await expect(chart).toHaveAttribute('data-particle', '0');
  const row = chart.locator('.u-legend .u-series', { hasText: 'particle 0' });
  await expect(row).toHaveCount(1);
  // The legend reads the particle's latest loss (step 10 is in its curve), not the dash of a missing point.
  await expect(row.locator('.u-value')).not.toHaveText('—');
  await page.mouse.move(x, box.y - 40); // off the canvas
  await expect(scene).toHaveAttribute('data-hovered', '-1');
  await expect(chart).not.toHaveAttribute('data-particle');
  await expect(chart.locator('.u-legend')).not.toContainText('particle');
  await page.getByRole('button', { name: '3D view' }).click();
});
