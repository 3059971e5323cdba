import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { ipcChannels } from '../shared/desktop';
import { findPreset } from '../shared/presets';
import { frameFolderLimits, pngSignature } from '../shared/frame-folders';
import { saveLimits } from '../shared/saving';

// Electron as recorders: ipcMain's handlers, the save dialog's answer, the clipboard.
const electron = vi.hoisted(() => {
  const handlers = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  return {
    handlers,
    ipcMain: {
      handle: vi.fn((channel: string, handler: (...args: unknown[]) => Promise<unknown>) => {
        if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        handlers.set(channel, handler);
      }),
      removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    },
    dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn(), showMessageBox: vi.fn() },
    clipboard: { writeText: vi.fn() },
  };
});
vi.mock('electron', () => ({ ipcMain: electron.ipcMain, dialog: electron.dialog, clipboard: electron.clipboard }));

const { electronFolderDialog, electronSaveDialog, registerSaveIpc } = await import('./save-ipc');
const { FileSaves } = await import('./file-saves');
const { FrameFolders } = await import('./frame-folders');

const folders: string[] = [];
function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'descent-save-ipc-'));
  folders.push(folder);
  return folder;
}

function fakeWindow(url = 'app://lab/index.html') {
  const mainFrame = { processId: 4, routingId: 1, url };
  const webContents = { mainFrame };
  return { webContents, mainFrame, window: { webContents, isDestroyed: () => false } as unknown as BrowserWindow };
}
const ours = fakeWindow();
const fromPage = { sender: ours.webContents, senderFrame: ours.mainFrame } as unknown as IpcMainInvokeEvent;
const foreign = { sender: {}, senderFrame: { processId: 9, routingId: 1, url: 'https://example.com/' } } as unknown as IpcMainInvokeEvent;

function invoke(channel: string, event: IpcMainInvokeEvent, ...args: unknown[]): Promise<unknown> {
  const handler = electron.handlers.get(channel);
  if (!handler) throw new Error(`no handler on ${channel}`);
  return handler(event, ...args);
}

let folder: string;
let stop: () => void;
let warn: ReturnType<typeof vi.fn<(message: string) => void>>;
beforeEach(() => {
  folder = tempFolder();
  electron.dialog.showSaveDialog.mockReset();
  electron.dialog.showOpenDialog.mockReset();
  electron.clipboard.writeText.mockReset();
  warn = vi.fn<(message: string) => void>();
  const saves = new FileSaves({ chooseSavePath: electronSaveDialog(() => ours.window), defaultFolder: () => folder });
  const frames = new FrameFolders({ chooseFolder: electronFolderDialog(() => ours.window), defaultFolder: () => folder });
  stop = registerSaveIpc(ours.window, saves, frames, { warn });
});
afterEach(() => {
  stop();
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

describe('saving through main', () => {
  it('answers exactly the four save channels, the four PNG-sequence channels and Copy scenario, and stops answering when told', () => {
    expect([...electron.handlers.keys()].sort()).toEqual(
      [
        ipcChannels.abortSave,
        ipcChannels.beginSave,
        ipcChannels.copyScenario,
        ipcChannels.finishSave,
        ipcChannels.writeSave,
        ipcChannels.beginFrames,
        ipcChannels.writeFrame,
        ipcChannels.finishFrames,
        ipcChannels.abortFrames,
      ].sort(),
    );
    stop();
    expect(electron.handlers.size).toBe(0);
    stop = () => {};
  });

  it("writes an export through Electron's save dialog to the chosen file, which exists only once finished", async () => {
    const chosen = join(folder, 'bowl-trajectories.csv');
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: chosen });
    const begun = (await invoke(ipcChannels.beginSave, fromPage, { name: 'bowl-trajectories.csv', kind: 'csv' })) as { ok: boolean; id: number; name: string };
    expect(begun).toEqual({ ok: true, id: expect.any(Number), name: 'bowl-trajectories.csv' });
    // The dialog is the window's own, filtered to CSV, and asks before replacing a file.
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(
      ours.window,
      expect.objectContaining({
        defaultPath: join(folder, 'bowl-trajectories.csv'),
        filters: [{ name: 'CSV', extensions: ['csv'] }],
        properties: expect.arrayContaining(['showOverwriteConfirmation']),
      }),
    );
    expect(await invoke(ipcChannels.writeSave, fromPage, { id: begun.id, bytes: new TextEncoder().encode('step,x\n0,1\n') })).toEqual({ ok: true });
    expect(readdirSync(folder)).not.toContain('bowl-trajectories.csv');
    expect(await invoke(ipcChannels.finishSave, fromPage, { id: begun.id })).toEqual({ ok: true });
    expect(readFileSync(chosen, 'utf8')).toBe('step,x\n0,1\n');
  });

  it('creates nothing when the dialog is cancelled', async () => {
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    expect(await invoke(ipcChannels.beginSave, fromPage, { name: 'run.webm', kind: 'webm' })).toEqual({ ok: false, cancelled: true });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('removes a half-written file when the page aborts', async () => {
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: join(folder, 'run.webm') });
    const begun = (await invoke(ipcChannels.beginSave, fromPage, { name: 'run.webm', kind: 'webm' })) as { id: number };
    await invoke(ipcChannels.writeSave, fromPage, { id: begun.id, bytes: new Uint8Array(1000), position: 0 });
    expect(await invoke(ipcChannels.abortSave, fromPage, { id: begun.id })).toEqual({ ok: true });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('refuses a foreign sender before showing any dialog', async () => {
    expect(await invoke(ipcChannels.beginSave, foreign, { name: 'a.csv', kind: 'csv' })).toMatchObject({ ok: false, cancelled: false });
    expect(await invoke(ipcChannels.writeSave, foreign, { id: 1, bytes: new Uint8Array(1) })).toMatchObject({ ok: false });
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('foreign sender'));
  });

  it.each([
    ['a path instead of a name', ipcChannels.beginSave, [{ name: '../../.bashrc', kind: 'csv' }]],
    ['a Windows path', ipcChannels.beginSave, [{ name: 'C:\\Windows\\x.csv', kind: 'csv' }]],
    ['an unknown kind', ipcChannels.beginSave, [{ name: 'a.exe', kind: 'exe' }]],
    ['an extra field', ipcChannels.beginSave, [{ name: 'a.csv', kind: 'csv', path: '/tmp/a.csv' }]],
    ['two arguments', ipcChannels.beginSave, [{ name: 'a.csv', kind: 'csv' }, 'extra']],
    ['text instead of bytes', ipcChannels.writeSave, [{ id: 1, bytes: 'text' }]],
    ['a negative position', ipcChannels.writeSave, [{ id: 1, bytes: new Uint8Array(1), position: -1 }]],
    ['a position past the largest file', ipcChannels.writeSave, [{ id: 1, bytes: new Uint8Array(2), position: saveLimits.maxFileBytes - 1 }]],
    ['too many bytes at once', ipcChannels.writeSave, [{ id: 1, bytes: new Uint8Array(saveLimits.maxChunkBytes + 1) }]],
    ['a fractional id', ipcChannels.finishSave, [{ id: 1.5 }]],
    ['no id', ipcChannels.abortSave, [{}]],
  ])('refuses %s, without a dialog or a file', async (_what, channel, args) => {
    expect(await invoke(channel, fromPage, ...args)).toMatchObject({ ok: false });
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('a PNG sequence through main', () => {
  const png = (mark: number) => Uint8Array.from([...pngSignature, mark]);

  it("writes numbered frames into the folder chosen in Electron's folder dialog, which has them only once finished", async () => {
    const chosen = join(folder, 'frames');
    mkdirSync(chosen);
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [chosen] });
    const begun = (await invoke(ipcChannels.beginFrames, fromPage, { name: 'bowl-frames' })) as { ok: boolean; id: number; name: string };
    expect(begun).toEqual({ ok: true, id: expect.any(Number), name: 'frames' });
    // The window's own dialog, for a folder, with New Folder.
    expect(electron.dialog.showOpenDialog).toHaveBeenCalledWith(
      ours.window,
      expect.objectContaining({ defaultPath: folder, properties: ['openDirectory', 'createDirectory'] }),
    );
    for (const index of [1, 2]) expect(await invoke(ipcChannels.writeFrame, fromPage, { id: begun.id, index, bytes: png(index) })).toEqual({ ok: true });
    expect(readdirSync(chosen)).toEqual([]);
    expect(await invoke(ipcChannels.finishFrames, fromPage, { id: begun.id })).toEqual({ ok: true });
    expect(readdirSync(chosen).sort()).toEqual(['frame-00001.png', 'frame-00002.png']);
    expect(readdirSync(folder)).toEqual(['frames']);
  });

  it('removes the frames written so far when the page aborts, and creates nothing when the dialog is cancelled', async () => {
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await invoke(ipcChannels.beginFrames, fromPage, { name: 'run' })).toEqual({ ok: false, cancelled: true });
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [folder] });
    const begun = (await invoke(ipcChannels.beginFrames, fromPage, { name: 'run' })) as { id: number };
    await invoke(ipcChannels.writeFrame, fromPage, { id: begun.id, index: 1, bytes: png(1) });
    expect(await invoke(ipcChannels.abortFrames, fromPage, { id: begun.id })).toEqual({ ok: true });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('refuses a foreign sender before showing any dialog', async () => {
    expect(await invoke(ipcChannels.beginFrames, foreign, { name: 'run' })).toMatchObject({ ok: false, cancelled: false });
    expect(await invoke(ipcChannels.writeFrame, foreign, { id: 1, index: 1, bytes: png(1) })).toMatchObject({ ok: false });
    expect(electron.dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('foreign sender'));
  });

  it.each([
    ['a path instead of a name', ipcChannels.beginFrames, [{ name: '../outside' }]],
    ['a path chosen by the page', ipcChannels.beginFrames, [{ name: 'run', folder: '/tmp' }]],
    ['a file name instead of a frame number', ipcChannels.writeFrame, [{ id: 1, index: '../../x.png', bytes: png(1) }]],
    ['frame 0 (numbers start at 1)', ipcChannels.writeFrame, [{ id: 1, index: 0, bytes: png(1) }]],
    ['a frame past the last', ipcChannels.writeFrame, [{ id: 1, index: frameFolderLimits.maxFrame + 1, bytes: png(1) }]],
    ['bytes that are not a PNG', ipcChannels.writeFrame, [{ id: 1, index: 1, bytes: new TextEncoder().encode('#!/bin/sh\nrm -rf ~\n') }]],
    ['a frame larger than the limit', ipcChannels.writeFrame, [{ id: 1, index: 1, bytes: new Uint8Array(frameFolderLimits.maxFrameBytes + 1) }]],
    ['an extra field', ipcChannels.finishFrames, [{ id: 1, name: 'x' }]],
    ['no id', ipcChannels.abortFrames, [{}]],
  ])('refuses %s, without a dialog or a file', async (_what, channel, args) => {
    expect(await invoke(channel, fromPage, ...args)).toMatchObject({ ok: false });
    expect(electron.dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(readdirSync(folder)).toEqual([]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('malformed'));
  });
});

describe('Copy scenario', () => {
  const text = JSON.stringify(findPreset('bowl')!.scenario);

  it("puts a valid scenario on the clipboard with main's clipboard", async () => {
    expect(await invoke(ipcChannels.copyScenario, fromPage, text)).toBe(true);
    expect(electron.clipboard.writeText).toHaveBeenCalledWith(text);
  });

  it('refuses anything but a valid scenario, and a foreign sender', async () => {
    expect(await invoke(ipcChannels.copyScenario, fromPage, 'rm -rf ~')).toBe(false);
    expect(await invoke(ipcChannels.copyScenario, fromPage, { text })).toBe(false);
    expect(await invoke(ipcChannels.copyScenario, foreign, text)).toBe(false);
    expect(electron.clipboard.writeText).not.toHaveBeenCalled();
  });
});
