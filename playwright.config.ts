import { defineConfig } from '@playwright/test';

/**
 * End-to-end specs. `web`: the static web build (`npm run build:web`, out/web) served by a plain static
 * server under a sub-path, /descent-lab/, as a web host serving it from a folder would: that proves it works
 * from any folder, not only from a server's root. In Debian's Chromium (never a downloaded browser), with
 * WebGL through SwiftShader. Specs navigate with relative URLs ('./?preset=…'), which resolve under the
 * sub-path. `electron`: the desktop app through `_electron.launch`, skipped with a printed reason where
 * Electron's binary cannot be had.
 */
// E2E_PORT: another port, so that two checkouts on one machine can run their specs at once.
const port = Number(process.env.E2E_PORT ?? 4173);
const sitePath = '/descent-lab/';
const prebuilt = process.env.E2E_PREBUILT === '1';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e-artifacts', // not test-results/: Playwright empties its outputDir first
  timeout: 60_000,
  // Two browsers at once: every spec opens its own page on a static server, so none depends on another, and
  // much of a spec's time is spent waiting (page load, the trainer's worker, the encoder), not drawing.
  workers: 2,
  fullyParallel: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  projects: [
    {
      name: 'web',
      testMatch: /web\..*spec\.ts/,
      use: {
        baseURL: `http://127.0.0.1:${port}${sitePath}`,
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          // The machine's network is closed: background services would only fail to connect.
          args: ['--use-angle=swiftshader', '--ignore-gpu-blocklist', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
        },
      },
    },
    { name: 'electron', testMatch: /electron\..*spec\.ts/ },
  ],
  webServer: {
    // Both builds: the web specs serve out/web, and the Electron specs launch the desktop app from out/.
    // E2E_PREBUILT=1: `npm test` has built both already (beside the unit tests), so the server only serves.
    command: `${prebuilt ? '' : 'npm run build && npm run build:web && '}node scripts/static-server.mjs out/web --port ${port} --base ${sitePath}`,
    url: `http://127.0.0.1:${port}${sitePath}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000, // the build takes most of it on a loaded two-core machine
  },
});
