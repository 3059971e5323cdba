import { describe, expect, it } from 'vitest';
import { actionFor, placeOf, type KeyPlace } from './keyboard';

const press = (key: string, extra: Partial<KeyboardEvent> = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, defaultPrevented: false, ...extra });

/** An element that matches the selectors containing `part` (the part of keyboard.ts's selectors that names it). */
const elementMatching = (...parts: string[]) => ({ closest: (selector: string) => (parts.some((part) => selector.includes(part)) ? {} : null) });

describe('keyboard shortcuts', () => {
  it.each([
    [' ', 'toggle'],
    ['ArrowRight', 'step'],
    ['r', 'reset'],
    ['R', 'reset'],
    ['h', 'hidePanel'],
    ['f', 'frameView'],
    ['?', 'help'],
    ['F1', 'help'],
  ])('%j on the page → %s', (key, action) => expect(actionFor(press(key), 'page', false)).toBe(action));

  it('never acts while typing in a text field or inside an open dialog, whichever way the focus got there', () => {
    for (const place of ['text-field', 'dialog'] as KeyPlace[]) {
      for (const byKeyboard of [false, true]) for (const key of [' ', 'r', 'ArrowRight']) expect(actionFor(press(key), place, byKeyboard)).toBeNull();
    }
  });

  it('ignores a key with a modifier, one already handled, and keys it does not bind', () => {
    expect(actionFor(press('r', { ctrlKey: true }), 'page', false)).toBeNull();
    expect(actionFor(press('r', { metaKey: true }), 'page', false)).toBeNull();
    expect(actionFor(press(' ', { defaultPrevented: true }), 'page', false)).toBeNull();
    expect(actionFor(press('x'), 'page', false)).toBeNull();
    expect(actionFor(press('Enter'), 'button', false)).toBeNull();
  });

  it('a button clicked with the mouse (as "Top view") does not keep Space: the lab plays or pauses, as a video player would', () => {
    expect(actionFor(press(' '), 'button', false)).toBe('toggle');
    expect(actionFor(press('ArrowRight'), 'choice', false)).toBe('step');
  });

  it('a control the user tabbed to keeps the keys it uses (Space on a button, the arrows on a list); the others are the lab’s', () => {
    expect(actionFor(press(' '), 'button', true)).toBeNull();
    expect(actionFor(press('ArrowRight'), 'button', true)).toBe('step');
    expect(actionFor(press('r'), 'button', true)).toBe('reset');
    expect(actionFor(press(' '), 'choice', true)).toBeNull();
    expect(actionFor(press('ArrowRight'), 'choice', true)).toBeNull();
    expect(actionFor(press('h'), 'choice', true)).toBe('hidePanel');
  });
});

describe('where a key lands', () => {
  it('a text input, a textarea or an editable element is a text field', () => {
    expect(placeOf(elementMatching('input:not('))).toBe('text-field');
    expect(placeOf(elementMatching('textarea'))).toBe('text-field');
  });

  it('an open dialog (native, or a role="dialog" shown) comes before the control inside it', () => {
    expect(placeOf(elementMatching('dialog[open]', 'button,'))).toBe('dialog');
    expect(placeOf(elementMatching('[role="dialog"]:not([hidden])', 'select'))).toBe('dialog');
  });

  it('a list or a slider is a choice, a button or a checkbox a button, anything else the page', () => {
    expect(placeOf(elementMatching('select'))).toBe('choice');
    expect(placeOf(elementMatching('input[type="range"]'))).toBe('choice');
    expect(placeOf(elementMatching('button,'))).toBe('button');
    expect(placeOf(elementMatching('[role="checkbox"]'))).toBe('button');
    expect(placeOf(elementMatching())).toBe('page');
    expect(placeOf(null)).toBe('page');
  });
});
