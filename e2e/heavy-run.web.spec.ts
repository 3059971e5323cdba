/**
 * Issue 21 in the browser build: a heavy run in the worker keeps the view moving and answers at once.
 * Counted in steps, not timed: a frame whose steps ran long goes out with fewer than 10,000 of them, and
 * pause() then step(1) lands exactly one step after where the pause stopped the run.
 */
import { expect, openPreset, test } from './shared-page';
import { heavyRun, playHeavyRun } from './heavy-run';

// One page for the file (./shared-page.ts): its tests in order, each opening its preset afresh.
test.describe.configure({ mode: 'default' });

// 100,000 particles drawn by SwiftShader: on a loaded machine a page action alone can take tens of seconds.
test.describe.configure({ timeout: 180_000 });

test('the heavy run shows frames as it goes, and pause() then step(1) is answered before a frame’s steps are done', async ({ page }) => {
  await openPreset(page, 'bowl-cloud');
  await playHeavyRun(page);
  // Frames keep coming with fewer steps than a whole frame's 10,000: the view moves while the steps run.
  await expect.poll(() => page.evaluate(() => window.descentLab.state().step), { timeout: 30_000 }).toBeGreaterThan(0);
  const moving = await page.evaluate(() => window.descentLab.state().step);
  expect(moving).toBeLessThan(10_000);
  await expect.poll(() => page.evaluate(() => window.descentLab.state().step), { timeout: 30_000 }).toBeGreaterThan(moving);
  const answer = await page.evaluate(async () => {
    const started = performance.now();
    window.descentLab.pause();
    await window.descentLab.step(1);
    return { ms: performance.now() - started, state: window.descentLab.state() };
  });
  console.info(`heavy run in the browser: pause() then step(1) answered in ${answer.ms.toFixed(0)} ms, at step ${answer.state.step}`);
  expect(answer.state.status).toBe('paused');
  // Unsliced, the pause waited for the frame's 10,000 steps: the step would land on 10,000·k + 1.
  expect(answer.state.step % 10_000).not.toBe(1);
});

test('a long step(n) shows its progress under the scene, and Stop (or Esc) pauses it where it is', async ({ page }) => {
  await openPreset(page, 'bowl-cloud');
  await page.evaluate((scenario) => window.descentLab.load(scenario), heavyRun);
  const indicator = page.getByTestId('long-work');
  await expect(indicator).toBeHidden();
  // 100,000 steps of the heavy run would take minutes: the step's promise settles only once it is stopped.
  const stepAndStop = async (stop: () => Promise<void>) => {
    const before = await page.evaluate(() => window.descentLab.state().step);
    await page.evaluate(() => {
      (window as unknown as { stepping: Promise<string> }).stepping = window.descentLab.step(100_000).then(
        () => 'done',
        (error: Error) => error.message,
      );
    });
    await expect(indicator).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('long-work-text')).toHaveText(/^Stepping [\d,]+ \/ 100,000$/);
    await stop();
    const outcome = await page.evaluate(() => (window as unknown as { stepping: Promise<string> }).stepping);
    expect(outcome).toMatch(/^the steps were cancelled by a pause/);
    await expect(indicator).toBeHidden({ timeout: 30_000 });
    const state = await page.evaluate(() => window.descentLab.state());
    expect(state.status).toBe('paused');
    expect(state.step).toBeGreaterThan(before);
    expect(state.step).toBeLessThan(before + 100_000);
  };
  await stepAndStop(() => page.getByTestId('long-work-stop').click());
  await stepAndStop(() => page.keyboard.press('Escape'));
});
