/**
 * One page per spec file, shared by the file's tests: loading the lab costs ≈ 4–5 s on the loaded two-core
 * machine (the page, the worker, the first surface), most of a short test's time. A spec adopts it with
 *
 *     import { expect, openPreset, test } from './shared-page';
 *     test.describe.configure({ mode: 'default' }); // the file's tests in order, in one worker, on one page
 *
 * and opens its scenario with `openPreset(page, name)`: the first call navigates, later ones switch scenario
 * through `window.descentLab.load`. Tests restore what they change outside the scenario (a dialog left open,
 * a tab, a preference). A failed test ends its worker (Playwright's rule), so the next test starts on a fresh
 * page: a failure cannot leak its state into the tests after it. The page-error check of ./fixtures.ts still
 * runs for every test, on the shared page.
 */
import type { Page } from '@playwright/test';
import { expect, test as base } from './fixtures';

/** The page of the spec file this worker is running, if any. */
interface Shared {
  file: string;
  page: Page;
}

export const test = base.extend<object, { shared: { current: Shared | null } }>({
  shared: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const shared: { current: Shared | null } = { current: null };
      await use(shared);
      await shared.current?.page.context().close();
    },
    { scope: 'worker' },
  ],
  // Playwright's own `page` is a fresh context per test: this one lives as long as the worker stays on one file.
  // The file's `test.use` options that shape a context (permissions, the viewport) still apply.
  page: async ({ shared, browser, baseURL, permissions, viewport }, use, testInfo) => {
    if (shared.current?.file !== testInfo.file) {
      await shared.current?.page.context().close();
      const context = await browser.newContext({ baseURL, permissions, viewport });
      shared.current = { file: testInfo.file, page: await context.newPage() };
    }
    await use(shared.current.page);
  },
});

/** Waits until the scene has drawn the current scenario's surface: generous, as a first load under load can take > 5 s. */
export async function surfaceReady(page: Page): Promise<void> {
  await expect(page.getByTestId('scene')).toHaveAttribute('data-surface', 'ready', { timeout: 30_000 });
}

/**
 * Opens a preset and waits for its surface: a navigation the first time, then the automation API's `load`,
 * which resets the run, the scenario and the stop rules as a fresh page would.
 */
export async function openPreset(page: Page, name: string): Promise<void> {
  const onLab = await page.evaluate(() => 'descentLab' in window).catch(() => false);
  if (onLab) await page.evaluate((preset) => window.descentLab.load(preset), name);
  else {
    // The first load is the slow one (10–50 s measured at load average 25): the test that pays for it gets the time.
    test.info().setTimeout(test.info().timeout + 30_000);
    await page.goto(`./?preset=${name}`);
  }
  await expect.poll(() => page.evaluate(() => window.descentLab?.state().name), { timeout: 30_000 }).toBe(name);
  await surfaceReady(page);
  // Keys go to the page, as on a fresh one, not to the field or button the last test left focused.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

export { expect };

/** Opens an experiment's tab (a click on an open tab closes it: on a shared page, a tab may be open already). */
export async function openTab(page: Page, id: string): Promise<void> {
  const tab = page.getByTestId(`experiment-tab-${id}`);
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

/** Opens a <details> (a click on an open one closes it). */
export async function openDetails(details: import('@playwright/test').Locator): Promise<void> {
  if ((await details.getAttribute('open')) === null) await details.locator('summary').first().click();
  await expect(details).toHaveAttribute('open', '');
}
