import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { presets } from '../shared/presets';

// scenario-files.ts imports Electron for its dialogs, which these tests never open.
vi.mock('electron', () => ({ dialog: {} }));
const { ScenarioFiles } = await import('./scenario-files');
const { FileRequests } = await import('./file-requests');

const folder = mkdtempSync(join(tmpdir(), 'descent-requests-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const file = join(folder, 'double-clicked.descent');
const text = JSON.stringify(presets[0]!.scenario);
writeFileSync(file, text);

/** The lab as index.ts wires it: a window (or none), a ScenarioFiles whose page connects when told. */
function lab(windowOpen: boolean) {
  const send = vi.fn(() => true);
  const files = new ScenarioFiles({ dialogs: { chooseOpen: vi.fn(), chooseSave: vi.fn(), showError: vi.fn() }, send, remember: vi.fn(), forget: vi.fn() });
  let hasWindow = windowOpen;
  const openWindow = vi.fn(() => (hasWindow = true));
  const requests = new FileRequests({ hasWindow: () => hasWindow, openWindow });
  return { files, send, openWindow, requests };
}

describe('FileRequests', () => {
  it('on macOS with no window open, a file opened in the Finder opens a window, and the file in it', async () => {
    const { files, send, openWindow, requests } = lab(false);
    requests.ready(files);
    requests.open(file);
    expect(openWindow).toHaveBeenCalledOnce();
    // The new window's page connects: the file waiting for it is what it shows.
    expect(await files.pageConnected()).toBe(true);
    expect(send).toHaveBeenCalledWith({ name: 'double-clicked.descent', text });
  });

  it('with a window open, opens the file in it and opens no other window', async () => {
    const { files, send, openWindow, requests } = lab(true);
    await files.pageConnected();
    requests.ready(files);
    requests.open(file);
    await vi.waitFor(() => expect(send).toHaveBeenCalledWith({ name: 'double-clicked.descent', text }));
    expect(openWindow).not.toHaveBeenCalled();
  });

  it('before the app is ready, keeps the latest file for the first window, and opens no window itself', () => {
    const { files, openWindow, requests } = lab(false);
    requests.open(join(folder, 'first.descent'));
    requests.open(file);
    expect(openWindow).not.toHaveBeenCalled();
    expect(requests.ready(files)).toBe(file);
    expect(requests.ready(files)).toBeNull(); // handed over once
  });
});
