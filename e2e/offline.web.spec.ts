/**
 * Offline: the web build served from a sub-path asks nothing of the network beyond its own folder. Every
 * request of the page and its workers is recorded while it loads every preset, plays, steps, takes a
 * screenshot, exports, and opens Help and About; each must stay on this machine, inside the site's folder,
 * and succeed. The stylesheets load no font or image from elsewhere.
 */
import type { Page } from '@playwright/test';
import { presets } from '../src/shared/presets';
import { expect, test } from './fixtures';

/**
 * Records the URL of every request the page makes (its dedicated workers' requests are reported as the
 * page's), every worker's script, and every request that failed or was refused.
 */
function recordRequests(page: Page): { requests: string[]; workers: string[]; failures: string[] } {
  const requests: string[] = [];
  const workers: string[] = [];
  const failures: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('worker', (worker) => workers.push(worker.url()));
  page.on('requestfailed', (request) => failures.push(`${request.url()}: ${request.failure()?.errorText}`));
  page.on('response', (response) => response.status() >= 400 && failures.push(`${response.url()}: HTTP ${response.status()}`));
  return { requests, workers, failures };
}

/** A URL that is not this machine's site: another host, or a path outside the folder the site is served from. */
function outside(url: string, site: URL): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return false;
  return parsed.origin !== site.origin || !parsed.pathname.startsWith(site.pathname);
}

test('the page, its workers, Help and About make no request outside the site’s folder', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const site = new URL(baseURL!);
  expect(site.hostname).toBe('127.0.0.1');
  expect(site.pathname).not.toBe('/'); // the site is served from a sub-path, as from any folder of a host
  const { requests, workers, failures } = recordRequests(page);

  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
  await page.waitForLoadState('networkidle');

  // Every preset, then a run, a screenshot and an export (each starts its own work in the page or a worker).
  for (const preset of presets) await page.evaluate((name) => window.descentLab.load(name), preset.name);
  await page.evaluate(() => window.descentLab.load('bowl-cloud'));
  await page.evaluate(() => window.descentLab.step(5));
  await page.evaluate(() => window.descentLab.play());
  await expect.poll(() => page.evaluate(() => window.descentLab.state().step)).toBeGreaterThan(5);
  await page.evaluate(() => window.descentLab.pause());
  expect(await page.evaluate(async () => (await window.descentLab.screenshot({ width: 320, height: 180 })).size)).toBeGreaterThan(0);
  expect(await page.evaluate(async () => (await window.descentLab.exportTrajectories({ format: 'csv', every: 1 })).size)).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Help', exact: true }).click();
  await expect(page.getByTestId('help-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'About', exact: true }).click();
  await expect(page.getByTestId('about-libraries').locator('li')).not.toHaveCount(0);
  await page.waitForLoadState('networkidle');

  expect(requests.some((url) => url.includes('/assets/'))).toBe(true);
  expect(workers.length, 'the trainer and the export run in workers').toBeGreaterThanOrEqual(2);
  expect([...requests, ...workers].filter((url) => outside(url, site))).toEqual([]);
  expect(failures).toEqual([]);
});

test('the stylesheets load no font, image or stylesheet from another origin', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
  const found = await page.evaluate(() => {
    const remote: string[] = [];
    const fontFaces: string[] = [];
    const isRemote = (url: string) => !['data:', 'blob:'].includes(new URL(url, location.href).protocol) && new URL(url, location.href).origin !== location.origin;
    for (const sheet of Array.from(document.styleSheets)) {
      if (sheet.href && isRemote(sheet.href)) remote.push(sheet.href);
      for (const rule of Array.from(sheet.cssRules)) {
        if (rule instanceof CSSFontFaceRule) fontFaces.push(rule.cssText);
        for (const match of rule.cssText.matchAll(/url\(\s*["']?([^"')]+)/g)) if (isRemote(match[1])) remote.push(match[1]);
      }
    }
    return { remote, fontFaces, fonts: Array.from(document.fonts).map((font) => font.family) };
  });
  // The lab uses the system's fonts: nothing to fetch, nothing to ship.
  expect(found).toEqual({ remote: [], fontFaces: [], fonts: [] });
});
