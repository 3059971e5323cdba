/**
 * The 3D scene in the browser build (WebGL through SwiftShader, so: small step counts, few frames). Every
 * test reads the canvas back (it keeps its drawing buffer), checks that WebGL reported no error, and that
 * nothing was logged as an error.
 */
import { type Page } from '@playwright/test';
import { difference, patch, picture } from './scene-picture';
import { expect, openPreset as open, surfaceReady, test } from './shared-page';

test.describe.configure({ mode: 'default' }); // the file's tests in order, on one page (./shared-page.ts)

/** Loads a preset through the automation API and waits for its surface. */
async function load(page: Page, preset: string): Promise<void> {
  await page.evaluate((name) => window.descentLab.load(name), preset);
  await surfaceReady(page);
}

for (const name of ['bowl-cloud', 'noisy-line-clip', 'two-layer-net']) {
  test(`${name}: the scene draws the surface and the particles`, async ({ page }) => {
    await open(page, name);
    await page.evaluate(() => window.descentLab.step(5));
    const drawn = await picture(page);
    expect(drawn.glError).toBe(0);
    expect(drawn.share).toBeGreaterThan(0.05);
  });
}

test('a smaller learning rate changes the descent, and the picture', async ({ page }) => {
  await open(page, 'bowl-cloud');
  await page.evaluate(() => window.descentLab.step(20));
  const fast = await page.evaluate(() => window.descentLab.state().summary.meanLoss);
  const fastPicture = await picture(page);
  await load(page, 'bowl-cloud');
  await page.evaluate(async () => {
    await window.descentLab.set('optimizer.alpha', 0.01);
    await window.descentLab.step(20);
  });
  const slow = await page.evaluate(() => window.descentLab.state().summary.meanLoss);
  const slowPicture = await picture(page);
  // α = 0.1 contracts the cloud by 0.8 a step, α = 0.01 by 0.98: after 20 steps, 0.0115 against 0.668.
  expect(slow!).toBeGreaterThan(10 * fast!);
  expect(slowPicture.glError).toBe(0);
  expect(difference(fastPicture, slowPicture)).toBeGreaterThan(20);
});

test('a large learning rate makes particles diverge, and the page stays responsive', async ({ page }) => {
  await open(page, 'bowl-cloud');
  expect(await page.getByTestId('diverged').textContent()).toBe('0');
  // α = 1.5 doubles each distance to the minimum a step: the loss overflows after about 510 steps, so the
  // run (200 epochs) is lengthened first.
  await page.evaluate(async () => {
    await window.descentLab.set('epochs', 1000);
    await window.descentLab.set('optimizer.alpha', 1.5);
  });
  await surfaceReady(page);
  await page.evaluate(() => {
    (window as Window & { stepping?: Promise<void> }).stepping = window.descentLab.step(600);
  });
  const started = Date.now();
  expect(await page.evaluate(() => 1)).toBe(1);
  expect(Date.now() - started).toBeLessThan(3000);
  await expect.poll(async () => Number(await page.getByTestId('diverged').textContent()), { timeout: 20_000 }).toBeGreaterThan(0);
  // The scene says how many left the surface.
  await expect(page.locator('#scene .scene-badge')).toHaveText(/^↑ \d+ diverged$/);
  const drawn = await picture(page);
  expect(drawn.glError).toBe(0);
  expect(drawn.share).toBeGreaterThan(0.05);
  // The 600 steps end before the page is the next test's.
  await page.evaluate(() => (window as Window & { stepping?: Promise<void> }).stepping);
});

test('F frames the view; the toolbar switches to the top view and back, recolours, hides trails, resets the view', async ({ page }) => {
  await open(page, 'himmelblau');
  await page.evaluate(() => window.descentLab.step(3));
  const before = await picture(page);
  await page.keyboard.press('f');
  const scene = page.locator('#scene');
  await scene.getByRole('button', { name: 'Top view' }).click();
  const top = await picture(page);
  expect(difference(before, top)).toBeGreaterThan(50);
  await scene.getByRole('button', { name: '3D view' }).click();
  // Colour by loss shows its ramp; trails switch off and on.
  await scene.getByRole('combobox', { name: 'Colour particles by' }).selectOption('loss');
  await expect(scene.locator('.scene-ramp')).toBeVisible();
  await scene.getByRole('combobox', { name: 'Colour particles by' }).selectOption('status');
  await expect(scene.locator('.scene-ramp')).toBeHidden();
  const trails = scene.getByRole('button', { name: 'Trails' });
  await trails.click();
  await expect(trails).toHaveAttribute('aria-pressed', 'false');
  await trails.click();
  await expect(trails).toHaveAttribute('aria-pressed', 'true');
  await scene.getByRole('button', { name: 'Reset view' }).click();
  // The camera glides back (damping): wait until the picture is back to the start's, however long that takes
  // on a slow machine, rather than a fixed time.
  await expect.poll(async () => difference(before, await picture(page)), { timeout: 15_000 }).toBeLessThan(60);
  const reset = await picture(page);
  expect(reset.glError).toBe(0);
  expect(reset.share).toBeGreaterThan(0.05);
});

test('a click on the surface restarts from that point; shift + drag seeds a cloud over a box', async ({ page }) => {
  await open(page, 'bowl-cloud');
  const box = (await page.getByTestId('scene').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height * 0.55;
  await page.mouse.click(cx, cy);
  await expect.poll(() => page.evaluate(() => window.descentLab.state().summary.count)).toBe(1);
  const single = await page.evaluate(() => window.descentLab.state().scenario!.init);
  expect('points' in single && single.points.length).toBe(1);
  await surfaceReady(page);
  await page.keyboard.down('Shift');
  await page.mouse.move(cx - 60, cy - 30);
  await page.mouse.down();
  await page.mouse.move(cx, cy, { steps: 4 });
  await page.mouse.move(cx + 60, cy + 30, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  // One start was the scenario's count: a box then seeds the default 400.
  await expect.poll(() => page.evaluate(() => window.descentLab.state().summary.count)).toBe(400);
  const cloud = await page.evaluate(() => window.descentLab.state().scenario!.init);
  expect(cloud).toMatchObject({ dist: 'uniform', count: 400 });
  if ('min' in cloud) {
    expect(cloud.min[0]).toBeLessThan(cloud.max[0]);
    expect(cloud.min[1]).toBeLessThan(cloud.max[1]);
  }
});

test('a click in the top view starts the particle under the pointer, and the surface stays where it was', async ({ page }) => {
  // Rosenbrock's preset cloud reaches past the surface's named range, so the range on show is wider than a
  // single start's: rebuilding over the narrower one moved the particle about 16 px beside the click.
  await open(page, 'rosenbrock');
  await page.evaluate(() => window.descentLab.pause());
  await page.getByRole('button', { name: 'Top view' }).click();
  await surfaceReady(page);
  const scene = page.getByTestId('scene');
  const builds = await scene.getAttribute('data-surface-builds');
  const box = (await scene.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const half = 30;
  // Still for two readings in a row: the top camera's pan glides to rest (damping).
  let before = await patch(page, x, y, half);
  await expect
    .poll(async () => {
      const next = await patch(page, x, y, half);
      const still = next.every((v, k) => v === before[k]);
      before = next;
      return still;
    })
    .toBe(true);
  await page.mouse.click(x, y);
  await expect.poll(() => page.evaluate(() => window.descentLab.state().summary.count)).toBe(1);
  await expect(scene).toHaveAttribute('data-surface', 'ready');
  expect(await scene.getAttribute('data-surface-builds')).toBe(builds);
  const after = await patch(page, x, y, half);
  // What changed around the click is the new particle (and the best marker's ring on it): few pixels, centred
  // on the click. A surface rebuilt under it would change most of them.
  const side = 2 * half + 1;
  const changed = after.flatMap((v, k) => (Math.abs(v - before[k]) > 24 ? [[(k % side) - half, Math.floor(k / side) - half]] : []));
  expect(changed.length).toBeGreaterThan(10);
  expect(changed.length).toBeLessThan(0.5 * side * side);
  const mean = (axis: number) => changed.reduce((sum, p) => sum + p[axis], 0) / changed.length;
  expect(Math.abs(mean(0))).toBeLessThan(4);
  expect(Math.abs(mean(1))).toBeLessThan(4);
});

test('a model of more than two parameters gets the axes picker, and random directions', async ({ page }) => {
  await open(page, 'two-layer-net');
  const scene = page.locator('#scene');
  await expect(scene.getByRole('combobox', { name: 'Horizontal axis parameter' })).toBeVisible();
  await scene.getByRole('combobox', { name: 'Depth axis parameter' }).selectOption({ index: 3 });
  await surfaceReady(page);
  await expect(page.locator('#axes')).toContainText(await scene.getByRole('combobox', { name: 'Depth axis parameter' }).locator('option:checked').innerText());
  await scene.getByRole('button', { name: 'Random directions' }).click();
  await expect(page.locator('#axes')).toContainText('direction 1');
  await surfaceReady(page);
  const drawn = await picture(page);
  expect(drawn.glError).toBe(0);
  expect(drawn.share).toBeGreaterThan(0.05);
  // Seeding by click needs two parameters: it says so instead.
  const box = (await page.getByTestId('scene').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height * 0.55);
  await expect(scene.locator('.scene-hint')).toContainText('two parameters');
});

test('a lost graphics context says so, and the scene comes back when it is restored', async ({ page }) => {
  await open(page, 'rosenbrock');
  await page.evaluate(() => {
    const canvas = document.querySelector('[data-testid=scene]') as HTMLCanvasElement;
    (window as Window & { loseContext?: WEBGL_lose_context | null }).loseContext = canvas.getContext('webgl2')!.getExtension('WEBGL_lose_context');
    (window as Window & { loseContext?: WEBGL_lose_context | null }).loseContext!.loseContext();
  });
  const message = page.locator('#scene .scene-message');
  await expect(message).toBeVisible();
  await expect(message).toContainText('graphics context was lost');
  // Training goes on meanwhile.
  await page.evaluate(() => window.descentLab.step(2));
  await page.evaluate(() => (window as Window & { loseContext?: WEBGL_lose_context | null }).loseContext!.restoreContext());
  await expect(message).toBeHidden();
  await page.evaluate(() => window.descentLab.step(1));
  const drawn = await picture(page);
  expect(drawn.glError).toBe(0);
  expect(drawn.share).toBeGreaterThan(0.05);
  // The background too (three.js forgets the clear colour with the context).
  expect(drawn.corner).toEqual([11, 14, 18]);
  // The next test on a fresh page, as before the page was shared: after a restored context, the next preset
  // with a new surface leaves one INVALID_OPERATION in WebGL's error flag (seen 2026-12-06; reported, not fixed here).
  await page.goto('about:blank');
});
