/**
 * The lab in the browser build: training runs in a Web Worker, the readouts follow it, and
 * `window.descentLab` (CONTRACTS §4) drives it. Every test also checks that nothing was logged as an error.
 */
import { type Page } from '@playwright/test';
import { expect, openPreset, test } from './shared-page';

test.describe.configure({ mode: 'default' }); // the file's tests in order, on one page (./shared-page.ts)

/** A readout as a number (the readouts are written so that Number() reads them back). */
async function readNumber(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).textContent());
}

/** Opens a preset (on the file's shared page), or navigates to a link, and waits until its scenario is loaded and drawn. */
async function open(page: Page, path: string): Promise<void> {
  const preset = /^\.\/\?preset=([\w.-]+)$/.exec(path)?.[1];
  if (preset) await openPreset(page, preset);
  else await page.goto(path);
  // Generous: a first load on the loaded two-core machine can take well over the default 5 s.
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled({ timeout: 30_000 });
  await expect(page.getByTestId('loss')).not.toHaveText('—', { timeout: 30_000 });
}

test('a preset opens from the URL, plays in the worker, and pauses', async ({ page }) => {
  await open(page, './?preset=bowl-cloud');
  expect(await page.evaluate(() => window.descentLab.state().name)).toBe('bowl-cloud');
  await expect(page.getByTestId('scene')).toBeVisible(); // the scene's canvas (CONTRACTS §3)
  await expect(page.getByTestId('status')).toHaveText('paused');
  await expect(page.getByTestId('epoch')).toHaveText('0');
  const startLoss = await readNumber(page, 'loss');
  // The cloud converges in about 70 steps at α = 0.1: drop the tolerance and lengthen the run, so that it
  // is still running when Pause is pressed however slow the machine.
  await page.evaluate(async () => {
    await window.descentLab.set('tolerance', null);
    await window.descentLab.set('epochs', 1_000_000);
  });
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('running');
  await expect.poll(() => readNumber(page, 'epoch')).toBeGreaterThan(5);
  await expect.poll(() => readNumber(page, 'loss')).toBeLessThan(startLoss);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('paused');
  // Paused means paused: no more epochs. Only a span of time can show that nothing happens: a fixed wait.
  const epoch = await readNumber(page, 'epoch');
  await page.waitForTimeout(300);
  expect(await readNumber(page, 'epoch')).toBe(epoch);
});

test('the keyboard plays, pauses, steps and resets', async ({ page }) => {
  await open(page, './?preset=rosenbrock');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('epoch')).toHaveText('1');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('status')).toHaveText('running');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('status')).toHaveText('paused');
  await page.keyboard.press('r');
  await expect(page.getByTestId('epoch')).toHaveText('0');
});

test('descentLab loads the notebook’s bowl and steps it 100 times to the closed form', async ({ page }) => {
  await open(page, './?preset=bowl-cloud'); // the page's default
  const state = await page.evaluate(async () => {
    await window.descentLab.load('bowl');
    await window.descentLab.step(100);
    return window.descentLab.state();
  });
  expect(state).toMatchObject({ name: 'bowl', epoch: 100, step: 100 });
  // Notebook 002, cells 7–10: the distance to (1, 2) shrinks by 0.8 a step, so L = ((0.8^100)·|(1, 2)|)² ≈ 2.07e-19.
  expect(state.summary.bestLoss).toBeLessThan(1e-18);
  await expect(page.getByTestId('epoch')).toHaveText('100');
});

test('descentLab rejects a refused change and a bad scenario, naming the field', async ({ page }) => {
  await open(page, './?preset=bowl');
  const refused = await page.evaluate(() =>
    window.descentLab.set('optimizer.alpha', 0).then(
      () => 'resolved',
      (error: Error) => error.message,
    ),
  );
  expect(refused).toContain('optimizer.alpha');
  const bad = await page.evaluate(() =>
    window.descentLab
      .load({ version: 1, name: 'bad', model: { kind: 'surface', fn: 'bowl' }, init: { points: [[0, 0]] }, optimizer: { kind: 'gd', alpha: 0.1 }, epochs: 0 })
      .then(
        () => 'resolved',
        (error: Error) => error.message,
      ),
  );
  expect(bad).toContain('epochs');
  // The run is as it was.
  expect(await page.evaluate(() => window.descentLab.state().name)).toBe('bowl');
});

test('the learning-rate field hot-sets optimizer.alpha and shows a refusal', async ({ page }) => {
  await open(page, './?preset=bowl');
  const rate = page.getByLabel('Learning rate');
  await expect(rate).toHaveValue('0.1');
  await rate.fill('0');
  await rate.press('Enter');
  // Under the control that sent it (issue 22), without the field path the control names.
  await expect(page.locator('#panel [data-problem-for="alpha"]')).toContainText('must be a finite number > 0');
  await rate.fill('0.3');
  await rate.press('Enter');
  await expect.poll(() => page.evaluate(() => (window.descentLab.state().scenario?.optimizer as { alpha: number }).alpha)).toBe(0.3);
});

test('a scenario in the URL opens; a bad one shows its problems and opens the default preset', async ({ page }) => {
  const scenario = {
    version: 1,
    name: 'from-a-link',
    model: { kind: 'surface', fn: 'himmelblau' },
    init: { dist: 'uniform', min: [-5, -5], max: [5, 5], count: 50 },
    optimizer: { kind: 'gd', alpha: 0.01 },
    epochs: 50,
  };
  await open(page, `./?scenario=${encodeURIComponent(JSON.stringify(scenario))}`);
  expect(await page.evaluate(() => window.descentLab.state().name)).toBe('from-a-link');

  const bad = { ...scenario, optimizer: { kind: 'gd', alpah: 0.01 } };
  await open(page, `./?scenario=${encodeURIComponent(JSON.stringify(bad))}`);
  await expect(page.locator('#notices')).toContainText('optimizer');
  expect(await page.evaluate(() => window.descentLab.state().name)).toBe('bowl-cloud');
});

test('η = 0.3 diverges: the readouts say so and never show NaN', async ({ page }) => {
  await open(page, './?preset=regression-eta-0.3');
  const seen = new Set<string>();
  const watch = async () => {
    for (const id of ['epoch', 'loss', 'best-loss', 'diverged', 'converged']) seen.add((await page.getByTestId(id).textContent()) ?? '');
  };
  await page.getByLabel('Steps per frame').fill('50');
  await page.getByLabel('Steps per frame').press('Enter');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect
    .poll(
      async () => {
        await watch();
        return page.getByTestId('status').textContent();
      },
      { timeout: 30_000 },
    )
    .toBe('done');
  await watch();
  await expect(page.getByTestId('diverged')).toHaveText('1');
  await expect(page.getByTestId('loss')).toHaveText('—');
  expect([...seen].filter((text) => /nan|infinity/i.test(text))).toEqual([]);
});
