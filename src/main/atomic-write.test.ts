import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write';

const folders: string[] = [];
function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'descent-atomic-'));
  folders.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) {
    chmodSync(folder, 0o700);
    rmSync(folder, { recursive: true, force: true });
  }
});

describe('writeFileAtomic', () => {
  it('creates and replaces a file, leaving no temporary file', () => {
    const folder = tempFolder();
    const file = join(folder, 'a.json');
    writeFileAtomic(file, 'first');
    writeFileAtomic(file, 'second, longer: é∑');
    expect(readFileSync(file, 'utf8')).toBe('second, longer: é∑');
    expect(readdirSync(folder)).toEqual(['a.json']);
  });

  it('removes its temporary file when the rename fails, and throws', () => {
    const folder = tempFolder();
    // A non-empty folder where the file should go: the temporary file is written, then the rename fails.
    const target = join(folder, 'target');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), 'kept');
    expect(() => writeFileAtomic(target, 'new')).toThrow();
    expect(readdirSync(folder)).toEqual(['target']);
    expect(readFileSync(join(target, 'inside'), 'utf8')).toBe('kept');
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('throws without touching the target in a read-only folder', () => {
    const folder = tempFolder();
    const file = join(folder, 'a.json');
    writeFileSync(file, 'old');
    chmodSync(folder, 0o500);
    expect(() => writeFileAtomic(file, 'new')).toThrow();
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(folder)).toEqual(['a.json']);
  });
});
