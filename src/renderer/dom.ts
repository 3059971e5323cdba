/** Small DOM helpers: text always goes in through textContent, so no data can ever be parsed as HTML. */

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** The element with this id, of the expected kind; a missing one is a bug in index.html, not a user error. */
export function byId<T extends HTMLElement>(id: string, kind: new () => T): T {
  const node = document.getElementById(id);
  if (!(node instanceof kind)) throw new Error(`index.html has no <${kind.name}> with id "${id}"`);
  return node;
}

/** A plain button (never a form submit) with its tooltip. */
export function button(text: string, title: string): HTMLButtonElement {
  const node = element('button', text);
  node.type = 'button';
  node.title = title;
  return node;
}

/** An option of a <select>. */
export function option(value: string, text: string): HTMLOptionElement {
  const node = element('option', text);
  node.value = value;
  return node;
}

/** A number box, narrow enough for a row of settings. */
export function numberInput(value: string, step = 'any'): HTMLInputElement {
  const input = element('input');
  input.type = 'number';
  input.value = value;
  input.step = step;
  input.style.width = '6.5em';
  return input;
}

/** A control inside its label: a click on the text focuses the control, and the text names it. */
export function labelled(text: string, control: HTMLElement): HTMLLabelElement {
  const label = element('label', text);
  label.append(control);
  return label;
}
