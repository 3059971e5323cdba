/**
 * One lil-gui controller per entry of the parameter table (./params.ts), behind one small interface: the
 * panel shows the lab's value in it, and hears back what the user chose. Fields commit when they lose
 * focus (lil-gui's onFinishChange), so that typing "0.95" never sends 0 and 0.9 on the way; sliders of a
 * hot field follow the pointer (onChange), those of a structural one commit at the end of the drag.
 */
import GUI, { type BooleanController, type Controller, type NumberController, type OptionController, type StringController } from 'lil-gui';
import type { Scenario } from '../../shared/scenario';
import { formatNumber, fromSlider, parseNumber, toSlider, type LogScale } from './numbers';
import { isLive, type Control, type PanelContext, type Param, type Value } from './param';

/** A bound control: the panel writes the lab's values into it and hears the user's choices. */
export interface Bound {
  readonly param: Param;
  readonly controller: Controller;
  /** Shows a value from the lab; a field the user is typing in is left alone. */
  show(value: Value, scenario: Scenario, context: PanelContext): void;
  setVisible(visible: boolean): void;
  setEnabled(enabled: boolean): void;
  /**
   * A refused value's message, shown under the control itself (issue 22: near what caused it), until the
   * control's next value is accepted (`null`) or the user dismisses it.
   */
  showProblem(problem: FieldProblem | null): void;
}

/** What a control says under itself when a value it sent was not used. */
export interface FieldProblem {
  heading: string;
  lines: readonly string[];
}

/** Adds the control of `param` to `folder`; `commit` receives each value the user chooses. */
export function bind(folder: GUI, param: Param, commit: (value: Value) => void): Bound {
  const control = param.control;
  const live = isLive(param);
  const bound = (() => {
    switch (control.kind) {
      case 'select':
        return bindSelect(folder, param, control, commit);
      case 'number':
        return bindNumber(folder, param, control, commit);
      case 'log-slider':
        return bindLogSlider(folder, param, control.scale, control.off, live, commit);
      case 'text':
        return bindText(folder, param, commit);
      case 'toggle':
        return bindToggle(folder, param, commit);
    }
  })();
  const element = bound.controller.domElement;
  element.dataset.param = param.key;
  if (param.hint) element.title = param.hint;
  return bound;
}

/** The parts every kind shares: visibility and enabling, done on lil-gui's controller. */
function common(param: Param, controller: Controller): Pick<Bound, 'param' | 'controller' | 'setVisible' | 'setEnabled' | 'showProblem'> {
  controller.name(param.label);
  const message = fieldMessage(param.key);
  controller.domElement.after(message.element);
  return {
    param,
    controller,
    setVisible: (visible) => {
      if (controller._hidden === visible) controller.show(visible);
      message.element.classList.toggle('beside-hidden', !visible);
    },
    setEnabled: (enabled) => {
      controller.enable(enabled);
    },
    showProblem: (problem) => message.show(problem),
  };
}

/** The message box under a control: role="alert", so that a screen reader says it as it appears. */
function fieldMessage(key: string): { element: HTMLElement; show(problem: FieldProblem | null): void } {
  const element = document.createElement('div');
  element.className = 'field-problem';
  element.dataset.problemFor = key;
  element.setAttribute('role', 'alert');
  element.hidden = true;
  const show = (problem: FieldProblem | null) => {
    element.hidden = problem === null;
    if (!problem) return element.replaceChildren();
    const dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.className = 'dismiss';
    dismiss.textContent = '×';
    dismiss.setAttribute('aria-label', 'Dismiss');
    dismiss.addEventListener('click', () => show(null));
    const heading = document.createElement('p');
    heading.textContent = problem.heading;
    element.replaceChildren(dismiss, heading, ...problem.lines.map((line) => Object.assign(document.createElement('p'), { textContent: line })));
  };
  return { element, show };
}

function bindSelect(folder: GUI, param: Param, control: Extract<Control, { kind: 'select' }>, commit: (value: Value) => void): Bound {
  const proxy = { value: '' };
  let optionsKey = '';
  const controller = folder.add(proxy, 'value', {}) as OptionController;
  controller.onFinishChange((value: string) => commit(value));
  return {
    ...common(param, controller),
    show: (value, scenario, context) => {
      const options = control.options(scenario, context);
      const key = JSON.stringify(options);
      if (key !== optionsKey) {
        optionsKey = key;
        controller.options(options);
      }
      proxy.value = String(value);
      controller.updateDisplay();
    },
  };
}

function bindNumber(folder: GUI, param: Param, control: Extract<Control, { kind: 'number' }>, commit: (value: Value) => void): Bound {
  const proxy = { value: 0 };
  const controller = folder.add(proxy, 'value') as NumberController;
  if (control.min !== undefined) controller.min(control.min);
  if (control.max !== undefined) controller.max(control.max);
  // Whole-number fields snap to their step; the others keep what is typed (0.9999 must not become 1).
  controller.step(control.step, Number.isInteger(control.step));
  controller.$input.inputMode = Number.isInteger(control.step) ? 'numeric' : 'decimal';
  controller.onFinishChange((value: number) => commit(value));
  return {
    ...common(param, controller),
    show: (value) => {
      if (typing(controller.$input)) return;
      proxy.value = Number(value);
      controller.updateDisplay();
    },
  };
}

/**
 * Whether the user is typing into a field: then a refresh leaves its value alone, the value behind it too. lil-gui
 * commits the value behind the field (not the field's text) when it loses the focus, so a refresh between the
 * last key and Enter (a change that was in flight settling) would commit the scenario's old value instead.
 */
function typing(input: HTMLInputElement): boolean {
  return document.activeElement === input;
}

function bindText(folder: GUI, param: Param, commit: (value: Value) => void): Bound {
  const proxy = { value: '' };
  const controller = folder.add(proxy, 'value') as StringController;
  controller.onFinishChange((value: string) => commit(value));
  return {
    ...common(param, controller),
    show: (value) => {
      if (typing(controller.$input)) return;
      proxy.value = String(value);
      controller.updateDisplay();
    },
  };
}

function bindToggle(folder: GUI, param: Param, commit: (value: Value) => void): Bound {
  const proxy = { value: false };
  const controller = folder.add(proxy, 'value') as BooleanController;
  controller.onFinishChange((value: boolean) => commit(value));
  return {
    ...common(param, controller),
    show: (value) => {
      proxy.value = value === true;
      controller.updateDisplay();
    },
  };
}

/**
 * A slider over log10 of the value, with a field that shows the value itself (lil-gui's own field would
 * show the logarithm). Typing commits the typed value as it is; the slider writes 10^position rounded to
 * the scale's significant digits. With `off`, the far left of the slider (or typing `off`) means null.
 */
function bindLogSlider(folder: GUI, param: Param, scale: LogScale, off: string | undefined, live: boolean, commit: (value: Value) => void): Bound {
  const proxy = { position: scale.min };
  const controller = folder.add(proxy, 'position', scale.min, scale.max, 0.01) as NumberController;
  controller.domElement.classList.add('log-slider');
  const field = document.createElement('input');
  field.type = 'text';
  field.spellcheck = false;
  field.inputMode = 'decimal';
  field.setAttribute('aria-labelledby', controller.$name.id);
  // lil-gui's listeners stay on its own field, which leaves the page: only the slider's remain.
  controller.$input.replaceWith(field);
  controller.$disable = field;

  const text = (value: number | null) => (value === null ? (off ?? '') : formatNumber(value));
  const valueAt = (position: number): number | null => (off !== undefined && position <= scale.min ? null : fromSlider(position, scale));
  let shown: number | null = null;

  controller.onChange((position: number) => {
    const value = valueAt(position);
    field.value = text(value);
    if (live) commit(value);
  });
  controller.onFinishChange((position: number) => {
    if (!live) commit(valueAt(position));
  });
  field.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') field.blur();
    if (event.key === 'Escape') {
      field.value = text(shown);
      field.blur();
    }
  });
  field.addEventListener('change', () => {
    const typed = field.value.trim();
    if (off !== undefined && (typed === '' || typed.toLowerCase() === off)) return commit(null);
    // What cannot be read goes on as NaN, and a fraction where a whole number belongs as typed: the
    // entry's write, or else the lab's check, decides, and a refusal names the field and what it must be.
    commit(parseNumber(typed) ?? Number.NaN);
  });

  return {
    ...common(param, controller),
    show: (value) => {
      shown = typeof value === 'number' ? value : null;
      proxy.position = shown === null ? scale.min : toSlider(shown, scale);
      controller.updateDisplay();
      if (document.activeElement !== field) field.value = text(shown);
    },
  };
}

/** A button that runs `action`; a click with the pointer gives the focus back to the page, so the keys keep working. */
export function addButton(folder: GUI, label: string, hint: string, action: () => void): Controller {
  const controller = folder.add({ run: action }, 'run').name(label);
  const button = (controller as Controller & { $button: HTMLButtonElement }).$button;
  button.title = hint;
  // lil-gui stops key events inside its controllers: a focused button would swallow →, R and H.
  button.addEventListener('click', (event) => {
    if (event.detail > 0) button.blur();
  });
  return controller;
}
