/**
 * The Optimizer folder during a race (issue 22): a race steps each group with its own optimizer, so the
 * folder lists the groups (name, optimizer and its settings, as the Race tab shows them) in place of the
 * one optimizer's controls, which would show only the first group's and could not change it.
 */
import type { RaceGroupSpec } from '../../shared/scenario';
import { formatNumber } from './numbers';
import { optimizerLabels } from './params';

/** The settings after α that optimizers have, with the panel's labels (short: β for “Momentum β”). */
export const optimizerFieldLabels: [field: string, label: string][] = [
  ['beta', 'β'],
  ['rho', 'ρ'],
  ['beta1', 'β₁'],
  ['beta2', 'β₂'],
  ['eps', 'ε'],
];
/** ε is left out of the race's list: the same tiny number on every adaptive group says nothing about the race. */
const extras = optimizerFieldLabels.filter(([field]) => field !== 'eps');

/** One line per group: "Adam: Adam, α 0.05, β₁ 0.9, β₂ 0.999". `names` are the race's (the legend's). */
export function raceGroupLines(groups: readonly RaceGroupSpec[], names: readonly string[]): string[] {
  return groups.map((group, g) => {
    const optimizer = group.optimizer as unknown as Record<string, number> & { kind: keyof typeof optimizerLabels };
    const settings = [
      `α ${formatNumber(optimizer.alpha)}`,
      ...extras.filter(([field]) => field in optimizer).map(([field, label]) => `${label} ${formatNumber(optimizer[field])}`),
    ];
    return `${names[g] ?? group.name ?? `Group ${g + 1}`}: ${optimizerLabels[optimizer.kind]}, ${settings.join(', ')}`;
  });
}

/** The list shown at the top of the Optimizer folder while a race is loaded; hidden otherwise. */
export class RaceGroupsNote {
  readonly element = document.createElement('div');
  private readonly list = document.createElement('ul');

  constructor() {
    this.element.className = 'race-groups';
    this.element.dataset.testid = 'panel-race-groups';
    const heading = document.createElement('p');
    heading.textContent = 'A race: each group has its own optimizer (change them in the Race tab).';
    this.element.append(heading, this.list);
    this.element.hidden = true;
  }

  show(groups: readonly RaceGroupSpec[] | undefined, names: readonly string[]): void {
    this.element.hidden = !groups;
    if (!groups) return this.list.replaceChildren();
    const lines = raceGroupLines(groups, names);
    if (lines.join('\n') === [...this.list.children].map((item) => item.textContent).join('\n')) return;
    this.list.replaceChildren(
      ...lines.map((line) => {
        const item = document.createElement('li');
        item.textContent = line;
        return item;
      }),
    );
  }
}
