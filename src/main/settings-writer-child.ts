/**
 * Test helper for settings.test.ts (built to a temporary folder and forked, then killed at random moments):
 * saves ever-growing settings into the folder given as argv[2] as fast as it can, reporting each write.
 */
import { defaultSettings, saveSettings } from './settings';

const folder = process.argv[2];
if (!folder) throw new Error('usage: settings-writer-child <folder>');
// Orphaned (the test that forked it timed out, or its worker was ended), it stops: its parent changes (to
// init), which the loop can see without an event loop turn. A leaked writer once ran for 20 minutes.
const parent = process.ppid;
for (let n = 1; process.ppid === parent; n++) {
  // Growing content: later writes take longer, so a kill lands inside a write more often.
  saveSettings(folder, { ...defaultSettings(), lastFile: `/writes/${n}.descent.json`, lastScenario: JSON.stringify({ n, pad: 'x'.repeat(n * 512) }) });
  process.send?.(n);
}
