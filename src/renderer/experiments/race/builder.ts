/**
 * Builds a race on the scenario now in the lab: two to six groups, each a name, an optimizer and its
 * learning rate (its other settings keep the defaults of CONTRACTS §1, or those of the race it came from).
 * "Start race" hands the groups to the tab, which loads the lab's scenario with them; the scenario's
 * validation names any problem (e.g. `groups[1].optimizer.alpha`).
 */
import type { OptimizerKind, OptimizerSpec, RaceGroupSpec, Scenario } from '../../../shared/scenario';
import { optimizerChoices, setting } from '../../../shared/settings';
import { element } from '../../dom';
import { swatch } from './colours';

/** A group's name when none is typed: the optimizer's short name ("GD"), which fits the legend. */
export const groupNameOf = (kind: OptimizerKind): string => optimizerChoices.find((c) => c.value === kind)!.short;

interface Row {
  element: HTMLElement;
  name: HTMLInputElement;
  kind: HTMLSelectElement;
  alpha: HTMLInputElement;
  /** The optimizer the row was filled from: its other settings are kept while its kind is. */
  base: OptimizerSpec | null;
}

export class GroupBuilder {
  readonly element = element('details', undefined, 'race-builder');
  private readonly list = element('ol', undefined, 'race-builder-rows');
  private readonly add = element('button', 'Add group');
  private readonly start = element('button', 'Start race');
  /** Why the race asked for was refused, under the Start button, until the next start. */
  private readonly problem = element('div', undefined, 'race-builder-problem');
  private rows: Row[] = [];

  constructor(private readonly onStart: (groups: RaceGroupSpec[]) => void) {
    this.element.dataset.testid = 'race-builder';
    this.element.append(element('summary', 'Build a race on the scenario now in the lab'));
    this.add.type = this.start.type = 'button';
    this.start.dataset.testid = 'race-start';
    this.add.addEventListener('click', () => {
      this.addRow({ kind: 'adam', alpha: 0.01 } as OptimizerSpec, null);
      this.refresh();
    });
    this.start.addEventListener('click', () => this.onStart(this.groups()));
    const buttons = element('div', undefined, 'experiment-controls');
    buttons.append(this.add, this.start);
    this.problem.dataset.testid = 'race-builder-problem';
    this.problem.setAttribute('role', 'alert');
    this.problem.hidden = true;
    this.element.append(this.list, buttons, this.problem);
  }

  /** Says why the race was refused (its heading and problem lines), or hides the message (null). */
  showProblem(problem: { heading: string; lines: readonly string[] } | null): void {
    this.problem.hidden = problem === null;
    if (!problem) return this.problem.replaceChildren();
    const list = element('ul');
    for (const line of problem.lines) list.append(element('li', line));
    this.problem.replaceChildren(element('p', problem.heading), list);
  }

  /** The groups of the race just loaded. */
  show(groups: readonly RaceGroupSpec[]): void {
    this.reset();
    for (const g of groups) this.addRow(g.optimizer, g.name ?? null);
    this.refresh();
  }

  /** A first race for a plain scenario: its own optimizer against momentum and Adam at the same rate. */
  suggest(scenario: Scenario): void {
    if (scenario.groups) return this.show(scenario.groups);
    this.reset();
    const alpha = scenario.optimizer.alpha;
    this.addRow(scenario.optimizer, null);
    for (const kind of ['momentum', 'adam'] as const) if (kind !== scenario.optimizer.kind) this.addRow({ kind, alpha } as OptimizerSpec, null);
    this.refresh();
  }

  private reset(): void {
    this.rows = [];
    this.list.replaceChildren();
  }

  private addRow(optimizer: OptimizerSpec, name: string | null): void {
    if (this.rows.length >= 6) return;
    const item = element('li', undefined, 'race-builder-row');
    const mark = swatch(this.rows.length);
    const nameInput = element('input');
    nameInput.placeholder = groupNameOf(optimizer.kind);
    nameInput.value = name ?? '';
    nameInput.maxLength = 40;
    nameInput.setAttribute('aria-label', 'Group name');
    const kind = element('select');
    // The menu names each optimizer as the panel does ("Gradient descent"); the group's name is the short one.
    for (const choice of optimizerChoices) kind.append(new Option(choice.label, choice.value));
    kind.value = optimizer.kind;
    kind.setAttribute('aria-label', 'Optimizer');
    const alpha = element('input');
    alpha.type = 'number';
    alpha.step = 'any';
    alpha.min = '0';
    alpha.value = String(optimizer.alpha);
    alpha.setAttribute('aria-label', setting('optimizer.alpha').label);
    const remove = element('button', '×');
    remove.type = 'button';
    remove.setAttribute('aria-label', 'Remove this group');
    const row: Row = { element: item, name: nameInput, kind, alpha, base: optimizer };
    kind.addEventListener('change', () => (nameInput.placeholder = groupNameOf(kind.value as OptimizerKind)));
    remove.addEventListener('click', () => {
      this.rows = this.rows.filter((r) => r !== row);
      item.remove();
      this.refresh();
    });
    const alphaLabel = element('label', 'α ');
    alphaLabel.append(alpha);
    item.style.cssText = 'display:flex;flex-wrap:wrap;gap:0.4rem;align-items:center;margin:0.25rem 0';
    nameInput.style.width = '9em';
    alpha.style.width = '6em';
    item.append(mark, nameInput, kind, alphaLabel, remove);
    this.rows.push(row);
    this.list.append(item);
  }

  /** Colours follow the order; the add and remove buttons keep the count within 2 to 6. */
  private refresh(): void {
    this.rows.forEach((row, g) => (row.element.querySelector('.race-swatch') as HTMLElement).replaceWith(swatch(g)));
    this.add.disabled = this.rows.length >= 6;
    for (const row of this.rows) (row.element.querySelector('button') as HTMLButtonElement).disabled = this.rows.length <= 2;
  }

  private groups(): RaceGroupSpec[] {
    return this.rows.map((row) => {
      const kind = row.kind.value as OptimizerKind;
      const alpha = Number(row.alpha.value);
      const optimizer = (row.base && row.base.kind === kind ? { ...row.base, alpha } : { kind, alpha }) as OptimizerSpec;
      const name = row.name.value.trim() || groupNameOf(kind);
      return { name, optimizer };
    });
  }
}
