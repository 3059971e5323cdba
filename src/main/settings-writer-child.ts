/**
 * Test helper for settings.test.ts (built to a temporary folder and forked, then killed at random moments):
 * saves ever-growing settings into the folder given as argv[2] as fast as it can, reporting each write.
 */
import { defaultSettings, saveSettings } from './settings';

const folder = process.argv[2];
if (!folder) throw new Error('usage: settings-writer-child <folder>');
for (let n = 1; ; n++) {
  // Growing content: later writes take longer, so a kill lands inside a write more often.
  saveSettings(folder, { ...defaultSettings(), lastFile: `/writes/${n}.descent.json`, lastScenario: JSON.stringify({ n, pad: 'x'.repeat(n * 512) }) });
  process.send?.(n);
}
