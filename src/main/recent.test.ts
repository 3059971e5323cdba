import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addRecent, existingRecent, fileExists, removeRecent } from './recent';

const abs = (name: string) => resolve('/data', name);

describe('the recent files list', () => {
  it('puts the newest first, each path once', () => {
    let list: string[] = [];
    for (const name of ['a.json', 'b.json', 'a.json', 'c.json']) list = addRecent(list, abs(name));
    expect(list).toEqual([abs('c.json'), abs('a.json'), abs('b.json')]);
  });

  it('keeps at most ten, dropping the oldest', () => {
    let list: string[] = [];
    for (let k = 0; k < 12; k++) list = addRecent(list, abs(`${k}.json`));
    expect(list).toHaveLength(10);
    expect(list[0]).toBe(abs('11.json'));
    expect(list.at(-1)).toBe(abs('2.json'));
  });

  it('stores absolute paths, so a relative path from the command line matches later opens', () => {
    expect(addRecent([], 'x.descent.json')).toEqual([resolve('x.descent.json')]);
    expect(removeRecent([resolve('x.descent.json')], 'x.descent.json')).toEqual([]);
  });

  it('drops files that no longer exist', () => {
    const folder = mkdtempSync(join(tmpdir(), 'descent-recent-'));
    try {
      const here = join(folder, 'here.json');
      writeFileSync(here, '{}');
      expect(existingRecent([join(folder, 'gone.json'), here, folder])).toEqual([here]);
      expect(fileExists(here)).toBe(true);
      expect(fileExists(folder)).toBe(false);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    expect(existingRecent(['/a', '/b'], (p) => p === '/b')).toEqual(['/b']);
  });
});
