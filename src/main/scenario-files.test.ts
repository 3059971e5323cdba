import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { presets } from '../shared/presets';
import { parseScenarioText } from '../shared/validate';

vi.mock('electron', () => ({ dialog: {} }));

const { readScenarioFile, refusal, ScenarioFiles, scenarioFilters, scenarioPathFromArgv, withScenarioExtension, writeScenarioFile } =
  await import('./scenario-files');

const folder = mkdtempSync(join(tmpdir(), 'descent-files-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// A built-in preset: a scenario known to be valid.
const valid = JSON.stringify(presets[0]!.scenario, null, 2);
// The same with one typo: exactly one problem.
const invalid = JSON.stringify({ ...presets[0]!.scenario, optimiser: {} });
const invalidReason = 'The scenario was not saved: optimiser: unknown key (a typo? see docs/scenario.md).';

function file(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

describe('readScenarioFile', () => {
  it('reads a file into its name and text, without a byte-order mark', async () => {
    const path = file('bowl.descent.json', `\ufeff${valid}`);
    expect(await readScenarioFile(path)).toEqual({ ok: true, file: { name: 'bowl.descent.json', text: valid } });
  });

  it('refuses a file over the size cap from its size alone', async () => {
    const path = file('huge.descent.json', '');
    truncateSync(path, 9 * 1048576); // sparse: 9 MiB that is never read
    const result = await readScenarioFile(path);
    expect(result).toEqual({ ok: false, reason: '“huge.descent.json” is 9 MiB; scenario files are limited to 8 MiB. The current experiment is unchanged.' });
    expect(await readScenarioFile(file('small.json', '12345'), 4)).toMatchObject({ ok: false, reason: expect.stringContaining('limited to') });
  });

  // A linear fit whose data is a CSV file beside the scenario (docs/scenario.md, "Data"), as the command line reads it.
  const csvScenario = (csv: string) =>
    JSON.stringify({
      version: 1,
      name: 'houses',
      model: { kind: 'linear', bias: true },
      data: { csv, x: ['size'], y: ['price'] },
      init: { dist: 'gaussian', mean: [0, 0], std: 1, count: 4 },
      optimizer: { kind: 'gd', alpha: 0.01 },
      epochs: 10,
    });

  it('reads the CSV file a scenario names beside it and hands the page its rows inline', async () => {
    file('houses.csv', '"size",price,rooms\r\n1,2,9\r\n\r\n3,"4"\r\n');
    const result = await readScenarioFile(file('houses.descent', csvScenario('houses.csv')));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file.name).toBe('houses.descent');
    const sent = JSON.parse(result.file.text) as { name: string; data: unknown; optimizer: unknown };
    expect(sent.data).toEqual({ x: [[1], [3]], y: [[2], [4]], names: { x: ['size'], y: ['price'] } }); // the header's names go along (issue 22)
    expect(sent).toMatchObject({ name: 'houses', optimizer: { kind: 'gd', alpha: 0.01 } });
    expect(parseScenarioText(result.file.text).ok).toBe(true);
  });

  it('refuses a scenario whose CSV file is missing or has a bad cell, naming the line', async () => {
    expect(await readScenarioFile(file('lost.descent', csvScenario('nowhere.csv')))).toEqual({
      ok: false,
      reason: `“lost.descent” could not be opened: data.csv: cannot read "nowhere.csv" (looked for ${join(folder, 'nowhere.csv')}). The current experiment is unchanged.`,
    });
    file('bad.csv', 'size,price\n1,2\n\n3,x\n');
    expect(await readScenarioFile(file('bad.descent', csvScenario('bad.csv')))).toEqual({
      ok: false,
      reason: '“bad.descent” could not be opened: data.csv: bad.csv line 4, column "price": "x" is not a finite number. The current experiment is unchanged.',
    });
  });

  it('passes an invalid scenario with a CSV source to the page unchanged, for the page to list its problems', async () => {
    const text = JSON.stringify({ ...(JSON.parse(csvScenario('nowhere.csv')) as object), optimiser: {} });
    expect(await readScenarioFile(file('typo.descent', text))).toEqual({ ok: true, file: { name: 'typo.descent', text } });
  });

  it('names a missing file and a folder', async () => {
    expect(await readScenarioFile(join(folder, 'gone.json'))).toEqual({ ok: false, reason: '“gone.json” could not be opened: it does not exist (any more).' });
    expect(await readScenarioFile(folder)).toEqual({ ok: false, reason: `“${basename(folder)}” is not a file.` });
  });
});

describe('writeScenarioFile', () => {
  it('writes a valid scenario atomically', () => {
    const path = join(folder, 'saved.descent.json');
    expect(writeScenarioFile(path, valid)).toEqual({ ok: true });
    expect(readFileSync(path, 'utf8')).toBe(`${valid}\n`);
    expect(readdirSync(folder).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses an invalid scenario with its problems, naming the fields, and leaves the file alone', () => {
    const path = file('kept.descent.json', 'old');
    const result = writeScenarioFile(path, invalid);
    expect(result.ok).toBe(false);
    expect(result).toEqual({ ok: false, reason: invalidReason });
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(refusal(valid)).toBeNull();
    expect(refusal('{')).toMatch(/\(scenario\): is not valid JSON/);
  });
});

describe('file names and the command line', () => {
  it('adds .descent (the associated, one-part extension) to a bare name, and keeps .descent or .json', () => {
    expect(withScenarioExtension('/a/bowl')).toBe('/a/bowl.descent');
    expect(withScenarioExtension('/a/bowl.descent')).toBe('/a/bowl.descent');
    expect(withScenarioExtension('/a/bowl.descent.json')).toBe('/a/bowl.descent.json');
    expect(withScenarioExtension('/a/bowl.JSON')).toBe('/a/bowl.JSON');
  });

  it('offers both extensions in the open and save dialogs', () => {
    expect(scenarioFilters[0]!.extensions).toEqual(['descent', 'json']);
  });

  it('finds the scenario after the app’s own arguments', () => {
    const isFile = (p: string) => p.startsWith('/work/');
    expect(scenarioPathFromArgv(['/opt/descent-lab', '/work/a.descent.json'], true, isFile, '/')).toBe('/work/a.descent.json');
    expect(scenarioPathFromArgv(['electron', '.', 'b.json'], false, isFile, '/work')).toBe('/work/b.json');
    // A double-clicked file of the association: Windows and Linux pass its path as the last argument.
    expect(scenarioPathFromArgv(['C:\\Program Files\\Descent Lab\\Descent Lab.exe', '/work/c.descent'], true, isFile, '/')).toBe('/work/c.descent');
    expect(scenarioPathFromArgv(['/opt/descent-lab', '/work/C.DESCENT'], true, isFile, '/')).toBe('/work/C.DESCENT');
    // Unpackaged, argv[1] is the app itself, never a scenario; switches and other files are skipped.
    expect(scenarioPathFromArgv(['electron', '/work/app.json'], false, isFile)).toBeNull();
    expect(scenarioPathFromArgv(['/opt/descent-lab', '--inspect=x.json', '/work/notes.txt', '/gone/a.json'], true, isFile)).toBeNull();
  });
});

describe('ScenarioFiles', () => {
  const dialogs = {
    chooseOpen: vi.fn(async (): Promise<string | null> => null),
    chooseSave: vi.fn(async (): Promise<string | null> => null),
    showError: vi.fn(),
  };
  const send = vi.fn(() => true);
  const remember = vi.fn();
  const forget = vi.fn();
  const make = async (ready = true) => {
    const files = new ScenarioFiles({ dialogs, send, remember, forget, lastFile: join(folder, 'last.descent.json') });
    if (ready) await files.pageConnected();
    return files;
  };

  beforeEach(() => vi.clearAllMocks());

  it('opens a valid file: the page gets it, Save will write to it, and it becomes recent', async () => {
    const path = file('open-me.descent.json', valid);
    const files = await make();
    expect(await files.open(path)).toBe(true);
    expect(send).toHaveBeenCalledWith({ name: 'open-me.descent.json', text: valid });
    expect(files.currentPath).toBe(path);
    expect(remember).toHaveBeenCalledWith(path);
  });

  it('hands an invalid file to the page to explain, but neither adopts it nor makes it recent', async () => {
    const files = await make();
    expect(await files.open(file('bad.descent.json', invalid))).toBe(true);
    expect(send).toHaveBeenCalledWith({ name: 'bad.descent.json', text: invalid });
    expect(files.currentPath).toBeNull();
    expect(remember).not.toHaveBeenCalled();
  });

  it('reports an unreadable file, sends nothing and forgets it', async () => {
    const files = await make();
    expect(await files.open(join(folder, 'vanished.json'))).toBe(false);
    expect(dialogs.showError).toHaveBeenCalledWith(expect.stringContaining('“vanished.json” could not be opened'));
    expect(send).not.toHaveBeenCalled();
    expect(forget).toHaveBeenCalledWith(join(folder, 'vanished.json'));
  });

  it('keeps a file opened before the page is ready until it connects', async () => {
    const path = file('early.descent.json', valid);
    const files = await make(false);
    expect(await files.open(path)).toBe(false);
    expect(send).not.toHaveBeenCalled();
    expect(await files.pageConnected()).toBe(true);
    expect(send).toHaveBeenCalledWith({ name: 'early.descent.json', text: valid });
    expect(await files.pageConnected()).toBe(false); // only once
  });

  it('File › Open asks in the last file’s folder', async () => {
    const files = await make();
    dialogs.chooseOpen.mockResolvedValueOnce(file('chosen.descent.json', valid));
    expect(await files.openDialog()).toBe(true);
    expect(dialogs.chooseOpen).toHaveBeenCalledWith(folder);
    expect(await files.openDialog()).toBe(false); // cancelled
  });

  it('Save without a file asks for a name, adds the extension and writes; Save then reuses it', async () => {
    const files = await make();
    dialogs.chooseSave.mockResolvedValueOnce(join(folder, 'named'));
    expect(await files.save({ text: valid, as: false })).toEqual({ ok: true, name: 'named.descent' });
    expect(dialogs.chooseSave).toHaveBeenCalledWith(join(folder, 'scenario.descent'));
    expect(readFileSync(join(folder, 'named.descent'), 'utf8')).toBe(`${valid}\n`);
    expect(remember).toHaveBeenCalledWith(join(folder, 'named.descent'));
    expect(await files.save({ text: valid, as: false })).toEqual({ ok: true, name: 'named.descent' });
    expect(dialogs.chooseSave).toHaveBeenCalledTimes(1);
  });

  it('Save As always asks, starting from the current file', async () => {
    const path = file('current.descent.json', valid);
    const files = await make();
    await files.open(path);
    expect(await files.save({ text: valid, as: true })).toEqual({ ok: false, reason: 'Save was cancelled.' });
    expect(dialogs.chooseSave).toHaveBeenCalledWith(path);
  });

  it('refuses an invalid scenario before asking for a name', async () => {
    const files = await make();
    const result = await files.save({ text: invalid, as: true });
    expect(result).toEqual({ ok: false, reason: invalidReason });
    expect(dialogs.chooseSave).not.toHaveBeenCalled();
  });
});
