/**
 * What a newcomer trips on (issue 22), in the browser build: the keys after a mouse click, the loss chart at
 * any magnitude, the end of a run, and the notices. No console errors (./fixtures). One page for the file.
 */
import { type Page } from '@playwright/test';
import { expect, openPreset, test } from './shared-page';

// One page for the file (./shared-page.ts): its tests in order, each opening its preset afresh.
test.describe.configure({ mode: 'default' });

async function open(page: Page, preset: string): Promise<void> {
  await openPreset(page, preset);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled({ timeout: 30_000 });
  await expect(page.getByTestId('loss')).not.toHaveText('—', { timeout: 30_000 });
}

const status = (page: Page) => page.getByTestId('status');
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

test.describe('keys', () => {
  test('after a click on "Top view", Space pauses and plays the run instead of flipping the view back', async ({ page }) => {
    await open(page, 'himmelblau');
    await page.getByRole('button', { name: 'Top view', exact: true }).click();
    const threeD = page.getByRole('button', { name: '3D view', exact: true });
    await expect(threeD).toBeFocused(); // Chromium focuses a clicked button: the keys must not go to it
    await page.keyboard.press('Space');
    await expect(status(page)).toHaveText('running');
    await page.keyboard.press('Space');
    await expect(status(page)).toHaveText('paused');
    await expect(threeD).toBeVisible(); // still the top view: the button was not clicked by Space
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('epoch')).not.toHaveText('0');
    await threeD.click(); // the shared page goes on in the 3D view, as a fresh one opens
  });

  test('open About with the mouse, Esc, Space: About stays closed and the run plays; the focus is the lab’s', async ({ page }) => {
    await open(page, 'himmelblau');
    await page.getByRole('button', { name: 'About', exact: true }).click();
    const about = page.getByRole('dialog', { name: 'About Descent Lab' });
    await expect(about).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(about).toBeHidden();
    await expect.poll(() => focusedId(page)).toBe('lab');
    await page.keyboard.press('Space');
    await expect(status(page)).toHaveText('running');
    await expect(about).toBeHidden();
    await page.keyboard.press('Space');
    await expect(status(page)).toHaveText('paused');
  });

  test('a keyboard user who tabbed to a button activates it with Enter and Space; Esc closes the help and returns to the lab', async ({ page }) => {
    await open(page, 'himmelblau');
    // Tabbing starts from the top of the page, as on a page just opened (the shared page's last focus is elsewhere).
    await page.evaluate(() => {
      document.body.tabIndex = -1;
      document.body.focus();
      document.body.blur();
      document.body.removeAttribute('tabindex');
    });
    // Tab to the header's Help button (after the readouts' two focusable counts).
    for (let i = 0; i < 10 && (await focusedText(page)) !== 'Help'; i++) await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Help');
    await page.keyboard.press('Enter');
    const help = page.getByRole('dialog', { name: 'Descent Lab help' });
    await expect(help).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    await expect.poll(() => focusedId(page)).toBe('lab');
    // Tabbed to the panel's Step button, Space is that button's: one step, and the run stays paused.
    for (let i = 0; i < 40 && (await focusedText(page)) !== 'Step'; i++) await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Step');
    await page.keyboard.press('Space');
    await expect(page.getByTestId('epoch')).toHaveText('1');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('epoch')).toHaveText('2');
    await expect(status(page)).toHaveText('paused');
    // R is no button's key: it still resets.
    await page.keyboard.press('r');
    await expect(page.getByTestId('epoch')).toHaveText('0');
  });

  test('typing in a text field is typing: R in the learning rate does not reset the run', async ({ page }) => {
    await open(page, 'himmelblau');
    await page.evaluate(() => window.descentLab.step(2));
    const field = page.locator('#panel .lil-controller', { hasText: 'Learning rate α' }).locator('input').first();
    await field.click();
    await page.keyboard.press('r');
    await page.keyboard.press('Space');
    await expect(field).toBeFocused();
    expect(await page.evaluate(() => window.descentLab.state().step)).toBe(2);
    await expect(status(page)).toHaveText('paused');
  });
});

test.describe('the loss chart at any magnitude', () => {
  test.slow(); // a formula loads mathjs, and a loaded machine takes its time
  /** Text drawn in the y axis's gutter (between its title and its ticks): pixels of the chart's canvas not left clear. */
  const yAxisInk = (page: Page) =>
    page.getByTestId('loss-chart').evaluate((chart) => {
      const canvas = chart.querySelector('canvas')!;
      const [box, plot] = [canvas.getBoundingClientRect(), chart.querySelector('.u-over')!.getBoundingClientRect()];
      const scale = canvas.width / box.width;
      // From past the rotated "loss" title (18 px) to short of the tick marks (4 px) at the plot's edge.
      const [x0, x1] = [Math.round(20 * scale), Math.round((plot.left - box.left - 6) * scale)];
      const [y0, y1] = [Math.round((plot.top - box.top) * scale), Math.round((plot.bottom - box.top) * scale)];
      const { data } = canvas.getContext('2d')!.getImageData(x0, y0, x1 - x0, y1 - y0);
      let ink = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) ink++;
      return ink;
    });
  const yLabels = (page: Page) => page.getByTestId('loss-chart').evaluate((chart) => (chart as HTMLElement).dataset.yLabels ?? '');
  /** The legend's mean loss (its second row: step, mean, best). */
  const legendMean = (page: Page) => page.locator('[data-testid="loss-chart"] .u-legend .u-series').nth(1).locator('.u-value');

  // Issue 22 saw a rising line with no numbers at step 620 (loss 7.4e111). The divergence rule now stops that
  // run at step 556: step 540, where the loss (×1.29 a step, 2e11 at step 101) is past 1e50, far past what uPlot
  // labels by itself (17 integer digits).
  test('regression-eta-0.3 at step 540 (mean loss past 1e50): the y axis is labelled, and the legend agrees with the readout', async ({ page }, testInfo) => {
    await open(page, 'regression-eta-0.3');
    await page.evaluate(() => window.descentLab.step(540));
    const mean = await page.evaluate(() => window.descentLab.state().summary.meanLoss!);
    expect(mean).toBeGreaterThan(1e50);
    // Labels every few decades from the start's loss (about 2) to past 1e50: the largest at least 1e40.
    const largest = async () => Math.max(...(await yLabels(page)).split(' ').map((label) => Number(label.replace('−', '-'))));
    await expect.poll(largest, { timeout: 15_000 }).toBeGreaterThanOrEqual(1e40);
    await expect(legendMean(page)).toHaveText(await page.getByTestId('loss').innerText(), { timeout: 15_000 });
    expect(await yAxisInk(page)).toBeGreaterThan(100);
    await testInfo.attach('loss chart past 1e50', { body: await page.getByTestId('loss-chart').screenshot(), contentType: 'image/png' });
  });

  // x² + y² from (1e-150, 0) with α = 0.1: loss 1e-300 at step 0, times 0.64 a step (x shrinks by 1 − 2α = 0.8);
  // x² rounds to exactly 0 once x < 1.6e-162 (x² under half the smallest double, 5e-324): after 122 steps.
  const tiny = {
    version: 1,
    name: 'tiny',
    model: { kind: 'surface', expr: 'x^2 + y^2' },
    init: { points: [[1e-150, 0]] },
    optimizer: { kind: 'gd', alpha: 0.1 },
    epochs: 200,
    tolerance: null,
    seed: 0,
  };

  test('a loss of 1e-300 is labelled on the axis, and a loss of exactly 0 reads 0 in the legend as in the readout', async ({ page }, testInfo) => {
    await page.goto('./');
    // The default page plays once its first load resolves: wait for that, so that the pause comes after the play.
    await expect(status(page)).toHaveText('running', { timeout: 30_000 });
    await page.evaluate((scenario) => {
      window.descentLab.pause();
      return window.descentLab.load(scenario);
    }, tiny);
    await expect(page.getByTestId('loss')).toHaveText('1.000e-300', { timeout: 30_000 });
    await expect.poll(() => yLabels(page), { timeout: 15_000 }).toContain('1e−300');
    expect(await yAxisInk(page)).toBeGreaterThan(100);
    await testInfo.attach('loss chart at 1e-300', { body: await page.getByTestId('loss-chart').screenshot(), contentType: 'image/png' });
    await page.evaluate(() => window.descentLab.step(130));
    await expect(page.getByTestId('loss')).toHaveText('0');
    await expect(legendMean(page)).toHaveText('0', { timeout: 15_000 });
    expect(await yAxisInk(page)).toBeGreaterThan(100); // the axis keeps its labels: the earlier losses are still drawn
  });
});

test.describe('the end of a run', () => {
  const epochs = (page: Page) => page.getByTestId('epoch');
  const scenario = (page: Page) => page.evaluate(() => window.descentLab.state().scenario!);

  test('at "done" the box says what happened; Play and Space continue for as many epochs again; a change made at "done" is kept', async ({
    page,
  }, testInfo) => {
    test.slow();
    await open(page, 'bowl'); // one particle, 100 epochs, no tolerance: it is still moving at the end
    const box = page.getByTestId('run-end');
    await expect(box).toBeHidden();
    await page.evaluate(() => window.descentLab.step(100));
    await expect(status(page)).toHaveText('done');
    await expect(box).toBeVisible();
    await expect(box).toContainText('The run has done its 100 epochs: 1 particle still moving');
    await expect(box.getByRole('button', { name: 'Continue for 100 more epochs' })).toBeVisible();
    await testInfo.attach('the end of a run', { body: await page.locator('#scene').screenshot(), contentType: 'image/png' });
    // A hot change at "done" is the next run's, and the box says so.
    await page.evaluate(() => window.descentLab.set('optimizer.alpha', 0.05));
    await expect(page.getByTestId('run-end-kept')).toContainText('optimizer.alpha');
    // Play is no longer greyed: it continues, to 200 epochs (20 steps a frame: a loaded machine draws few frames).
    const speed = page.getByLabel('Steps per frame', { exact: true });
    await speed.fill('20');
    await speed.press('Enter');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const play = page.getByRole('button', { name: 'Play', exact: true });
    await expect(play).toBeEnabled();
    await play.click();
    await expect(epochs(page)).toHaveText('200', { timeout: 60_000 });
    await expect(status(page)).toHaveText('done');
    expect((await scenario(page)).epochs).toBe(200);
    expect((await scenario(page)).optimizer.alpha).toBe(0.05);
    await expect(box).toContainText('The run has done its 200 epochs');
    // Space (the Play button was clicked with the mouse: the key is the lab's) continues too, → by one step.
    await page.keyboard.press('Space');
    await expect(epochs(page)).toHaveText('400', { timeout: 60_000 });
    await expect(status(page)).toHaveText('done');
    await page.keyboard.press('ArrowRight');
    await expect(epochs(page)).toHaveText('401');
    await expect(status(page)).toHaveText('paused');
    await expect(box).toBeHidden();
    // Reset starts again with the change kept.
    await page.evaluate(() => window.descentLab.step(399));
    await box.getByRole('button', { name: 'Reset' }).click();
    await expect(epochs(page)).toHaveText('0');
    await expect(box).toBeHidden();
    expect((await scenario(page)).optimizer.alpha).toBe(0.05);
    await speed.fill('1'); // the shared page's next test plays at the page's own speed
    await speed.press('Enter');
  });

  test('with every particle stopped, the box says how and offers Reset only', async ({ page }) => {
    await open(page, 'regression-eta-0.3'); // diverges: the divergence rule stops it at step 556
    await page.evaluate(() => window.descentLab.step(600));
    await expect(status(page)).toHaveText('done');
    const box = page.getByTestId('run-end');
    await expect(box).toContainText('Every particle has stopped: 0 converged, 1 diverged (1 loss blew up past the divergence threshold)');
    await expect(box.getByRole('button', { name: /Continue/ })).toBeHidden();
    await box.getByRole('button', { name: 'Reset' }).click();
    await expect(page.getByTestId('epoch')).toHaveText('0');
  });
});

test.describe('notices', () => {
  const notices = (page: Page) => page.locator('#notices .notice');
  const learningRate = (page: Page) => page.locator('#panel .lil-controller', { hasText: 'Learning rate α' }).locator('input').first();

  async function typeInto(page: Page, value: string): Promise<void> {
    await learningRate(page).fill(value);
    await learningRate(page).press('Enter');
  }

  test('a refusal is shown under the control that sent it, once however often repeated, until a value is accepted; the scene never moves', async ({
    page,
  }, testInfo) => {
    await open(page, 'himmelblau');
    const sceneTop = async () => (await page.locator('#scene').boundingBox())!.y;
    const before = await sceneTop();
    const problem = page.locator('#panel [data-problem-for="alpha"]');
    await typeInto(page, '-1');
    await expect(problem).toBeVisible();
    await expect(problem).toContainText('That value was not used');
    await expect(problem).toContainText('must be a finite number > 0');
    await expect(problem).not.toContainText('optimizer.alpha'); // the control names the field
    // Near what caused it: right under the α control, inside the panel; nothing over the scene.
    const control = (await page.locator('#panel [data-param="alpha"]').boundingBox())!;
    const box = (await problem.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(control.y + control.height - 1);
    expect(box.y).toBeLessThan(control.y + control.height + 80);
    await expect(notices(page)).toHaveCount(0);
    await typeInto(page, '-1');
    await typeInto(page, '-2');
    await expect(page.locator('#panel .field-problem:visible')).toHaveCount(1);
    expect(await sceneTop()).toBe(before); // the scene did not jump
    await testInfo.attach('a refused learning rate', { body: await page.locator('#panel').screenshot(), contentType: 'image/png' });
    // A confirmation elsewhere fades; the refusal at the control outlasts it.
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(notices(page)).toHaveCount(1);
    await expect(notices(page)).toHaveCount(0, { timeout: 15_000 });
    await expect(problem).toBeVisible();
    // Fixed: a value the lab accepts clears it.
    await typeInto(page, '0.02');
    await expect.poll(async () => await page.evaluate(() => window.descentLab.state().scenario!.optimizer.alpha)).toBe(0.02);
    await expect(problem).toBeHidden();
    // Dismissed: the × closes it without a new value.
    await typeInto(page, '-3');
    await expect(problem).toBeVisible();
    await problem.getByRole('button', { name: 'Dismiss' }).click();
    await expect(problem).toBeHidden();
  });

  test('a confirmation shown twice is one notice, and it fades', async ({ page }) => {
    await open(page, 'himmelblau');
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(notices(page)).toHaveCount(1);
    await expect(notices(page)).toHaveCount(0, { timeout: 15_000 });
  });

  test('after Open… with the page scrolled down, the notice is in sight', async ({ page }) => {
    await page.setViewportSize({ width: 1000, height: 600 });
    await open(page, 'himmelblau');
    await page.locator('#experiments').scrollIntoViewIfNeeded();
    await page
      .getByTestId('scenario-file-input')
      .setInputFiles({ name: 'broken.descent.json', mimeType: 'application/json', buffer: Buffer.from('{ not json') });
    const notice = notices(page).first();
    await expect(notice).toContainText('broken.descent.json');
    await expect(notice).toBeInViewport();
  });
});
