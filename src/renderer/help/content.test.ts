import { describe, expect, it } from 'vitest';
import { findLesson, lessons } from '../../shared/lessons';
import { presets } from '../../shared/presets';
import { actionFor, bindings, placeOf } from '../keyboard';
import { controls, presetHelp, presetParagraph, shortcuts, tryNext } from './content';

const press = (key: string) => ({ key, ctrlKey: false, metaKey: false, altKey: false, defaultPrevented: false });
const nowhere = { closest: () => null };
/** The key names the help prints, as KeyboardEvent.key spells them. */
const eventKey = (shown: string): string => ({ Space: ' ', '→': 'ArrowRight' })[shown] ?? shown;

describe('help: presets', () => {
  it('has a paragraph for every preset, in the panel’s order: its notebook lesson and its source', () => {
    const help = presetHelp();
    expect(help.map((entry) => entry.name)).toEqual(presets.map((preset) => preset.name));
    for (const preset of presets) {
      const paragraph = presetParagraph(preset);
      expect(preset.lesson, preset.name).toMatch(/\S/);
      expect(paragraph.startsWith(preset.lesson), preset.name).toBe(true);
      if (preset.source) expect(paragraph, preset.name).toContain(preset.source);
    }
  });

  it('adds each guided lesson (the notebooks’ experiments and the flat-and-sharp-minima network): what to watch and every try with what to expect', () => {
    const guided = presets.filter((preset) => findLesson(preset.name));
    expect(guided.filter((preset) => preset.group !== 'notebooks').map((preset) => preset.name)).toEqual(['flat-sharp-minima']);
    expect(guided.length).toBe(lessons.length);
    for (const preset of guided) {
      const lesson = findLesson(preset.name)!;
      const paragraph = presetParagraph(preset);
      expect(paragraph, preset.name).toContain(lesson.look);
      for (const entry of lesson.tries) expect(paragraph, preset.name).toContain(`${entry.label}: ${entry.expect}`);
    }
  });

  it('ends a surface’s paragraph with something to try', () => {
    for (const preset of presets.filter((entry) => !findLesson(entry.name) && tryNext[entry.name])) {
      expect(presetParagraph(preset).endsWith(` ${tryNext[preset.name]}`), preset.name).toBe(true);
    }
    // The named surfaces all have one (a newer preset, such as a race, may not).
    for (const name of ['bowl-cloud', 'rosenbrock', 'beale', 'himmelblau', 'saddle', 'rastrigin', 'valley', 'booth']) expect(tryNext[name], name).toMatch(/\S/);
  });

  it('suggests nothing for a preset that does not exist, nor twice for one with a guided lesson', () => {
    const names = new Set(presets.map((preset) => preset.name));
    expect(Object.keys(tryNext).filter((name) => !names.has(name))).toEqual([]);
    expect(Object.keys(tryNext).filter((name) => findLesson(name))).toEqual([]);
  });
});

describe('help: keys', () => {
  it('lists every key the lab answers to', () => {
    const listed = new Set(shortcuts.flatMap((entry) => (entry.action ? entry.keys.map(eventKey) : [])));
    for (const [key, action] of Object.entries(bindings)) {
      // The keyboard takes both cases of a letter; the help shows the capital.
      expect(listed.has(key) || listed.has(key.toUpperCase()), `${JSON.stringify(key)} (${action})`).toBe(true);
    }
  });

  it('says of each key what the keyboard does with it', () => {
    for (const entry of shortcuts.filter((shortcut) => shortcut.action)) {
      for (const key of entry.keys) expect(actionFor(press(eventKey(key)), placeOf(nowhere), false), key).toBe(entry.action);
    }
  });

  it('opens the help on ? and F1, but not while typing in a field or inside a dialog', () => {
    expect(actionFor(press('?'), placeOf(nowhere), false)).toBe('help');
    expect(actionFor(press('F1'), placeOf(nowhere), false)).toBe('help');
    expect(actionFor(press('?'), placeOf({ closest: (s: string) => (s.includes('input') ? {} : null) }), false)).toBeNull();
    expect(actionFor(press('r'), placeOf({ closest: (s: string) => (s.includes('dialog[open]') ? {} : null) }), false)).toBeNull();
  });
});

describe('help: controls', () => {
  it('explains every control the panel labels (CONTRACTS §3)', () => {
    const text = controls.map((entry) => `${entry.term} ${entry.text}`).join(' ');
    for (const label of ['Learning rate', 'Init', 'Batch size', 'Clip', 'Optimizer', 'Particles', 'Seed', 'Scenario']) expect(text).toContain(label);
  });
});
