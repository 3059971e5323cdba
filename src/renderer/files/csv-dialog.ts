/**
 * The "Open data (CSV)" dialog: a modal <dialog> listing the file's columns, checkboxes for the features
 * (x), a select for the target (y), the learning rate, "scale the features" (on by default, with a line
 * saying why), and Fit / Cancel. Fit asks `fit` for problems;
 * they are listed in the dialog (the run stays as it was) and the dialog closes only once the fit loaded.
 * Built with DOM APIs only: every name from the file goes in through textContent or value.
 */
import { element } from '../dom';
import { type CsvTable, defaultAlpha, defaultChoice, defaultScale } from './csv-data';

export interface CsvChoice {
  x: string[];
  y: string;
  alpha: number;
  /** `data.scale: "standard"`: each feature centred and divided by its standard deviation. */
  scale: boolean;
}

/** Opens the dialog; `fit` returns the problems of a choice (an empty list once the scenario loaded). */
export function showCsvDialog(file: string, table: CsvTable, fit: (choice: CsvChoice) => Promise<string[]>): HTMLDialogElement {
  const dialog = element('dialog', undefined, 'csv-dialog');
  dialog.dataset.testid = 'csv-dialog';
  dialog.setAttribute('aria-labelledby', 'csv-dialog-title');
  const form = element('form');
  form.method = 'dialog';
  const title = element('h2', `Fit a linear model to ${file}`);
  title.id = 'csv-dialog-title';
  const summary = element('p', `${table.rows} rows, ${table.columns.length} columns`, 'csv-summary');

  const chosen = defaultChoice(table);
  const features = element('fieldset', undefined, 'csv-features');
  features.append(element('legend', 'Features (x)'));
  const boxes = table.columns.map((name, k) => {
    const label = element('label');
    const box = element('input');
    box.type = 'checkbox';
    box.value = name;
    box.checked = chosen.x.includes(name);
    label.append(box, document.createTextNode(` ${name}`));
    if (!table.numeric[k]) label.append(element('span', ' (not all numbers)', 'csv-note'));
    features.append(label);
    return box;
  });

  const targetLabel = element('label', 'Target (y) ');
  const target = element('select');
  for (const name of table.columns) {
    const option = element('option', name);
    option.value = name;
    target.append(option);
  }
  target.value = chosen.y;
  targetLabel.append(target);

  const alphaLabel = element('label', 'Learning rate ');
  const alpha = element('input');
  alpha.type = 'number';
  alpha.step = 'any';
  alpha.min = '0';
  alpha.value = String(defaultAlpha);
  alpha.dataset.testid = 'csv-alpha';
  alphaLabel.append(alpha);

  const scaleLabel = element('label');
  const scale = element('input');
  scale.type = 'checkbox';
  scale.checked = defaultScale;
  scale.dataset.testid = 'csv-scale';
  scaleLabel.append(scale, document.createTextNode(' Scale the features (mean 0, standard deviation 1)'));
  const why = element(
    'p',
    'Why: columns in their own units (sizes in the hundreds beside room counts) make the loss a steep, narrow valley, where any but a tiny learning rate diverges. Scaled, every feature counts alike and the default rate fits. The weights are then per standard deviation of each column.',
    'csv-note',
  );
  why.dataset.testid = 'csv-scale-why';

  const problems = element('ul', undefined, 'csv-problems');
  problems.setAttribute('role', 'alert');
  problems.dataset.testid = 'csv-problems';

  const actions = element('div', undefined, 'csv-actions');
  const fitButton = element('button', 'Fit');
  fitButton.type = 'submit';
  const cancel = element('button', 'Cancel');
  cancel.type = 'button';
  actions.append(cancel, fitButton);

  form.append(title, summary, features, targetLabel, alphaLabel, scaleLabel, why, problems, actions);
  dialog.append(form);
  document.body.append(dialog);

  const close = () => {
    dialog.close();
    dialog.remove();
  };
  cancel.addEventListener('click', close);
  dialog.addEventListener('cancel', () => dialog.remove()); // Escape closes it; drop the element too
  form.addEventListener('submit', (event) => {
    event.preventDefault(); // the dialog closes only once the fit has loaded
    void (async () => {
      fitButton.disabled = true;
      const rate = alpha.value.trim() === '' ? NaN : Number(alpha.value);
      const found = await fit({ x: boxes.filter((b) => b.checked).map((b) => b.value), y: target.value, alpha: rate, scale: scale.checked });
      fitButton.disabled = false;
      problems.replaceChildren(...found.map((p) => element('li', p)));
      if (found.length === 0) close();
    })();
  });
  dialog.showModal();
  return dialog;
}
