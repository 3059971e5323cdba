import { describe, expect, test } from 'vitest';
import { limits } from '../../shared/limits';
import { findPreset } from '../../shared/presets';
import { openingFromQuery } from '../opening';
import { fileActionFor, fileNameFor, formatBytes, linkTooLong, maxShareableLink, scenarioFileText, scenarioLink, sizeProblem } from './naming';
import { parseScenarioText, validateScenario } from '../../shared/validate';
import type { Scenario } from '../../shared/scenario';

function rosenbrock(): Scenario {
  const v = validateScenario(findPreset('rosenbrock')!.scenario);
  if (!v.ok) throw new Error(v.problems.join('; '));
  return v.scenario;
}

describe('fileNameFor', () => {
  test('makes a lower-case, dash-separated name with the scenario extension', () => {
    expect(fileNameFor('My bowl: Adam vs. SGD!')).toBe('my-bowl-adam-vs.-sgd.descent.json');
    expect(fileNameFor('rosenbrock')).toBe('rosenbrock.descent.json');
  });

  test('drops accents and characters a file system may refuse', () => {
    expect(fileNameFor('Ünïcödé / a\\b "c"')).toBe('unicode-a-b-c.descent.json');
  });

  test('falls back to untitled when nothing usable is left', () => {
    expect(fileNameFor('')).toBe('untitled.descent.json');
    expect(fileNameFor('🧗 …')).toBe('untitled.descent.json');
    expect(fileNameFor('..')).toBe('untitled.descent.json');
  });

  test('keeps names short', () => {
    expect(fileNameFor('a'.repeat(500)).length).toBe(80 + '.descent.json'.length);
  });
});

describe('sizeProblem', () => {
  test('accepts a file at the limit and refuses one byte more, naming the limit', () => {
    expect(sizeProblem(limits.maxScenarioBytes)).toBeNull();
    expect(sizeProblem(0)).toBeNull();
    expect(sizeProblem(limits.maxScenarioBytes + 1)).toBe(
      `(scenario): the file is 8 MiB; the limit for a scenario file is 8 MiB (${limits.maxScenarioBytes} bytes)`,
    );
    expect(sizeProblem(20 * 1048576)).toMatch(/^\(scenario\): the file is 20 MiB; the limit/);
  });

  test('formatBytes', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(3 * 1048576)).toBe('3 MiB');
  });
});

describe('scenarioFileText', () => {
  test('reads back to the same scenario', () => {
    const scenario = rosenbrock();
    const text = scenarioFileText(scenario);
    expect(text.endsWith('}\n')).toBe(true);
    expect(parseScenarioText(text)).toEqual({ ok: true, scenario });
  });
});

describe('scenarioLink', () => {
  const page = { origin: 'http://127.0.0.1:4173', pathname: '/' };

  test('opens the same scenario through the page opening', () => {
    const scenario = rosenbrock();
    const link = scenarioLink(page, scenario);
    expect(link.startsWith('http://127.0.0.1:4173/?scenario=%7B')).toBe(true);
    const opening = openingFromQuery(new URL(link).search);
    expect(opening.notice).toBeNull();
    expect(opening.load).toEqual(scenario);
    expect(opening.play).toBe(false);
  });

  test('carries a network’s weight scheme (xavier, kaiming, torch-default) and its fan', () => {
    const v = validateScenario({ ...findPreset('circle-classifier')!.scenario, init: { dist: 'kaiming-uniform', mode: 'fan-out', gain: 0.5, count: 30 } });
    if (!v.ok) throw new Error(v.problems.join('; '));
    const opening = openingFromQuery(new URL(scenarioLink(page, v.scenario)).search);
    expect(opening.notice).toBeNull();
    expect(opening.load).toMatchObject({ init: { dist: 'kaiming-uniform', mode: 'fan-out', gain: 0.5, count: 30 } });
  });

  test('keeps the path and drops any query the page had', () => {
    expect(scenarioLink({ origin: 'file://', pathname: '/app/index.html' }, rosenbrock())).toMatch(/^file:\/\/\/app\/index\.html\?scenario=/);
  });

  test('is too long to share reliably past the limit', () => {
    expect(linkTooLong('x'.repeat(maxShareableLink))).toBe(false);
    expect(linkTooLong('x'.repeat(maxShareableLink + 1))).toBe(true);
  });
});

describe('fileActionFor', () => {
  const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...mods,
  });

  test('Ctrl or Cmd with O, S, Shift+S', () => {
    expect(fileActionFor(key('o', { ctrlKey: true }))).toBe('open');
    expect(fileActionFor(key('s', { metaKey: true }))).toBe('save');
    expect(fileActionFor(key('S', { ctrlKey: true, shiftKey: true }))).toBe('save-as');
  });

  test('leaves the lab keys and plain letters alone', () => {
    for (const k of [' ', 'ArrowRight', 'r', 'h', 'f', 's', 'o']) expect(fileActionFor(key(k))).toBeNull();
    expect(fileActionFor(key('r', { ctrlKey: true }))).toBeNull();
    expect(fileActionFor(key('s', { ctrlKey: true, altKey: true }))).toBeNull();
  });
});
