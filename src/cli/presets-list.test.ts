/** `lab presets`: a table to read, one line a preset (CONTRACTS §10), and `--json` for programs. */
import { describe, expect, it } from 'vitest';
import { presets } from '../shared/presets';
import { lab } from './testing';

describe('lab presets', () => {
  it('prints a table: a header, then one line per preset with its name, model and title', async () => {
    const r = await lab(['presets']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^name +model +title$/);
    const rows = lines.slice(1, 1 + presets.length);
    rows.forEach((row, k) => {
      expect(row.startsWith(presets[k].name + ' ')).toBe(true);
      expect(row.endsWith(presets[k].title)).toBe(true);
    });
    expect(lines[1 + presets.length]).toBe('');
    expect(r.stdout).not.toContain('{');
  });

  it('names each model in a few words, in aligned columns', async () => {
    const lines = (await lab(['presets'])).stdout.split('\n');
    const row = (name: string) => lines.find((l) => l.startsWith(name + ' '))!;
    // Models as src/shared/presets.ts writes them.
    expect(row('bowl')).toMatch(/^bowl +surface bowl +Paraboloid, one path$/);
    expect(row('two-layer-net')).toMatch(/ mlp 3-2-2 /);
    expect(row('regression-eta-0.1')).toMatch(/ linear /);
    expect(row('race-valley')).toMatch(/ surface valley, race of 4 /);
    const titleColumn = lines[0].indexOf('title');
    for (const preset of presets) expect(row(preset.name).indexOf(preset.title)).toBe(titleColumn);
  });

  it('--json prints the machine form: every preset with its group, title, source and lesson', async () => {
    const r = await lab(['presets', '--json']);
    expect(r.code).toBe(0);
    const list = r.json();
    expect(list.map((p: { name: string }) => p.name)).toEqual(presets.map((p) => p.name));
    expect(Object.keys(list[0])).toEqual(['name', 'group', 'title', 'source', 'lesson']);
    expect(list.every((p: { lesson: string }) => p.lesson.length > 40)).toBe(true);
  });
});
