/**
 * What every web spec shares: `window.descentLab` typed as the page exposes it (CONTRACTS §4), and a `test`
 * that fails any test during which the page logged an error or threw.
 */
import { expect, test as base } from '@playwright/test';
import type { CaptureApi } from '../src/renderer/capture';
import type { ExportApi } from '../src/renderer/export';
import type { DescentLab } from '../src/renderer/lab';

declare global {
  interface Window {
    descentLab: DescentLab & CaptureApi & ExportApi;
  }
}

export const test = base.extend<{ noPageErrors: void }>({
  noPageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      page.on('pageerror', (error) => errors.push(error.message));
      await use();
      expect(errors).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
