import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveLimits } from '../shared/saving';
import { AtomicFile } from './atomic-file';
import { FileSaves, withExtension, type ChooseSavePath } from './file-saves';

const folders: string[] = [];
function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'descent-saves-'));
  folders.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const bytes = (text: string) => new TextEncoder().encode(text);

/** FileSaves whose dialog answers `answer(defaultPath)` (null: the user cancelled). */
function saves(answer: (defaultPath: string) => string | null, create?: (path: string) => Promise<AtomicFile>) {
  const choose = vi.fn<ChooseSavePath>(async (defaultPath) => answer(defaultPath));
  const folder = tempFolder();
  return { saves: new FileSaves({ chooseSavePath: choose, defaultFolder: () => folder, create }), choose, folder };
}

describe('withExtension', () => {
  it("adds the kind's extension to a name typed without it, and keeps one that has it", () => {
    expect(withExtension('/d/run', 'csv')).toBe('/d/run.csv');
    expect(withExtension('/d/run.CSV', 'csv')).toBe('/d/run.CSV');
    expect(withExtension('/d/run.json', 'webm')).toBe('/d/run.json.webm');
  });
});

describe('FileSaves', () => {
  it('opens the dialog on the suggested name in the default folder, then in the folder last saved to', async () => {
    const other = tempFolder();
    const { saves: s, choose, folder } = saves((start) => (start.endsWith('first.csv') ? join(other, 'first.csv') : start));
    const first = await s.begin({ name: 'first.csv', kind: 'csv' });
    expect(choose).toHaveBeenLastCalledWith(join(folder, 'first.csv'), 'csv');
    if (!first.ok) throw new Error('expected a save');
    await s.abort(first.id);
    await s.begin({ name: 'second.csv', kind: 'csv' });
    expect(choose).toHaveBeenLastCalledWith(join(other, 'second.csv'), 'csv');
  });

  it('writes the chunks in order to the chosen name, which appears only when finished', async () => {
    const { saves: s, folder } = saves((start) => start);
    const begun = await s.begin({ name: 'trajectories.csv', kind: 'csv' });
    expect(begun).toMatchObject({ ok: true, name: 'trajectories.csv' });
    if (!begun.ok) return;
    // Not awaited one by one: the page's muxer fires writes without waiting, and main keeps their order.
    const writes = [
      s.write({ id: begun.id, bytes: bytes('a,b\n') }),
      s.write({ id: begun.id, bytes: bytes('1,2\n') }),
      s.write({ id: begun.id, bytes: bytes('A'), position: 0 }),
    ];
    expect(await Promise.all(writes)).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(existsSync(join(folder, 'trajectories.csv'))).toBe(false);
    expect(await s.finish(begun.id)).toEqual({ ok: true });
    expect(readFileSync(join(folder, 'trajectories.csv'), 'utf8')).toBe('A,b\n1,2\n');
    expect(readdirSync(folder)).toEqual(['trajectories.csv']);
    expect(s.count).toBe(0);
  });

  it('creates nothing when the dialog is cancelled', async () => {
    const { saves: s, folder } = saves(() => null);
    expect(await s.begin({ name: 'video.webm', kind: 'webm' })).toEqual({ ok: false, cancelled: true });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('leaves nothing behind when the page aborts mid-way, and an existing file untouched', async () => {
    const { saves: s, folder } = saves((start) => start);
    writeFileSync(join(folder, 'video.webm'), 'the video from yesterday');
    const begun = await s.begin({ name: 'video.webm', kind: 'webm' });
    if (!begun.ok) throw new Error('expected a save');
    await s.write({ id: begun.id, bytes: bytes('half a video') });
    expect(await s.abort(begun.id)).toEqual({ ok: true });
    expect(readdirSync(folder)).toEqual(['video.webm']);
    expect(readFileSync(join(folder, 'video.webm'), 'utf8')).toBe('the video from yesterday');
    // A finish after the abort finds nothing to finish.
    expect(await s.finish(begun.id)).toMatchObject({ ok: false });
  });

  it('refuses every write after a failed one, and finish then discards the file', async () => {
    const { saves: s, folder } = saves(
      (start) => start,
      async (path) => {
        const file = await AtomicFile.create(path);
        let calls = 0;
        const write = file.write.bind(file);
        // The second write fails as a full disk would.
        file.write = async (data, position) => (++calls === 2 ? Promise.reject(new Error('ENOSPC: no space left on device')) : write(data, position));
        return file;
      },
    );
    const begun = await s.begin({ name: 'big.json', kind: 'json' });
    if (!begun.ok) throw new Error('expected a save');
    expect(await s.write({ id: begun.id, bytes: bytes('[') })).toEqual({ ok: true });
    expect(await s.write({ id: begun.id, bytes: bytes('1') })).toEqual({ ok: false, reason: expect.stringContaining('no space left') });
    expect(await s.write({ id: begun.id, bytes: bytes(']') })).toMatchObject({ ok: false });
    expect(await s.finish(begun.id)).toMatchObject({ ok: false, reason: expect.stringContaining('no space left') });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('reports a file that cannot be created (a folder that does not exist) without opening a save', async () => {
    const { saves: s } = saves(() => join(tempFolder(), 'gone', 'x.png'));
    expect(await s.begin({ name: 'x.png', kind: 'png' })).toMatchObject({ ok: false, cancelled: false, reason: expect.stringContaining('x.png') });
    expect(s.count).toBe(0);
  });

  it('abandons every unfinished file when the page goes away', async () => {
    const { saves: s, folder } = saves((start) => start);
    for (const name of ['a.csv', 'b.csv']) {
      const begun = await s.begin({ name, kind: 'csv' });
      if (begun.ok) await s.write({ id: begun.id, bytes: bytes('x') });
    }
    await s.abortAll();
    expect(s.count).toBe(0);
    expect(readdirSync(folder)).toEqual([]);
  });

  it(`opens at most ${saveLimits.maxOpenFiles} files at once`, async () => {
    const { saves: s, choose } = saves((start) => start);
    for (let k = 0; k < saveLimits.maxOpenFiles; k++) expect(await s.begin({ name: `f${k}.csv`, kind: 'csv' })).toMatchObject({ ok: true });
    expect(await s.begin({ name: 'one-more.csv', kind: 'csv' })).toMatchObject({ ok: false, cancelled: false });
    expect(choose).toHaveBeenCalledTimes(saveLimits.maxOpenFiles); // no dialog for the refused one
    await s.abortAll();
  });

  it('answers writes for a number it never gave out', async () => {
    const { saves: s } = saves((start) => start);
    expect(await s.write({ id: 42, bytes: bytes('x') })).toMatchObject({ ok: false });
  });
});
