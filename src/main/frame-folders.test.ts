import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { frameFileName, frameFolderLimits, pngSignature } from '../shared/frame-folders';
import { FrameFolders, type ChooseFolder } from './frame-folders';

const folders: string[] = [];
function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'descent-frames-'));
  folders.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A PNG's signature and one distinguishing byte (main checks only the signature; the page makes real PNGs). */
const png = (mark: number) => Uint8Array.from([...pngSignature, mark]);

/** FrameFolders whose dialog answers `answer` (null: cancelled), opened on a fresh default folder. */
function sequences(answer: (start: string) => string | null, writeFile?: (path: string, bytes: Uint8Array) => Promise<void>) {
  const choose = vi.fn<ChooseFolder>(async (start) => answer(start));
  const home = tempFolder();
  return { folders: new FrameFolders({ chooseFolder: choose, defaultFolder: () => home, writeFile }), choose, home };
}

async function begun(f: FrameFolders, name = 'bowl-frames'): Promise<{ id: number; name: string }> {
  const result = await f.begin({ name });
  if (!result.ok) throw new Error(`expected a sequence, got ${JSON.stringify(result)}`);
  return result;
}

describe('frameFileName', () => {
  it('numbers frames with five digits, so that a name sort is the frame order up to the last frame', () => {
    expect(frameFileName(1)).toBe('frame-00001.png');
    expect(frameFileName(frameFolderLimits.maxFrame)).toBe('frame-36000.png');
    const names = [10, 9, 100, 1].map(frameFileName);
    expect([...names].sort()).toEqual([1, 9, 10, 100].map(frameFileName));
  });
});

describe('FrameFolders', () => {
  it('writes into an empty chosen folder, whose frames appear only once finished, with no temporary folder left', async () => {
    const parent = tempFolder();
    const chosen = join(parent, 'frames');
    mkdirSync(chosen); // as the dialog's New Folder makes it
    const { folders: f } = sequences(() => chosen);
    const { id, name } = await begun(f);
    expect(name).toBe('frames');
    // Not awaited one by one: main keeps the page's order.
    expect(await Promise.all([1, 2, 3].map((index) => f.write({ id, index, bytes: png(index) })))).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(readdirSync(chosen)).toEqual([]);
    expect(await f.finish(id)).toEqual({ ok: true });
    expect(readdirSync(chosen).sort()).toEqual(['frame-00001.png', 'frame-00002.png', 'frame-00003.png']);
    expect([...readFileSync(join(chosen, 'frame-00002.png'))]).toEqual([...png(2)]);
    expect(readdirSync(parent)).toEqual(['frames']);
    expect(f.count).toBe(0);
  });

  it('puts the sequence in a new folder named after the recording when the chosen one has files, and never touches them', async () => {
    const chosen = tempFolder();
    writeFileSync(join(chosen, 'notes.txt'), 'mine');
    mkdirSync(join(chosen, 'bowl-frames')); // an earlier sequence: the new one takes the next free name
    const { folders: f } = sequences(() => chosen);
    const { id, name } = await begun(f, 'bowl-frames');
    expect(name).toBe('bowl-frames-2');
    await f.write({ id, index: 1, bytes: png(1) });
    expect(await f.finish(id)).toEqual({ ok: true });
    expect(readdirSync(chosen).sort()).toEqual(['bowl-frames', 'bowl-frames-2', 'notes.txt']);
    expect(readdirSync(join(chosen, 'bowl-frames-2'))).toEqual(['frame-00001.png']);
    expect(readFileSync(join(chosen, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('leaves nothing behind when cancelled mid-way: the chosen folder as it was, no temporary folder', async () => {
    const parent = tempFolder();
    const chosen = join(parent, 'frames');
    mkdirSync(chosen);
    const { folders: f } = sequences(() => chosen);
    const { id } = await begun(f);
    await f.write({ id, index: 1, bytes: png(1) });
    expect(readdirSync(parent)).toHaveLength(2); // the chosen folder and the temporary one beside it
    expect(await f.abort(id)).toEqual({ ok: true });
    expect(readdirSync(parent)).toEqual(['frames']);
    expect(readdirSync(chosen)).toEqual([]);
    expect(await f.finish(id)).toMatchObject({ ok: false }); // nothing left to finish
  });

  it('creates nothing when the dialog is cancelled, and opens the next dialog in the folder that holds the last sequence', async () => {
    const { folders: f, choose, home } = sequences(() => null);
    expect(await f.begin({ name: 'x' })).toEqual({ ok: false, cancelled: true });
    expect(choose).toHaveBeenLastCalledWith(home);
    expect(readdirSync(home)).toEqual([]);
    const elsewhere = tempFolder();
    writeFileSync(join(elsewhere, 'other.txt'), 'x'); // not empty: the sequence goes in a folder inside it
    choose.mockImplementation(async () => elsewhere);
    const { id } = await begun(f, 'seq');
    await f.abort(id);
    const again = await f.begin({ name: 'again' });
    if (again.ok) await f.abort(again.id);
    expect(choose).toHaveBeenLastCalledWith(elsewhere);
  });

  it('refuses every frame after a failed one, and finish removes the temporary folder and says why', async () => {
    const parent = tempFolder();
    let calls = 0;
    const { folders: f } = sequences(
      () => parent,
      async (path, bytes) => {
        // The second frame fails as a full disk would.
        if (++calls === 2) throw new Error('ENOSPC: no space left on device');
        writeFileSync(path, bytes);
      },
    );
    writeFileSync(join(parent, 'keep.txt'), 'x');
    const { id } = await begun(f);
    expect(await f.write({ id, index: 1, bytes: png(1) })).toEqual({ ok: true });
    expect(await f.write({ id, index: 2, bytes: png(2) })).toEqual({ ok: false, reason: expect.stringContaining('no space left') });
    expect(await f.write({ id, index: 3, bytes: png(3) })).toMatchObject({ ok: false });
    expect(calls).toBe(2); // the third was never tried
    expect(await f.finish(id)).toMatchObject({ ok: false, reason: expect.stringContaining('frame-00002.png') });
    expect(readdirSync(parent)).toEqual(['keep.txt']);
  });

  it('keeps files someone put in the chosen folder meanwhile, and removes its own', async () => {
    const parent = tempFolder();
    const chosen = join(parent, 'frames');
    mkdirSync(chosen);
    const { folders: f } = sequences(() => chosen);
    const { id } = await begun(f);
    await f.write({ id, index: 1, bytes: png(1) });
    writeFileSync(join(chosen, 'arrived.txt'), 'theirs');
    expect(await f.finish(id)).toMatchObject({ ok: false, reason: expect.stringContaining('“frames”') });
    expect(readdirSync(parent)).toEqual(['frames']);
    expect(readdirSync(chosen)).toEqual(['arrived.txt']);
  });

  it('reports a chosen folder that cannot be read, without starting a sequence', async () => {
    const { folders: f } = sequences(() => join(tempFolder(), 'gone'));
    expect(await f.begin({ name: 'x' })).toMatchObject({ ok: false, cancelled: false, reason: expect.stringContaining('“gone”') });
    expect(f.count).toBe(0);
  });

  it(`writes at most ${frameFolderLimits.maxOpenFolders} sequences at once, and abandons them all when the page goes away`, async () => {
    const parent = tempFolder();
    const { folders: f, choose } = sequences(() => parent);
    writeFileSync(join(parent, 'keep.txt'), 'x');
    for (let k = 0; k < frameFolderLimits.maxOpenFolders; k++) await begun(f, `s${k}`);
    expect(await f.begin({ name: 'one-more' })).toMatchObject({ ok: false, cancelled: false });
    expect(choose).toHaveBeenCalledTimes(frameFolderLimits.maxOpenFolders); // no dialog for the refused one
    await f.abortAll();
    expect(f.count).toBe(0);
    expect(readdirSync(parent)).toEqual(['keep.txt']);
  });

  it('answers frames for a number it never gave out', async () => {
    const { folders: f } = sequences(() => null);
    expect(await f.write({ id: 42, index: 1, bytes: png(1) })).toMatchObject({ ok: false });
  });
});
