/**
 * Issue 21 in the browser build: a heavy run in the worker keeps the view moving and answers at once.
 * Counted in steps, not timed: a frame whose steps ran long goes out with fewer than 10,000 of them, and
 * pause() then step(1) lands exactly one step after where the pause stopped the run.
 */
import { expect, test } from './fixtures';
import { playHeavyRun } from './heavy-run';

test('the heavy run shows frames as it goes, and pause() then step(1) is answered before a frame’s steps are done', async ({ page }) => {
  await page.goto('./?preset=bowl-cloud');
  await expect.poll(() => page.evaluate(() => window.descentLab.state().loaded)).toBe(true);
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
