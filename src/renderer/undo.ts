/**
 * Undo of a new start (issue 22): a click on the surface or a shift-drag replaces the whole cloud, so the
 * trainer keeps the run it replaced (../trainer/trainer.ts, an undoable load) and Ctrl+Z (⌘Z on a Mac)
 * brings it back exactly, once. In a text field Ctrl+Z stays the field's own undo.
 */
import type { Lab } from './lab';

type UndoKeyEvent = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'defaultPrevented'>;

/** Whether a key press asks the lab to undo: Ctrl+Z or ⌘Z, outside a text field and an open dialog. */
export function isUndoKey(event: UndoKeyEvent, target: { closest(selector: string): unknown } | null): boolean {
  if (event.defaultPrevented || event.altKey || event.shiftKey || !(event.ctrlKey || event.metaKey)) return false;
  if (event.key !== 'z' && event.key !== 'Z') return false;
  return !target?.closest('input, textarea, select, [contenteditable], dialog[open]');
}

/** The key's name as this platform writes it, for the hint shown after a new start. */
export const undoKeyName = (platform: string): string => (/Mac|iPhone|iPad/.test(platform) ? '⌘Z' : 'Ctrl+Z');

/** Listens for the undo key; `refused` hears a failed undo (the trainer's refusal). */
export function installUndo(lab: Pick<Lab, 'canUndo' | 'undo'>, refused: (error: unknown) => void, root: Document = document): void {
  root.addEventListener('keydown', (event) => {
    if (!isUndoKey(event, event.target instanceof Element ? event.target : null) || !lab.canUndo) return;
    event.preventDefault();
    lab.undo().catch(refused);
  });
}
