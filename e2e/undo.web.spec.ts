/**
 * Undo of a new start (issue 22): a click on the surface (or a shift-drag) replaces the whole cloud, and
 * Ctrl+Z brings the one before back exactly, at its step, playing as it was.
 */
import { type Page } from '@playwright/test';
import { expect, openPreset, test } from './shared-page';

// One page for the file (./shared-page.ts): its tests in order, each opening its preset afresh.
test.describe.configure({ mode: 'default' });

async function open(page: Page, preset: string): Promise<void> {
  await openPreset(page, preset);
}

/** A point on the surface, a little below the scene's centre (as scene.web.spec.ts clicks). */
async function onSurface(page: Page): Promise<{ x: number; y: number }> {
  const box = (await page.getByTestId('scene').boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height * 0.55 };
}

const state = (page: Page) => page.evaluate(() => window.descentLab.state());

test('a click replaces the 1,600-particle cloud with one start; Ctrl+Z brings the cloud back at its step, its loss to the digit', async ({ page }) => {
  await open(page, 'himmelblau');
  await page.evaluate(() => window.descentLab.step(20));
  const before = await state(page);
  expect(before.summary.count).toBe(1600);
  const { x, y } = await onSurface(page);
  await page.mouse.click(x, y);
  await expect.poll(async () => (await state(page)).summary.count).toBe(1);
  await expect(page.locator('#scene .scene-hint')).toContainText('Ctrl+Z brings back the cloud');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await state(page)).summary.count).toBe(1600);
  const after = await state(page);
  expect(after.step).toBe(20);
  expect(after.scenario!.init).toEqual(before.scenario!.init);
  // The run itself came back, not a rebuilt one: the same mean loss, exactly, and the same readout.
  expect(after.summary.meanLoss).toBe(before.summary.meanLoss);
  await expect(page.getByTestId('epoch')).toHaveText(String(before.epoch));
  // Once: a second Ctrl+Z has nothing to bring back, and does nothing.
  await page.keyboard.press('Control+z');
  expect((await state(page)).summary.count).toBe(1600);
});

test('a shift-drag box over a playing run: Ctrl+Z brings back the cloud, playing', async ({ page }) => {
  await open(page, 'rosenbrock');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('running');
  const { x, y } = await onSurface(page);
  await page.keyboard.down('Shift');
  await page.mouse.move(x - 60, y - 30);
  await page.mouse.down();
  await page.mouse.move(x + 60, y + 30, { steps: 6 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect.poll(async () => (await state(page)).scenario!.init).toMatchObject({ dist: 'uniform' });
  await expect(page.getByTestId('status')).toHaveText('paused');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await state(page)).scenario!.init).toMatchObject({ dist: 'gaussian', count: 1000 });
  await expect(page.getByTestId('status')).toHaveText('running');
});
