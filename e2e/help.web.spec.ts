/**
 * Help and About in the web build served from a sub-path: the Help dialog (button, ? and F1) lists the
 * controls, the keys and a paragraph for every preset; About gives the version and each bundled library with
 * its licence text. The web build shows no desktop-only control, and its icon is its own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { presetParagraph } from '../src/renderer/help/content';
import { presets } from '../src/shared/presets';
import { expect, openPreset, test } from './shared-page';

// One page for the file (./shared-page.ts): its tests in order.
test.describe.configure({ mode: 'default' });

const packageJson = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8'));

async function open(page: Page, path?: string): Promise<void> {
  if (path) await page.goto(path);
  else await openPreset(page, 'bowl-cloud');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
  await expect(page.getByTestId('loss')).not.toHaveText('—');
}

test('Help lists the controls, the keys, and what every preset teaches', async ({ page }) => {
  await open(page);
  const helpButton = page.getByRole('button', { name: 'Help', exact: true });
  await helpButton.click();
  const help = page.getByRole('dialog', { name: 'Descent Lab help' });
  await expect(help).toBeVisible();
  for (const heading of ['Controls', 'Keys', 'What each preset teaches']) await expect(help.getByRole('heading', { name: heading })).toBeVisible();
  for (const label of ['Learning rate', 'Batch size', 'Clip', 'Scenario']) await expect(help.locator('dt', { hasText: label }).first()).toBeVisible();
  await expect(help.locator('kbd', { hasText: 'Space' })).toBeVisible();
  const paragraphs = help.locator('p[data-preset]');
  await expect(paragraphs).toHaveCount(presets.length);
  for (const preset of presets) await expect(help.locator(`p[data-preset="${preset.name}"]`), preset.name).toContainText(presetParagraph(preset));
  // Esc closes it, and the focus goes back to the lab (keyboard.ts), not to the button, where Space would open it again.
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(page.locator('main#lab')).toBeFocused();
});

test('? and F1 open the help; keys pressed in it do not reach the run behind, and do once it is closed', async ({ page }) => {
  await open(page);
  const help = page.getByTestId('help-dialog');
  await page.locator('body').press('?');
  await expect(help).toBeVisible();
  await page.evaluate(() => window.descentLab.step(3));
  await page.keyboard.press('r'); // R resets the run, but not from inside the dialog
  await page.keyboard.press('ArrowRight');
  expect(await page.evaluate(() => window.descentLab.state().step)).toBe(3);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  // Closed, the keys are the lab's again: → steps once.
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => page.evaluate(() => window.descentLab.state().step)).toBe(4);
  await page.keyboard.press('F1');
  await expect(help).toBeVisible();
  await help.getByRole('button', { name: 'Close' }).click();
  await expect(help).toBeHidden();
});

test('About gives the version and every bundled library with its licence text', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'About', exact: true }).click();
  const about = page.getByRole('dialog', { name: 'About Descent Lab' });
  await expect(about).toBeVisible();
  await expect(about).toContainText(`Descent Lab ${packageJson.version}`);
  await expect(about).toContainText('Running in your browser');
  const libraries = about.getByTestId('about-libraries').locator('li');
  await expect(libraries).toHaveCount(Object.keys(packageJson.dependencies).length);
  for (const [name, version] of Object.entries(packageJson.dependencies as Record<string, string>)) {
    const installed = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'node_modules', name, 'package.json'), 'utf8'));
    await expect(about.locator(`li[data-library="${name}"] summary`)).toContainText(`${name} ${version} · ${installed.license}`);
  }
  // A licence text opens under its summary: three.js's, whose first line names it.
  const three = about.locator('li[data-library="three"]');
  await three.locator('summary').click();
  await expect(three.locator('pre')).toBeVisible();
  await expect(three.locator('pre')).toContainText('Permission is hereby granted, free of charge');
  await page.keyboard.press('Escape');
  await expect(about).toBeHidden();
});

test('a cloud of 32,768 particles steps on a thread a core in this cross-origin isolated page, says so in About, and draws', async ({ page }) => {
  await open(page);
  // The server here sends COOP and COEP (docs/install.md): the trainer may nest workers that share memory.
  const cores = await page.evaluate(() => (self.crossOriginIsolated ? navigator.hardwareConcurrency : 0));
  expect(cores).toBeGreaterThanOrEqual(2);
  const used = Math.min(cores, 2); // 16,384 particles a thread at least (src/trainer/pool/trainer-threads.ts)
  await page.evaluate(() =>
    window.descentLab.load({
      version: 1,
      name: 'threads',
      model: { kind: 'surface', fn: 'rosenbrock' },
      init: { dist: 'gaussian', mean: [-1.5, 2], std: 0.5, count: 32_768 },
      optimizer: { kind: 'adam', alpha: 0.05 },
      epochs: 5,
    }),
  );
  await page.getByRole('button', { name: 'About', exact: true }).click();
  const about = page.getByRole('dialog', { name: 'About Descent Lab' });
  await expect(about.locator('.about-threads')).toHaveText(`Threads: ${cores} (every core); ${used} in use.`);
  await page.keyboard.press('Escape');
  await expect(page.locator('#panel')).toContainText(`${cores} (every core)`);
  // The run goes on to its end on the threads, and each frame shows the whole cloud.
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => page.evaluate(() => window.descentLab.state().status), { timeout: 20_000 }).toBe('done');
  const state = await page.evaluate(() => window.descentLab.state());
  expect(state).toMatchObject({ step: 5, summary: { count: 32_768 } });
  expect(state.summary.meanLoss).toBeGreaterThan(0);
  await expect(page.getByTestId('loss')).not.toHaveText('—');
});

test('the web build shows no desktop-only control, and works under its sub-path with shareable links', async ({ page, baseURL }) => {
  const scenario = {
    version: 1,
    name: 'shared-bowl',
    model: { kind: 'surface', fn: 'bowl' },
    init: { points: [[0, 0]] },
    optimizer: { kind: 'gd', alpha: 0.1 },
    epochs: 10,
  };
  await open(page, `./?scenario=${encodeURIComponent(JSON.stringify(scenario))}`);
  expect(new URL(page.url()).pathname).toBe(new URL(baseURL!).pathname);
  expect(await page.evaluate(() => window.descentLab.state().name)).toBe('shared-bowl');
  expect(await page.evaluate(() => 'descentDesktop' in window)).toBe(false);
  await expect(page.locator('#runtime')).toHaveText(/^Running in your browser · training in a Web Worker$/);
  // The browser's own file controls, and the link that only a browser build can share.
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
  await expect(page.getByText(/Open Recent|Electron|Desktop app/)).toHaveCount(0);
  // The icon is the lab's own, served from the site's folder.
  const icon = await page.locator('link[rel="icon"]').evaluate((link) => (link as HTMLLinkElement).href);
  expect(new URL(icon).pathname.startsWith(new URL(baseURL!).pathname)).toBe(true);
  const response = await page.request.get(icon);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/svg+xml');
  expect(await response.text()).toContain('<title>Descent Lab</title>');
});
