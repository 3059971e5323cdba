/** The lab's keys: Space play/pause, → one step, R reset, H hide the panel, F frame the view, ? or F1 help. */

export interface KeyActions {
  toggle(): void;
  step(): void;
  reset(): void;
  hidePanel(): void;
  frameView(): void;
  /** Opens the help (./help). */
  help(): void;
}

/** Each key (KeyboardEvent.key) and its action; exported for the help, which lists them. */
export const bindings: Readonly<Record<string, keyof KeyActions>> = { ' ': 'toggle', ArrowRight: 'step', r: 'reset', R: 'reset', h: 'hidePanel', H: 'hidePanel', f: 'frameView', F: 'frameView', '?': 'help', F1: 'help' };

/** The action a key press asks for, or null when it is not the lab's (typing, a modifier, a focused button). */
export function actionFor(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'defaultPrevented'>, target: { closest(selector: string): unknown } | null): keyof KeyActions | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return null;
  // Typing in a field is not a command; and Space on a focused button belongs to that button.
  if (target?.closest('input, textarea, select, [contenteditable]')) return null;
  // Keys pressed in an open dialog (help, about, record…) are the dialog's, not the run behind it.
  if (target?.closest('dialog[open]')) return null;
  if (event.key === ' ' && target?.closest('button')) return null;
  return Object.hasOwn(bindings, event.key) ? bindings[event.key] : null;
}

export function installKeyboard(actions: KeyActions, root: Document = document): void {
  root.addEventListener('keydown', (event) => {
    const action = actionFor(event, event.target instanceof Element ? event.target : null);
    if (!action) return;
    event.preventDefault();
    actions[action]();
  });
}
