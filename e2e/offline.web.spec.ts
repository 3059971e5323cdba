/**
 * Offline: the web build served from a sub-path asks nothing of the network beyond its own folder. Every
 * request of the page and its workers is recorded while it loads every preset, plays, steps, takes a
 * screenshot, exports, and opens Help and About; each must stay on this machine, inside the site's folder,
 * and succeed. The stylesheets load no font or image from elsewhere.
 *
 * The walk through every preset is also the suite's one look at each preset's picture: the scene drawn with
 * no WebGL error, and a screenshot with the loss chart and the settings card beside it, kept with the test's
 * results for a person to look at. (Three specs each loaded every preset before; one walk does it once.)
 */
import type { Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { presets } from '../src/shared/presets';
import { bytesOf } from './blobs';
import { expect, test } from './fixtures';
import { picture } from './scene-picture';
import { surfaceReady } from './shared-page';

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

test('every preset draws its scene and its screenshot; the page, its workers, Help and About make no request outside the site’s folder', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(60_000 + 5_000 * presets.length);
  const site = new URL(baseURL!);
  expect(site.hostname).toBe('127.0.0.1');
  expect(site.pathname).not.toBe('/'); // the site is served from a sub-path, as from any folder of a host
  const { requests, workers, failures } = recordRequests(page);

  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled({ timeout: 30_000 }); // a first load: generous
  await page.waitForLoadState('networkidle');

  // Every preset, then a run, a screenshot and an export (each starts its own work in the page or a worker).
  for (const preset of presets) {
    await page.evaluate((name) => window.descentLab.load(name), preset.name);
    await surfaceReady(page);
    await page.evaluate(() => window.descentLab.step(3));
    const drawn = await picture(page);
    expect(drawn.glError, preset.name).toBe(0);
    expect(drawn.share, preset.name).toBeGreaterThan(0.05);
    // The capture path draws the chart and the card from the preset's own run and settings.
    const png = await bytesOf(page, 'window.descentLab.screenshot({ width: 480, height: 270, chart: true, panel: true })');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)], preset.name).toEqual([480, 270]);
    writeFileSync(test.info().outputPath(`${preset.name}.png`), png);
  }
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
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled({ timeout: 30_000 }); // a first load: generous
  const found = await page.evaluate(() => {
    const remote: string[] = [];
    const fontFaces: string[] = [];
    const isRemote = (url: string) =>
      !['data:', 'blob:'].includes(new URL(url, location.href).protocol) && new URL(url, location.href).origin !== location.origin;
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
