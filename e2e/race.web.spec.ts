/**
 * The Race tab in the browser build: a race preset draws each group in its colour with a legend, one loss
 * curve per group and the results table; a click on a legend entry hides that group from the track; and a
 * race built in the tab on the scenario in the lab loads with its groups.
 */
import { expect, openDetails, openPreset, openTab, test } from './shared-page';
import { groupColours } from '../src/renderer/group-colours';

// One page for the file (./shared-page.ts): its tests in order, each opening its preset afresh.
test.describe.configure({ mode: 'default' });

/** The group colours found on the track's canvas, as indices into the palette. */
async function coloursOnTrack(page: import('@playwright/test').Page): Promise<number[]> {
  return page.getByTestId('race-track').evaluate(
    (node, palette) => {
      const c = node as HTMLCanvasElement;
      const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      const rgb = palette.map((hex) => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)));
      const found = new Set<number>();
      for (let i = 0; i < data.length; i += 4) {
        rgb.forEach(([r, g, b], k) => {
          if (Math.abs(data[i] - r) <= 2 && Math.abs(data[i + 1] - g) <= 2 && Math.abs(data[i + 2] - b) <= 2) found.add(k);
        });
      }
      return [...found].sort();
    },
    [...groupColours],
  );
}

test('a race preset draws the legend, the curves and the table, and a legend click hides a group', async ({ page }) => {
  await openPreset(page, 'race-valley');
  await openTab(page, 'race');
  await expect(page.getByTestId('experiment-race')).toBeVisible();

  const entries = page.getByTestId('race-legend-entry');
  await expect(entries).toHaveText(['GD', 'Momentum', 'Nesterov', 'Adam']);
  // All groups start from the identical cloud: concentric dots show every colour from the first frame.
  await expect.poll(() => coloursOnTrack(page)).toEqual([0, 1, 2, 3]);
  await page.evaluate(() => window.descentLab.step(10));
  await entries.first().click();
  await expect(entries.first()).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => coloursOnTrack(page)).toEqual([1, 2, 3]);
  await entries.first().click();
  await expect.poll(() => coloursOnTrack(page)).toEqual([0, 1, 2, 3]);

  // Table: one row per group; after 60 steps momentum (α 0.5, β 0.5) has converged in the valley
  // (median 38 steps, engine/experiments/race.test.ts's valley race and the preset's lesson), GD has not.
  await page.evaluate(() => window.descentLab.step(50));
  const rows = page.getByTestId('race-results').locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1).locator('td').first()).toHaveText('100%');
  await expect(rows.nth(0).locator('td').first()).toHaveText('0%');
  await expect(page.getByTestId('race-status')).toContainText('Step 60');

  // One loss curve per group (uPlot's legend lists the series after the x axis).
  const chart = page.getByTestId('experiment-race').getByTestId('loss-chart');
  await expect(chart.locator('.u-legend .u-series')).toHaveCount(5);
});

test('a race built in the tab runs on the scenario in the lab', async ({ page }) => {
  await openPreset(page, 'valley');
  await openTab(page, 'race');
  await expect(page.getByTestId('race-status')).toContainText('not running a race');
  await openDetails(page.getByTestId('race-builder'));
  await page.getByTestId('race-start').click();
  await expect.poll(() => page.evaluate(() => window.descentLab.state().scenario?.groups?.length)).toBe(3);
  const scenario = await page.evaluate(() => window.descentLab.state().scenario!);
  // The lab's scenario with its own optimizer first, against momentum and Adam at the same rate.
  expect(scenario.groups!.map((g) => g.optimizer.kind)).toEqual(['gd', 'momentum', 'adam']);
  expect(scenario.model).toEqual({ kind: 'surface', fn: 'valley' });
  await expect(page.getByTestId('race-legend-entry')).toHaveText(['GD', 'Momentum', 'Adam']);
});

test('the scene colours a race by group, and a plain run by status again', async ({ page }) => {
  await openPreset(page, 'race-beale');
  const colour = page.getByRole('combobox', { name: 'Colour particles by' });
  await expect(colour).toHaveValue('group', { timeout: 30_000 }); // a first load: generous
  await expect(page.getByTestId('scene')).toHaveAttribute('data-surface', 'ready', { timeout: 30_000 });
  await page.evaluate(() => window.descentLab.step(1));
  const scene = page.getByTestId('scene');
  // The same paused run, drawn by group, by status, then by group again: only the colours change.
  const byGroup = await scene.screenshot();
  await colour.selectOption('status');
  const byStatus = await scene.screenshot();
  await colour.selectOption('group');
  const byGroupAgain = await scene.screenshot();
  expect(byGroup.equals(byStatus)).toBe(false);
  expect(byGroupAgain.equals(byGroup)).toBe(true);
  await page.evaluate(() => window.descentLab.load('bowl-cloud'));
  await expect(colour).toHaveValue('status');
  await expect(colour.locator('option[value="group"]')).toBeDisabled();
});

test('while a race runs the panel lists its groups, not one optimizer; a plain preset brings the controls back', async ({ page }) => {
  await openPreset(page, 'race-beale');
  const panel = page.locator('#panel');
  const groups = panel.getByTestId('panel-race-groups');
  await expect(groups.locator('li')).toHaveText([
    'GD: Gradient descent, α 0.01',
    'Momentum: Momentum, α 0.005, β 0.9',
    'AdaGrad: Adagrad, α 0.5',
    'RMSprop: RMSprop, α 0.01, ρ 0.99',
    'Adam: Adam, α 0.05, β₁ 0.9, β₂ 0.999',
  ]);
  // The one optimizer's controls would show only the first group's (“Gradient descent, α 0.01”): hidden.
  await expect(panel.getByText('Learning rate α', { exact: true })).toBeHidden();
  await page.evaluate(() => window.descentLab.load('bowl'));
  await expect(groups).toBeHidden();
  await expect(panel.getByText('Learning rate α', { exact: true })).toBeVisible();
});

test('a wrong learning rate in the race builder is named by its group as the tab shows it', async ({ page }) => {
  await openPreset(page, 'race-beale');
  await openTab(page, 'race');
  const builder = page.getByTestId('race-builder');
  await openDetails(builder);
  await builder.getByLabel('Learning rate α').nth(2).fill('-1');
  await page.getByTestId('race-start').click();
  // Said in the builder, under its Start button (issue 22: near what caused it), not over the scene.
  const problem = page.getByTestId('race-builder-problem');
  await expect(problem).toContainText('AdaGrad (group 3): learning rate α must be a finite number > 0');
  await expect(problem).not.toContainText('groups[');
  await expect(page.locator('#notices .notice')).toHaveCount(0);
  // Refused: the race runs on as it was.
  expect(await page.evaluate(() => window.descentLab.state().scenario!.groups![2].optimizer.alpha)).toBe(0.5);
});
