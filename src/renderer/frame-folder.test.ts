import { describe, expect, it, vi } from 'vitest';
import type { SaveStepResult } from '../shared/saving';
import { canWriteFolders, chooseFrameFolder, type DirectoryHandle, type FolderEnvironment } from './frame-folder';

/** An in-memory folder with the File System Access API's shape: names to bytes, or to folders. */
class FakeFolder implements DirectoryHandle {
  readonly entries = new Map<string, Uint8Array | FakeFolder>();
  constructor(readonly name: string) {}
  async *keys(): AsyncIterable<string> {
    yield* this.entries.keys();
  }
  async getDirectoryHandle(name: string): Promise<FakeFolder> {
    const existing = this.entries.get(name);
    if (existing instanceof FakeFolder) return existing;
    const made = new FakeFolder(name);
    this.entries.set(name, made);
    return made;
  }
  async getFileHandle(name: string) {
    return {
      createWritable: async () => ({
        write: async (data: Uint8Array) => void this.entries.set(name, data),
        close: async () => {},
      }),
    };
  }
  async removeEntry(name: string): Promise<void> {
    this.entries.delete(name);
  }
  /** The tree as plain data, for comparisons. */
  tree(): Record<string, unknown> {
    return Object.fromEntries([...this.entries].map(([name, v]) => [name, v instanceof FakeFolder ? v.tree() : [...v]]));
  }
}

const picking = (folder: FakeFolder): FolderEnvironment => ({ showDirectoryPicker: async () => folder });

describe('a PNG sequence in a browser with a folder picker', () => {
  it('writes numbered frames into the chosen folder when it is empty, and a cancel removes them', async () => {
    const chosen = new FakeFolder('frames');
    const choice = await chooseFrameFolder('bowl-frames', picking(chosen));
    if (choice.kind !== 'folder') throw new Error('expected a folder');
    expect(choice.target.name).toBe('frames');
    await choice.target.writeFrame(1, Uint8Array.of(1));
    await choice.target.writeFrame(2, Uint8Array.of(2));
    expect(chosen.tree()).toEqual({ 'frame-00001.png': [1], 'frame-00002.png': [2] });
    await choice.target.abort();
    expect(chosen.tree()).toEqual({});
  });

  it('puts the frames in a new folder named after the recording when the chosen one has files, and a cancel removes only that folder', async () => {
    const chosen = new FakeFolder('Videos');
    chosen.entries.set('holiday.mp4', Uint8Array.of(9));
    chosen.entries.set('bowl-frames', new FakeFolder('bowl-frames')); // an earlier sequence
    const choice = await chooseFrameFolder('bowl-frames', picking(chosen));
    if (choice.kind !== 'folder') throw new Error('expected a folder');
    expect(choice.target.name).toBe('bowl-frames-2');
    await choice.target.writeFrame(1, Uint8Array.of(1));
    await choice.target.close();
    expect(chosen.tree()).toEqual({ 'holiday.mp4': [9], 'bowl-frames': {}, 'bowl-frames-2': { 'frame-00001.png': [1] } });
    await choice.target.abort();
    expect(chosen.tree()).toEqual({ 'holiday.mp4': [9], 'bowl-frames': {} });
  });

  it('is cancelled when the picker is dismissed, and a download (.zip) when there is no picker', async () => {
    const dismissed: FolderEnvironment = {
      showDirectoryPicker: async () => {
        throw new DOMException('The user aborted a request.', 'AbortError');
      },
    };
    expect(await chooseFrameFolder('x', dismissed)).toEqual({ kind: 'cancelled' });
    expect(await chooseFrameFolder('x', {})).toEqual({ kind: 'download' });
    expect(canWriteFolders({})).toBe(false);
    expect(canWriteFolders(picking(new FakeFolder('f')))).toBe(true);
  });
});

describe('a PNG sequence in the desktop app', () => {
  function bridge(answers: SaveStepResult[] = []) {
    const calls: unknown[][] = [];
    const step = (name: string) =>
      vi.fn(async (...args: unknown[]): Promise<SaveStepResult> => {
        calls.push([name, ...args]);
        return name === 'write' ? (answers.shift() ?? { ok: true }) : { ok: true };
      });
    const desktop = {
      beginFrames: vi.fn(async () => ({ ok: true as const, id: 5, name: 'frames' })),
      writeFrame: step('write'),
      finishFrames: step('finish'),
      abortFrames: step('abort'),
    };
    return { desktop, calls };
  }

  it("sends each frame's number and bytes to main, and finishes", async () => {
    const { desktop, calls } = bridge();
    const choice = await chooseFrameFolder('bowl-frames', { descentDesktop: desktop });
    if (choice.kind !== 'folder') throw new Error('expected a folder');
    expect(desktop.beginFrames).toHaveBeenCalledWith({ name: 'bowl-frames' });
    await choice.target.writeFrame(1, Uint8Array.of(1));
    await choice.target.close();
    expect(calls).toEqual([
      ['write', 5, 1, Uint8Array.of(1)],
      ['finish', 5],
    ]);
  });

  it('fails every frame after one main refused, and close then abandons the sequence with that reason', async () => {
    const { desktop, calls } = bridge([{ ok: true }, { ok: false, reason: '“frame-00002.png” could not be written: ENOSPC' }]);
    const choice = await chooseFrameFolder('bowl-frames', { descentDesktop: desktop });
    if (choice.kind !== 'folder') throw new Error('expected a folder');
    await choice.target.writeFrame(1, Uint8Array.of(1));
    await expect(choice.target.writeFrame(2, Uint8Array.of(2))).rejects.toThrow(/ENOSPC/);
    await expect(choice.target.writeFrame(3, Uint8Array.of(3))).rejects.toThrow(/ENOSPC/);
    await expect(choice.target.close()).rejects.toThrow(/ENOSPC/);
    expect(calls.map((c) => c[0])).toEqual(['write', 'write', 'abort']);
  });

  it("says main's reason when the folder cannot be used, and is cancelled with the dialog", async () => {
    const { desktop } = bridge();
    desktop.beginFrames.mockResolvedValueOnce({ ok: false, cancelled: false, reason: 'The folder “x” cannot be read' } as never);
    await expect(chooseFrameFolder('x', { descentDesktop: desktop })).rejects.toThrow('The folder “x” cannot be read');
    desktop.beginFrames.mockResolvedValueOnce({ ok: false, cancelled: true } as never);
    expect(await chooseFrameFolder('x', { descentDesktop: desktop })).toEqual({ kind: 'cancelled' });
  });
});
