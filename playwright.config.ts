import { defineConfig } from '@playwright/test';

/**
 * End-to-end specs. `web`: the browser build served on 127.0.0.1, in Debian's Chromium (never a
 * downloaded browser), with WebGL through SwiftShader. `electron`: the desktop app through
 * `_electron.launch`, skipped with a printed reason where Electron's binary cannot be had.
 */
const port = 4173;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e-artifacts', // not test-results/: Playwright empties its outputDir first
  timeout: 60_000,
  workers: 1, // two cores, and software WebGL: one browser at a time
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  projects: [
    {
      name: 'web',
      testMatch: /web\..*spec\.ts/,
      use: {
        baseURL: `http://127.0.0.1:${port}/`,
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
    command: `node scripts/start.mjs --web --no-open --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
