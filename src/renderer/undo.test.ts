/** The undo key, and undo through the page's Lab against a real Trainer in-process (issue 22). */
import { describe, expect, it } from 'vitest';
import { findPreset } from '../shared/presets';
import { isUndoKey, undoKeyName } from './undo';
import { wiredLab } from './wired-lab.testing';

const key = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  defaultPrevented: false,
  ...mods,
});
/** A stand-in for an element: `inside` are the selectors it sits within. */
const at = (...inside: string[]) => ({ closest: (selector: string) => (selector.split(', ').some((s) => inside.includes(s)) ? {} : null) });

describe('isUndoKey', () => {
  it('is Ctrl+Z or ⌘Z (either case: Caps Lock)', () => {
    expect(isUndoKey(key('z', { ctrlKey: true }), at())).toBe(true);
    expect(isUndoKey(key('z', { metaKey: true }), at())).toBe(true);
    expect(isUndoKey(key('Z', { ctrlKey: true }), at())).toBe(true);
  });

  it('is not a plain z, Ctrl+Shift+Z (redo), Ctrl+Alt+Z, or a key already handled', () => {
    expect(isUndoKey(key('z'), at())).toBe(false);
    expect(isUndoKey(key('Z', { ctrlKey: true, shiftKey: true }), at())).toBe(false);
    expect(isUndoKey(key('z', { ctrlKey: true, altKey: true }), at())).toBe(false);
    expect(isUndoKey({ ...key('z', { ctrlKey: true }), defaultPrevented: true }, at())).toBe(false);
  });

  it('leaves Ctrl+Z to a text field and to an open dialog', () => {
    expect(isUndoKey(key('z', { ctrlKey: true }), at('input'))).toBe(false);
    expect(isUndoKey(key('z', { ctrlKey: true }), at('textarea'))).toBe(false);
    expect(isUndoKey(key('z', { ctrlKey: true }), at('dialog[open]'))).toBe(false);
    expect(isUndoKey(key('z', { ctrlKey: true }), at('button'))).toBe(true);
  });

  it('is named as the platform writes it', () => {
    expect(undoKeyName('MacIntel')).toBe('⌘Z');
    expect(undoKeyName('Linux x86_64')).toBe('Ctrl+Z');
  });
});

const wired = () => wiredLab().lab;

describe('Lab.undo', () => {
  it('brings back the 1,000-particle cloud a click replaced, at its step, playing as it was (Rosenbrock: 2,000 epochs, still running)', async () => {
    const lab = wired();
    await lab.load('rosenbrock');
    await lab.step(7);
    lab.play();
    expect(lab.canUndo).toBe(false);
    const scenario = lab.state().scenario!;
    await lab.load({ ...scenario, init: { points: [[1, 1]] } }, { undoable: true });
    expect(lab.state().summary.count).toBe(1);
    expect(lab.canUndo).toBe(true);
    await lab.undo();
    expect(lab.canUndo).toBe(false);
    const state = lab.state();
    expect(state.summary.count).toBe(1000);
    expect(state.scenario!.init).toEqual(findPreset('rosenbrock')!.scenario.init);
    expect(state.step).toBeGreaterThanOrEqual(7);
    expect(state.status).toBe('running');
    lab.pause();
    await expect(lab.undo()).rejects.toThrow('nothing to undo');
  });
});
