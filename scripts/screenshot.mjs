// `npm run screenshot`: the README's picture (docs/images/lab.png) taken from the built page, so that it
// shows the lab as it is now: Himmelblau's cloud of 1,600 after 14 steps of gradient descent, paused.
// Needs `npm run build:web` first and Debian's Chromium (CHROMIUM_PATH to use another).
/* global window, requestAnimationFrame -- used inside page.evaluate, in the page */
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';

const port = Number(process.env.SCREENSHOT_PORT ?? 4199);
const base = '/descent-lab/';
const server = spawn(process.execPath, ['scripts/static-server.mjs', 'out/web', '--port', String(port), '--base', base], { stdio: 'ignore' });
try {
  await waitForServer(`http://127.0.0.1:${port}${base}`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--use-angle=swiftshader', '--ignore-gpu-blocklist', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}${base}?preset=himmelblau`);
  await page.waitForFunction(() => window.descentLab?.state().loaded, undefined, { timeout: 60_000 });
  await page.evaluate(() => window.descentLab.step(14));
  // Two animation frames: the scene draws the last frame the trainer sent.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.screenshot({ path: 'docs/images/lab.png' });
  await browser.close();
  console.log('docs/images/lab.png: himmelblau after 14 steps');
} finally {
  server.kill();
}

/** Resolves once the static server answers (it takes a moment to start). */
async function waitForServer(url) {
  for (let tries = 0; tries < 100; tries++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the static server did not answer at ${url}`);
}
