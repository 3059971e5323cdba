import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AtomicFile } from './atomic-file';

const folders: string[] = [];
function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'descent-atomic-file-'));
  folders.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const bytes = (text: string) => new TextEncoder().encode(text);

describe('AtomicFile', () => {
  it('shows nothing under the name until committed, then exactly the bytes written', async () => {
    const folder = tempFolder();
    const target = join(folder, 'run.csv');
    const file = await AtomicFile.create(target);
    await file.write(bytes('step,loss\n'));
    await file.write(bytes('1,0.5\n'));
    expect(readdirSync(folder)).not.toContain('run.csv');
    await file.commit();
    expect(readFileSync(target, 'utf8')).toBe('step,loss\n1,0.5\n');
    expect(readdirSync(folder)).toEqual(['run.csv']);
  });

  it('writes at a position, as a muxer filling in a size it learned at the end', async () => {
    const folder = tempFolder();
    const target = join(folder, 'video.webm');
    const file = await AtomicFile.create(target);
    await file.write(bytes('HEAD????'));
    await file.write(bytes('body'));
    await file.write(bytes('1234'), 4);
    expect(file.size).toBe(12);
    await file.commit();
    expect(readFileSync(target, 'utf8')).toBe('HEAD1234body');
  });

  it('leaves no file at all when discarded, and keeps an existing file as it was', async () => {
    const folder = tempFolder();
    const fresh = await AtomicFile.create(join(folder, 'new.json'));
    await fresh.write(bytes('{"partial":'));
    await fresh.discard();
    await fresh.discard(); // twice is harmless
    expect(readdirSync(folder)).toEqual([]);

    const existing = join(folder, 'kept.json');
    writeFileSync(existing, 'old contents');
    const replacing = await AtomicFile.create(existing);
    await replacing.write(bytes('new'));
    expect(readFileSync(existing, 'utf8')).toBe('old contents');
    await replacing.discard();
    expect(readFileSync(existing, 'utf8')).toBe('old contents');
    expect(readdirSync(folder)).toEqual(['kept.json']);
  });

  it('removes its temporary file when the rename fails, and throws', async () => {
    const folder = tempFolder();
    // A non-empty folder where the file should go: the data is written, then the rename fails.
    const target = join(folder, 'target');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), 'kept');
    const file = await AtomicFile.create(target);
    await file.write(bytes('data'));
    await expect(file.commit()).rejects.toThrow();
    expect(readdirSync(folder)).toEqual(['target']);
  });

  it('refuses writes once committed or discarded', async () => {
    const file = await AtomicFile.create(join(tempFolder(), 'a.png'));
    await file.discard();
    await expect(file.write(bytes('x'))).rejects.toThrow(/already completed or abandoned/);
    await expect(file.commit()).rejects.toThrow(/already completed or abandoned/);
  });
});
