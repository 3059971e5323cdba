/**
 * What every web spec shares: `window.descentLab` typed as the page exposes it (CONTRACTS §4), and a `test`
 * that fails any test during which the page logged an error or threw.
 */
import { expect, test as base, type ConsoleMessage } from '@playwright/test';
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
      const onConsole = (message: ConsoleMessage) => message.type() === 'error' && errors.push(message.text());
      const onPageError = (error: Error) => errors.push(error.message);
      page.on('console', onConsole);
      page.on('pageerror', onPageError);
      await use();
      // Off again: a page shared by a file's tests (./shared-page.ts) must not carry one test's listeners into the next.
      page.off('console', onConsole);
      page.off('pageerror', onPageError);
      expect(errors).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
