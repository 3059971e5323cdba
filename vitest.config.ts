import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code; the end-to-end specs in e2e/ belong to Playwright.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Vitest's default is one worker fewer than the cores: one worker on a two-core machine. The slowest files
    // (node-host, settings) mostly wait on child processes, so two workers finish well before one.
    maxWorkers: 2,
  },
});
