/**
 * The lab's keys: Space play/pause, → one step, R reset, H hide the panel, F frame the view, V split the view,
 * ? or F1 help.
 * As in a video player, they act after a mouse click anywhere but a text field: a button clicked with the mouse
 * keeps the focus (Chromium focuses it) but not the keys. A keyboard user who tabbed to a control keeps the
 * keys that control uses (Space on a button, the arrows on a list), and Enter; Esc closes the topmost dialog
 * and gives the keys back to the lab.
 */

export interface KeyActions {
  toggle(): void;
  step(): void;
  reset(): void;
  hidePanel(): void;
  frameView(): void;
  /** The 3D view and the contour map side by side, or back to one. */
  splitView(): void;
  /** Opens the help (./help). */
  help(): void;
}

/** Each key (KeyboardEvent.key) and its action; exported for the help, which lists them. */
export const bindings: Readonly<Record<string, keyof KeyActions>> = {
  ' ': 'toggle',
  ArrowRight: 'step',
  r: 'reset',
  R: 'reset',
  h: 'hidePanel',
  H: 'hidePanel',
  f: 'frameView',
  F: 'frameView',
  v: 'splitView',
  V: 'splitView',
  '?': 'help',
  F1: 'help',
};

/**
 * What a key lands on: a text field (every key is typing), an open dialog (its keys are its own), a button
 * (Space activates it), a choice (a list, a slider, a radio: Space and the arrows change it), or the page.
 */
export type KeyPlace = 'text-field' | 'dialog' | 'button' | 'choice' | 'page';

// Inputs that take no typing are controls; every other input type (text, number, search…) is a text field.
const textField =
  'textarea, [contenteditable]:not([contenteditable="false"]), input:not([type="button"], [type="submit"], [type="reset"], [type="checkbox"], [type="radio"], [type="range"], [type="color"], [type="file"], [type="image"])';
const openDialog = 'dialog[open], [role="dialog"]:not([hidden])';
const choice = 'select, input[type="range"], input[type="radio"], [role="slider"], [role="listbox"], [role="radiogroup"]';
const button = 'button, summary, a[href], input, [role="button"], [role="checkbox"], [role="switch"], [tabindex]:not([tabindex="-1"])';

/** Where a key pressed with `target` focused lands (see KeyPlace); `target` is the event's target. */
export function placeOf(target: { closest(selector: string): unknown } | null): KeyPlace {
  if (!target) return 'page';
  if (target.closest(textField)) return 'text-field';
  if (target.closest(openDialog)) return 'dialog';
  if (target.closest(choice)) return 'choice';
  if (target.closest(button)) return 'button';
  return 'page';
}

/** The keys a control the user tabbed to keeps for itself, by place. */
const kept: Partial<Record<KeyPlace, ReadonlySet<string>>> = {
  button: new Set([' ', 'Enter']),
  choice: new Set([' ', 'Enter', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']),
};

/**
 * The action a key press asks for, or null when it is not the lab's. `byKeyboard`: the focus got where it is
 * by the keyboard (Tab), not by a mouse click (nor given back by a closed dialog after Esc).
 */
export function actionFor(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'defaultPrevented'>,
  place: KeyPlace,
  byKeyboard: boolean,
): keyof KeyActions | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return null;
  if (place === 'text-field' || place === 'dialog') return null;
  if (byKeyboard && kept[place]?.has(event.key)) return null;
  return Object.hasOwn(bindings, event.key) ? bindings[event.key] : null;
}

/**
 * Listens in the capture phase, so a key meant for the lab is taken before the focused button sees it (Space
 * would click it on release). `lab`: the element that takes the focus when a dialog closes.
 */
export function installKeyboard(actions: KeyActions, lab: HTMLElement, root: Document = document): void {
  let byKeyboard = false;
  let swallowSpaceUp = false;
  root.addEventListener('pointerdown', () => (byKeyboard = false), true);
  root.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Tab') byKeyboard = true;
      const action = actionFor(event, placeOf(event.target instanceof Element ? event.target : null), byKeyboard);
      if (!action) return;
      event.preventDefault();
      event.stopPropagation();
      swallowSpaceUp = event.key === ' ';
      actions[action]();
    },
    true,
  );
  // A button clicks on Space's release: a Space the lab took must not click the button too.
  root.addEventListener(
    'keyup',
    (event) => {
      if (event.key !== ' ' || !swallowSpaceUp) return;
      swallowSpaceUp = false;
      event.preventDefault();
      event.stopPropagation();
    },
    true,
  );
  // A dialog closed (Esc, its Close button): the focus and the keys go back to the lab, not to the button that
  // opened it, where Space would open it again. After the dialog's own handlers, which restore the focus.
  root.addEventListener(
    'close',
    (event) => {
      if (!(event.target instanceof HTMLDialogElement)) return;
      setTimeout(() => {
        if (root.querySelector('dialog[open]')) return; // another dialog is still open: it keeps the focus
        byKeyboard = false;
        lab.focus({ preventScroll: true });
      });
    },
    true,
  );
}
