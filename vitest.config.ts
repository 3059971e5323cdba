import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code; the end-to-end specs in e2e/ belong to Playwright.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
