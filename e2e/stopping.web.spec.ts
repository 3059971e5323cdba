/**
 * Stop rules in the page (issue 14, CONTRACTS §5): the case read off the readouts, the Stopping
 * folder as a user drives it (hot: no restart), and bad values refused with the field named from the panel,
 * a link and the automation API.
 */
import { type Locator, type Page } from '@playwright/test';
import { expect, openPreset, test } from './shared-page';

test.describe.configure({ mode: 'default' }); // the file's tests in order, on one page (./shared-page.ts)

/** Opens a preset (on the file's shared page), or navigates to a link, and waits until its scenario is loaded. */
async function open(page: Page, path: string): Promise<void> {
  const preset = /^\.\/\?preset=([\w.-]+)$/.exec(path)?.[1];
  if (preset) await openPreset(page, preset);
  else await page.goto(path);
  // Generous: a first load on the loaded two-core machine can take well over the default 5 s.
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled({ timeout: 30_000 });
  await expect(page.getByTestId('loss')).not.toHaveText('—', { timeout: 30_000 });
}

const control = (page: Page, label: string): Locator => page.getByLabel(label, { exact: true });

async function type(field: Locator, text: string): Promise<void> {
  await field.fill(text);
  await field.press('Enter');
}

/** The count in a readout's by-reason table. */
const reasonCount = (page: Page, status: 'converged' | 'diverged', reason: string) =>
  page.getByTestId(`${status}-reasons`).locator(`tr[data-reason="${reason}"] td`).nth(1);

test('the bowl at α = 5 reads “Diverged 1”, by divergence, within its 100 epochs', async ({ page }) => {
  await open(page, './?preset=bowl');
  await type(control(page, 'Learning rate α'), '5');
  await expect.poll(() => page.evaluate(() => (window.descentLab.state().scenario?.optimizer as { alpha: number }).alpha)).toBe(5);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('done', { timeout: 30_000 });
  await expect(page.getByTestId('diverged')).toHaveText('1');
  // The bowl has no tolerance and no converging stop rule: the readout says so rather than "0".
  await expect(page.getByTestId('converged')).toHaveText('off');
  // 5·81ᵏ passes 1e100 after 53 updates: the particle stops at step 54 (src/engine/stopping.test.ts).
  const state = await page.evaluate(() => window.descentLab.state());
  expect(state.step).toBe(54);
  expect(state.summary.reasons).toMatchObject({ divergence: 1, nonFinite: 0 });
  // The reason, on hover: a small table under the count.
  const table = page.getByTestId('diverged-reasons');
  await expect(table).toBeHidden();
  await page.getByTestId('diverged').hover();
  await expect(table).toBeVisible();
  await expect(reasonCount(page, 'diverged', 'divergence')).toHaveText('1');
  await expect(reasonCount(page, 'diverged', 'nonFinite')).toHaveText('0');
});

test('the Stopping folder is hot: Patience set mid-run stops the swinging particle without a restart', async ({ page }) => {
  await open(page, './?preset=bowl');
  // At α = 1 the particle swings between (0, 0) and (2, 4), loss 5 every step: it never improves.
  await page.evaluate(() => window.descentLab.set('optimizer.alpha', 1));
  await page.evaluate(() => window.descentLab.step(4));
  await type(control(page, 'Patience'), '3');
  await expect.poll(() => page.evaluate(() => window.descentLab.state().scenario?.stop.patience)).toBe(3);
  expect(await page.evaluate(() => window.descentLab.state().step)).toBe(4);
  await expect(control(page, 'Min delta')).toBeVisible();
  await page.evaluate(() => window.descentLab.step(10));
  await expect(page.getByTestId('converged')).toHaveText('1');
  await expect(reasonCount(page, 'converged', 'patience')).toHaveText('1');
  // The rule starts afresh when switched on (best +∞, as Lightning's callback does): step 5 sets the best,
  // 6 and 7 wait, and step 8 is the third without improvement (src/engine/stopping.test.ts, patience k + 1).
  expect(await page.evaluate(() => window.descentLab.state().step)).toBe(8);
});

test('bad stop values are refused with the field named: panel, API and link', async ({ page }) => {
  await open(page, './?preset=bowl');
  await type(control(page, 'Patience'), '1.5');
  // Said under the control that sent it (issue 22), without the field path the control names.
  const problem = (text: string) => page.locator('#panel .field-problem', { hasText: text });
  await expect(problem('must be null or a whole number of steps')).toBeVisible();
  await expect(control(page, 'Patience')).toHaveValue('off');
  await type(control(page, 'Stop below loss'), 'low');
  await expect(problem('must be null or a finite number')).toBeVisible();
  await expect(control(page, 'Stop below loss')).toHaveValue('off');

  const refused = await page.evaluate(() =>
    window.descentLab.set('stop.gradNorm', -1).then(
      () => 'resolved',
      (error: Error) => error.message,
    ),
  );
  expect(refused).toContain('stop.gradNorm: must be a finite number ≥ 0');
  expect(await page.evaluate(() => window.descentLab.state().scenario?.stop)).toMatchObject({ patience: null, belowLoss: null, gradNorm: null });

  const bad = {
    version: 1,
    name: 'bad-stop',
    model: { kind: 'surface', fn: 'bowl' },
    init: { points: [[0, 0]] },
    optimizer: { kind: 'gd', alpha: 0.1 },
    epochs: 10,
    stop: { patience: 0, foo: 1 },
  };
  await open(page, `./?scenario=${encodeURIComponent(JSON.stringify(bad))}`);
  await expect(page.locator('#notices')).toContainText('stop.patience');
  await expect(page.locator('#notices')).toContainText('stop.foo: unknown key');
});
