/**
 * The desktop trainer under its supervisor (issue 21), under `xvfb-run` where Electron's binary exists
 * (skipped here with the reason printed). A heavy run is busy, not hung: it is never restarted and the view
 * keeps moving. A utility process killed from outside is restarted: the page reconnects and the run goes on
 * from its checkpoint (the scenario, the speed, playing).
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinary } from './electron-runtime';
import { playHeavyRun } from './heavy-run';

const runtime = electronBinary();
if ('reason' in runtime) console.log(`electron specs skipped: ${runtime.reason}`);

/** The first window, once its trainer has loaded a scenario (the status readout shows "paused" before that). */
async function ready(app: ElectronApplication): Promise<Page> {
  const page = await app.firstWindow();
  await expect.poll(() => page.evaluate(() => window.descentLab?.state().loaded ?? false), { timeout: 30_000 }).toBe(true);
  return page;
}

const state = (page: Page) => page.evaluate(() => window.descentLab.state());
const notices = (page: Page) => page.locator('#notices .notice').allTextContents();

/** The trainer's utility process id, from main (utility-process.ts names each one "Descent Lab trainer #n"). */
function trainerPid(app: ElectronApplication): Promise<number | undefined> {
  return app.evaluate(({ app }) => app.getAppMetrics().find((m) => m.type === 'Utility' && (m.name ?? '').startsWith('Descent Lab trainer'))?.pid);
}

test.describe('the desktop trainer under its supervisor', () => {
  test.skip('reason' in runtime, 'reason' in runtime ? runtime.reason : '');
  let app: ElectronApplication;
  test.beforeEach(async () => {
    app = await electron.launch({ executablePath: (runtime as { path: string }).path, args: ['.'] });
  });
  test.afterEach(async () => app?.close());

  test('a heavy run is never taken for a hang: frames keep coming past the 5 s hang limit, and it pauses at once', async () => {
    test.setTimeout(90_000);
    const page = await ready(app);
    const pid = await trainerPid(app);
    await playHeavyRun(page);
    // Twelve seconds (more than twice the supervisor's 5 s limit): the step moves on many times, within
    // the first frame's 10,000 steps (unsliced, no frame came for 11 s and the process was killed).
    const seen = new Set<number>();
    for (let k = 0; k < 24; k++) {
      seen.add((await state(page)).step);
      await page.waitForTimeout(500);
    }
    expect(seen.size).toBeGreaterThan(5);
    expect(await trainerPid(app)).toBe(pid);
    expect((await notices(page)).filter((text) => /trainer/i.test(text))).toEqual([]);
    await page.evaluate(() => window.descentLab.pause());
    await expect.poll(async () => (await state(page)).status).toBe('paused');
    const paused = (await state(page)).step;
    await page.evaluate(() => window.descentLab.step(1));
    expect((await state(page)).step).toBe(paused + 1);
  });

  test('a killed utility process is restarted: the page reconnects and the run plays on from its checkpoint', async () => {
    const page = await ready(app);
    await page.evaluate(async () => {
      await window.descentLab.load('bowl-cloud');
      await window.descentLab.set('tolerance', null);
      await window.descentLab.set('epochs', 10_000_000);
      window.descentLab.play();
    });
    await expect.poll(async () => (await state(page)).step).toBeGreaterThan(10);
    const pid = await trainerPid(app);
    expect(pid).toBeDefined();
    process.kill(pid!, 'SIGKILL');
    await expect
      .poll(() => notices(page), { timeout: 15_000 })
      .toContainEqual(expect.stringMatching(/The trainer stopped unexpectedly \(.*\) and was restarted with your scenario\./));
    await expect.poll(async () => (await state(page)).loaded, { timeout: 15_000 }).toBe(true);
    expect(await trainerPid(app)).not.toBe(pid);
    // The checkpoint's scenario (the hot changes included), playing: the new trainer's steps count from 0 and go on.
    await expect.poll(async () => (await state(page)).status).toBe('running');
    const restarted = await state(page);
    expect(restarted.name).toBe('bowl-cloud');
    expect(restarted.scenario?.tolerance).toBeNull();
    await expect.poll(async () => (await state(page)).step).toBeGreaterThan(restarted.step);
  });
});
