/** The browser build, served on 127.0.0.1 as a static site: it loads cleanly and asks nothing of the network. */
import { expect, test } from '@playwright/test';
import { presetLabel } from '../src/renderer/panel/params';
import { presets } from '../src/shared/presets';

test('the page opens, offers every preset in the panel, and logs no error', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('./');
  await expect(page).toHaveTitle('Descent Lab');
  // A newcomer sees the bowl descending without touching anything: the default preset plays on its own.
  await expect(page.getByTestId('status')).toHaveText(/running|done/, { timeout: 30_000 }); // a first load: generous
  await expect.poll(async () => Number(await page.getByTestId('epoch').textContent())).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.descentLab.state().name)).toBe('bowl-cloud');
  // Every preset is reachable from the page: an option of the panel's Scenario drop-down, titled by its group.
  const scenario = page.getByLabel('Scenario', { exact: true });
  await expect(scenario).toBeEnabled();
  await expect(scenario).toBeVisible();
  const options = await scenario.locator('option').allTextContents();
  for (const preset of presets) expect(options).toContain(presetLabel(preset));
  expect(errors).toEqual([]);
});

test('no request leaves the machine', async ({ page }) => {
  const remote: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1') remote.push(request.url());
  });
  await page.goto('./');
  await page.waitForLoadState('networkidle');
  expect(remote).toEqual([]);
});

test('a strict Content-Security-Policy: no inline script, no eval, no remote origin', async ({ page }) => {
  await page.goto('./');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toMatch(/default-src 'self'/);
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  // An inline script is refused by that policy.
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inline = true';
    document.head.append(script);
    return (window as { __inline?: boolean }).__inline === true;
  });
  expect(ran).toBe(false);
});
