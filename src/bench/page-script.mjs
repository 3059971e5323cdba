// The bench's `page` section (a script section: see ./sections.ts): the web build in headless Chromium
// (Debian's, software WebGL through SwiftShader, the end-to-end specs' flags). It measures
//  - start-up: navigation to the first frame drawn with particles (the scene's performance mark) of ?preset=bowl;
//  - frames per second at 10k, 100k and 1M particles: a bowl cloud playing one step a frame, frames shown
//    (steps advanced) and animation frames per second over a fixed window;
//  - the page's JS heap after a full GC at the start of a minute of playing 100k particles and every 20 s.
// Software WebGL on a shared machine: the figures compare versions of the lab, they are not absolute.
// It builds the page into out/bench/web first (never measuring a stale build) and serves it on a free port.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const resultPath = process.env.BENCH_RESULT;
const log = (message) => process.stdout.write(`${message}\n`);

const firstFrameMark = 'descent:first-frame'; // src/renderer/scene/LabScene.ts
const startupRuns = 3;
const sizes = [10_000, 100_000, 1_000_000];
const windowMs = 5_000;
/** A slow size is watched longer, up to this, until it has shown enoughFrames. */
const longestWindowMs = 20_000;
const enoughFrames = 8;
const warmupMs = 1_500;
const heapParticles = 100_000;
const heapSeconds = 60;
const heapEvery = 20;
/** The end-to-end specs' Chromium flags (playwright.config.ts). */
const args = ['--use-angle=swiftshader', '--ignore-gpu-blocklist', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

const cloud = (n) => ({
  version: 1,
  name: `bench-${n}`,
  model: { kind: 'surface', fn: 'bowl' },
  init: { dist: 'uniform', min: [-3, -2], max: [5, 6], count: n },
  optimizer: { kind: 'gd', alpha: 0.001 },
  epochs: 10_000_000,
  tolerance: null,
  seed: 1,
});

const label = (n) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (bytes) => Math.round((bytes / 2 ** 20) * 100) / 100;

log('page: building the web page into out/bench/web…');
const { build } = await import('vite');
await build({ configFile: resolve(root, 'vite.web.config.ts'), logLevel: 'error', build: { outDir: resolve(root, 'out/bench/web'), emptyOutDir: true } });
const { serveStatic } = await import(resolve(root, 'scripts/static-server.mjs'));
const server = await serveStatic(resolve(root, 'out/bench/web'));
const { chromium } = await import('@playwright/test');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args });
const rows = [];
const notes = [];

/** A fresh page (own context: no cache shared with an earlier run) that fails loudly on a page error. */
async function openPage(query) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const began = performance.now();
  await page.goto(`${server.url}${query}`);
  return { context, page, errors, began };
}

/** Milliseconds from navigation start to the first drawn frame with particles. */
async function firstFrame(page) {
  const handle = await page.waitForFunction((name) => performance.getEntriesByName(name)[0]?.startTime, firstFrameMark, { timeout: 120_000 });
  return handle.jsonValue();
}

try {
  // Start-up.
  const startups = [];
  for (let run = 0; run < startupRuns; run++) {
    const { context, page, errors } = await openPage('?preset=bowl');
    startups.push(await firstFrame(page));
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    await context.close();
    log(`  start-up ${run + 1}: ${startups.at(-1).toFixed(0)} ms to the first frame`);
  }
  rows.push([
    'start-up: ms to first frame (?preset=bowl)',
    'bowl',
    median(startups),
    `median of ${startupRuns}: ${startups.map((t) => t.toFixed(0)).join(', ')}`,
  ]);

  // Frames per second by size, each in a fresh page.
  const rates = [];
  for (const n of sizes) {
    const { context, page, errors } = await openPage('?preset=bowl');
    await firstFrame(page);
    await page.evaluate((scenario) => window.descentLab.load(scenario), cloud(n));
    await page.waitForSelector('[data-testid="scene"][data-surface="ready"]', { timeout: 120_000 });
    await page.evaluate(() => window.descentLab.play());
    await page.waitForTimeout(warmupMs);
    const rate = await page.evaluate(
      async ({ shortest, longest, enough }) => {
        const lab = window.descentLab;
        const step0 = lab.state().step;
        let ticks = 0;
        const began = performance.now();
        // At least `shortest` ms; longer, up to `longest`, until `enough` frames were shown (1M is slow).
        await new Promise((done) => {
          const tick = () => {
            ticks++;
            const elapsed = performance.now() - began;
            if (elapsed < shortest || (elapsed < longest && lab.state().step - step0 < enough)) requestAnimationFrame(tick);
            else done();
          };
          requestAnimationFrame(tick);
        });
        const seconds = (performance.now() - began) / 1000;
        return { frames: (lab.state().step - step0) / seconds, animation: ticks / seconds, seconds };
      },
      { shortest: windowMs, longest: longestWindowMs, enough: enoughFrames },
    );
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    await context.close();
    rates.push(rate.frames);
    rows.push([
      `frames/s shown (${label(n)} particles)`,
      label(n),
      rate.frames,
      `${rate.animation.toFixed(1)} animation frames/s, over ${rate.seconds.toFixed(1)} s`,
    ]);
    log(`  ${label(n)}: ${rate.frames.toFixed(1)} frames/s shown, ${rate.animation.toFixed(1)} animation frames/s`);
  }
  rows.push(['ratio 1M : 10k frames/s', '', rates[2] / rates[0], 'the same run']);

  // The heap over a minute of playing.
  {
    const { context, page, errors } = await openPage('?preset=bowl');
    await firstFrame(page);
    await page.evaluate((scenario) => window.descentLab.load(scenario), cloud(heapParticles));
    await page.waitForSelector('[data-testid="scene"][data-surface="ready"]', { timeout: 120_000 });
    const cdp = await context.newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const builds = () => page.evaluate(() => Number(document.querySelector('[data-testid="scene"]').dataset.surfaceBuilds));
    const builds0 = await builds();
    await page.evaluate(() => window.descentLab.play());
    await page.waitForTimeout(warmupMs);
    const step0 = await page.evaluate(() => window.descentLab.state().step);
    const samples = [await heap()];
    for (let t = heapEvery; t <= heapSeconds; t += heapEvery) {
      await page.waitForTimeout(heapEvery * 1000);
      samples.push(await heap());
      log(`  heap at ${t} s: ${mb(samples.at(-1))} MB`);
    }
    const frames = (await page.evaluate(() => window.descentLab.state().step)) - step0;
    const rebuilt = (await builds()) - builds0;
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    await context.close();
    rows.push([`JS heap after GC, start of ${heapSeconds} s playing (MB)`, label(heapParticles), mb(samples[0]), '']);
    rows.push([
      `JS heap after GC, end (MB)`,
      label(heapParticles),
      mb(samples.at(-1)),
      `every ${heapEvery} s: ${samples.map(mb).join(' → ')} MB; ${frames} frames`,
    ]);
    rows.push(['heap end : start', label(heapParticles), samples.at(-1) / samples[0], 'flat is 1']);
    rows.push(['surface rebuilds while playing', label(heapParticles), rebuilt, 'the mesh is built when a new surface arrives, never per frame']);
  }
  notes.push('Headless Debian Chromium, software WebGL (SwiftShader), 1280×800: compare versions with these, not machines.');
  notes.push(
    `Frames/s shown: steps advanced per second playing one step a frame, over ${windowMs / 1000} s (up to ${longestWindowMs / 1000} s until ${enoughFrames} frames) after ${warmupMs / 1000} s of warm-up; the page draws every frame it receives.`,
  );
  notes.push(`Start-up: navigation to the performance mark "${firstFrameMark}" (first drawn frame with particles), fresh context each run.`);
} finally {
  await browser.close();
  await server.close();
}

const result = { columns: ['measure', 'particles', 'value', 'detail'], rows, notes };
if (resultPath) writeFileSync(resultPath, JSON.stringify(result));
else console.log(JSON.stringify(result, null, 2));
