import { defineConfig } from 'vitest/config';

// Test files that replace modules (vi.mock), timers or globals, or measure their own process's memory: each
// gets fresh modules and a fresh heap (Vitest's default).
const isolated = [
  'src/trainer/exporting.test.ts',
  'scripts/packaging/config.test.ts',
  'src/main/**/*.test.ts',
  'src/preload/**/*.test.ts',
  'src/renderer/preferences.test.ts',
  'src/shared/delayed-save.test.ts',
];

// Unit tests sit beside the code; the end-to-end specs in e2e/ belong to Playwright.
export default defineConfig({
  test: {
    environment: 'node',
    // Vitest's default is one worker fewer than the cores: one worker on a two-core machine. The slowest files
    // (node-host, settings) mostly wait on child processes, so two workers finish well before one.
    maxWorkers: 2,
    // A test's time limit only guards against a hang: speed is the bench's to measure (npm run bench). Vitest's
    // default of 5 s failed sound tests whenever the machine was busy (the end-to-end specs run beside these).
    testTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'isolated', include: isolated } },
      // The rest share their worker's modules: importing mathjs, zod's schemas and the engine afresh for every
      // file was a third of the suite's time (import 105 s against tests 358 s, summed, on 2026-12-06).
      { extends: true, test: { name: 'shared', include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'], exclude: isolated, isolate: false } },
    ],
  },
});
