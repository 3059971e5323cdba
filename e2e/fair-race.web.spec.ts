/**
 * Fair races in the browser build (issue 18, part 4): "Tune each optimizer" in the Race tab sweeps each
 * group's α in a worker, then races each at its best, and the results table says the α each used, tuned over
 * which range; Cancel stops a tuning at once. A small race: race-valley with 20 particles, 3 values of α per
 * group and 60 epochs each (12 short trials).
 */
import { expect, openPreset, openTab, test } from './shared-page';

// One page for the file (./shared-page.ts): its tests in order.
test.describe.configure({ mode: 'default' });

/** race-valley with a cloud of `count` particles a group, loaded through the automation API. */
async function smallValleyRace(page: import('@playwright/test').Page, count = 20): Promise<void> {
  await openPreset(page, 'race-valley');
  await page.evaluate(async (count) => {
    const scenario = window.descentLab.state().scenario!;
    await window.descentLab.load({ ...scenario, name: 'small valley race', init: { ...scenario.init, count } });
  }, count);
  await expect.poll(() => page.evaluate(() => window.descentLab.state().name)).toBe('small valley race');
}

test('Tune each optimizer races each group at its tuned α, and the table says so', async ({ page }) => {
  await smallValleyRace(page);
  await openTab(page, 'race');
  const alphas = page.getByTestId('race-alpha');
  // race-valley's own α (src/shared/presets.ts), before any tuning.
  await expect(alphas).toHaveText(['0.45 as given', '0.5 as given', '0.35 as given', '0.1 as given']);

  await page.getByTestId('race-tune-count').fill('3');
  await page.getByTestId('race-tune-decades').fill('1');
  await page.getByTestId('race-tune-epochs').fill('60');
  await page.getByTestId('race-tune').click();
  await expect(page.getByTestId('race-tune-status')).toContainText('Racing each at its best α', { timeout: 30_000 });
  // Each group's grid is its own α ÷ 10, ×1 and ×10 (tuneGrid): the range tried is shown with the pick. In 60
  // epochs momentum at α 0.5 gets there (median 38 steps, the preset's lesson); GD needs 116 at its best α of the
  // three, so no α reaches the tolerance and its pick falls back to the final loss, as the column says.
  await expect(alphas.nth(0)).toContainText(/^0\.45 tuned \(0\.045–4\.5, 3 tried, by final loss, none reached the tolerance\)$/);
  await expect(alphas.nth(1)).toHaveText('0.5 tuned (0.05–5, 3 tried, by median steps)');
  await expect(alphas.nth(3)).toContainText(/tuned \(0\.01–1, 3 tried, by/);
  // The lab now runs the race at the tuned α: each group's α in the scenario is the one its row shows.
  const loaded = await page.evaluate(() => window.descentLab.state().scenario!.groups!.map((g) => g.optimizer.alpha));
  for (let g = 0; g < 4; g++)
    expect(await alphas.nth(g).textContent()).toMatch(new RegExp(`^${String(Number(loaded[g].toPrecision(3))).replace('.', '\\.')} tuned`));
  await test.info().attach('tuned race', { body: await page.getByTestId('experiment-race').screenshot(), contentType: 'image/png' });
});

test('Cancel stops a tuning, and the steps criterion without a tolerance is told it needs one', async ({ page }) => {
  // A tuning that cannot end before Cancel, however many workers share it: with no tolerance no particle stops
  // by converging, so the first trials (GD's smallest α, which does not diverge) each run a million epochs of
  // 5,000 particles. (With the race's tolerance every trial stopped early: 200 trials of up to 2000 and then
  // of up to a million epochs both finished before Cancel could be clicked once two workers shared them.)
  await smallValleyRace(page, 5000);
  await page.evaluate(async () => {
    const scenario = window.descentLab.state().scenario!;
    await window.descentLab.load({ ...scenario, tolerance: null });
  });
  await openTab(page, 'race');
  await page.getByTestId('race-tune-criterion').selectOption('final-loss');
  await page.getByTestId('race-tune-count').fill('50');
  await page.getByTestId('race-tune-epochs').fill('1000000');
  await page.getByTestId('race-tune').click();
  await expect(page.getByTestId('race-tune-cancel')).toBeEnabled();
  await page.getByTestId('race-tune-cancel').click();
  await expect(page.getByTestId('race-tune-status')).toHaveText('Cancelled.');
  await expect(page.getByTestId('race-tune')).toBeEnabled();
  await expect(page.getByTestId('race-tune-progress')).toBeHidden();

  await page.getByTestId('race-tune-criterion').selectOption('median-steps');
  await page.getByTestId('race-tune').click();
  await expect(page.getByTestId('race-tune-status')).toContainText('this race has none: set a tolerance, or pick by final loss');
});
