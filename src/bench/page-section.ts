/**
 * The page in headless Chromium: start-up to the first drawn frame, frames per second at 10k, 100k and 1M
 * particles, and the JS heap over a minute of playing. A script section: ./page-script.mjs drives the browser.
 */
import type { ScriptSection } from './section';

export const pageSection: ScriptSection = {
  id: 'page',
  title: 'The page in headless Chromium',
  script: 'src/bench/page-script.mjs',
};
