/**
 * Builds a race on the scenario now in the lab: two to six groups, each a name, an optimizer and its
 * learning rate (its other settings keep the defaults of CONTRACTS §1, or those of the race it came from).
 * "Start race" hands the groups to the tab, which loads the lab's scenario with them; the scenario's
 * validation names any problem (e.g. `groups[1].optimizer.alpha`).
 */
import type { OptimizerKind, OptimizerSpec, RaceGroupSpec, Scenario } from '../../../shared/scenario';
import { element } from '../../dom';
import { swatch } from './colours';

const kinds: OptimizerKind[] = ['gd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'];
const kindNames: Record<OptimizerKind, string> = { gd: 'GD', momentum: 'Momentum', nesterov: 'Nesterov', adagrad: 'AdaGrad', rmsprop: 'RMSprop', adam: 'Adam' };

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
    this.element.append(this.list, buttons);
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
    nameInput.placeholder = kindNames[optimizer.kind];
    nameInput.value = name ?? '';
    nameInput.maxLength = 40;
    nameInput.setAttribute('aria-label', 'Group name');
    const kind = element('select');
    for (const k of kinds) kind.append(new Option(kindNames[k], k));
    kind.value = optimizer.kind;
    kind.setAttribute('aria-label', 'Optimizer');
    const alpha = element('input');
    alpha.type = 'number';
    alpha.step = 'any';
    alpha.min = '0';
    alpha.value = String(optimizer.alpha);
    alpha.setAttribute('aria-label', 'Learning rate α');
    const remove = element('button', '×');
    remove.type = 'button';
    remove.setAttribute('aria-label', 'Remove this group');
    const row: Row = { element: item, name: nameInput, kind, alpha, base: optimizer };
    kind.addEventListener('change', () => (nameInput.placeholder = kindNames[kind.value as OptimizerKind]));
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
      const name = row.name.value.trim() || kindNames[kind];
      return { name, optimizer };
    });
  }
}
