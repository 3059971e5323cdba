/**
 * The run of issue 21, shared by the web and desktop specs: 100,000 Adam particles on Rosenbrock at
 * 10,000 steps a frame (both within the panel's limits). Unsliced, one frame's steps took about 11 s.
 */
import type { Page } from '@playwright/test';
import { findPreset } from '../src/shared/presets';

export const heavyRun = {
  ...findPreset('rosenbrock')!.scenario,
  name: 'heavy',
  init: { dist: 'uniform', min: [-2, -1], max: [2, 3], count: 100_000 },
  optimizer: { kind: 'adam', alpha: 0.01 },
  tolerance: null,
  epochs: 10_000_000,
};

/** Loads the heavy run, sets 10,000 steps a frame in the panel, and plays. */
export async function playHeavyRun(page: Page): Promise<void> {
  await page.evaluate((scenario) => window.descentLab.load(scenario), heavyRun);
  await page.getByLabel('Steps per frame').fill('10000');
  await page.getByLabel('Steps per frame').press('Enter');
  await page.evaluate(() => window.descentLab.play());
}
