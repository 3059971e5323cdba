import { describe, expect, it } from 'vitest';
import { actionFor } from './keyboard';

const press = (key: string, extra: Partial<KeyboardEvent> = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, defaultPrevented: false, ...extra });
const nowhere = { closest: () => null };
const inField = { closest: (s: string) => (s.includes('input') ? {} : null) };
const onButton = { closest: (s: string) => (s === 'button' ? {} : null) };

describe('keyboard shortcuts', () => {
  it.each([
    [' ', 'toggle'],
    ['ArrowRight', 'step'],
    ['r', 'reset'],
    ['R', 'reset'],
    ['h', 'hidePanel'],
    ['f', 'frameView'],
  ])('%j → %s', (key, action) => expect(actionFor(press(key), nowhere)).toBe(action));

  it('ignores keys typed in a field, with a modifier, or Space on a focused button', () => {
    expect(actionFor(press('r'), inField)).toBeNull();
    expect(actionFor(press('r', { ctrlKey: true }), nowhere)).toBeNull();
    expect(actionFor(press(' '), onButton)).toBeNull();
    expect(actionFor(press('ArrowRight'), onButton)).toBe('step');
    expect(actionFor(press('x'), nowhere)).toBeNull();
  });
});
