/**
 * The race's results table: one row per group (its colour, name, share converged and diverged, the first and
 * median step of convergence, the best and mean loss, and the α it raced at, tuned or as given),
 * from the loaded race and the frame's per-group summaries. The best
 * value of each column is marked (fewest steps, lowest loss, most converged, fewest diverged).
 */
import type { FrameEvent } from '../../../shared/messages';
import { element } from '../../dom';
import { formatLoss } from '../../format';
import { swatch } from './colours';
import { alphaText, type GroupAlpha } from './tuned';

type GroupSummary = NonNullable<FrameEvent['groups']>[number];

interface Column {
  title: string;
  /** What the number means, for the header's tooltip. */
  hint: string;
  value(s: GroupSummary): number | null;
  text(v: number | null): string;
  /** Which end is best: the lowest value, or the highest. */
  best: 'low' | 'high';
}

const percent = (v: number | null) => (v === null ? '—' : `${(100 * v).toFixed(v === 0 || v === 1 ? 0 : 1)}%`);
const steps = (v: number | null) => (v === null ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(1));

const columns: Column[] = [
  { title: 'converged', hint: 'share of the group that met the tolerance', value: (s) => s.converged / s.count, text: percent, best: 'high' },
  {
    title: 'diverged',
    hint: 'share of the group whose loss or parameters stopped being finite',
    value: (s) => s.diverged / s.count,
    text: percent,
    best: 'low',
  },
  { title: 'first step', hint: 'the step at which the group’s first particle converged', value: (s) => s.firstSteps, text: steps, best: 'low' },
  { title: 'median step', hint: 'median step of convergence among the converged', value: (s) => s.medianSteps, text: steps, best: 'low' },
  { title: 'best loss', hint: 'lowest finite full-data loss in the group', value: (s) => s.bestLoss, text: formatLoss, best: 'low' },
  { title: 'mean loss', hint: 'mean finite full-data loss of the group', value: (s) => s.meanLoss, text: formatLoss, best: 'low' },
];

export class ResultsTable {
  readonly element = element('table', undefined, 'race-results');
  private readonly body = element('tbody');
  private rows: HTMLTableCellElement[][] = [];
  private alphaCells: HTMLTableCellElement[] = [];

  constructor() {
    this.element.dataset.testid = 'race-results';
    this.element.style.cssText = 'border-collapse:collapse;font-variant-numeric:tabular-nums;margin:0.5rem 0;font-size:0.9em';
    const head = element('thead');
    const tr = element('tr');
    tr.append(element('th', 'group'));
    for (const c of columns) {
      const th = element('th', c.title);
      th.title = c.hint;
      th.style.cssText = 'text-align:right;padding:0.2rem 0.6rem;color:var(--muted);font-weight:normal';
      th.scope = 'col';
      tr.append(th);
    }
    // The α column last: the numbers' columns keep their places.
    const alpha = element('th', 'α');
    alpha.title = 'the learning rate the group raced at: tuned (over the range tried) or as given';
    alpha.style.cssText = 'text-align:left;padding:0.2rem 0.6rem;color:var(--muted);font-weight:normal';
    alpha.scope = 'col';
    tr.append(alpha);
    head.append(tr);
    this.element.append(head, this.body);
  }

  /** A new race: one empty row per group. */
  setGroups(names: readonly string[]): void {
    this.alphaCells = [];
    this.body.replaceChildren();
    this.rows = names.map((name, g) => {
      const tr = element('tr');
      tr.dataset.group = String(g);
      const th = element('th');
      th.scope = 'row';
      th.append(swatch(g), document.createTextNode(name));
      th.style.cssText = 'text-align:left;padding:0.2rem 0.6rem;font-weight:normal;white-space:nowrap';
      const cells = columns.map(() => {
        const td = element('td', '—');
        td.style.cssText = 'text-align:right;padding:0.2rem 0.6rem';
        return td;
      });
      const alpha = element('td', '—');
      alpha.dataset.testid = 'race-alpha';
      alpha.style.cssText = 'text-align:left;padding:0.2rem 0.6rem;white-space:nowrap';
      this.alphaCells.push(alpha);
      tr.append(th, ...cells, alpha);
      this.body.append(tr);
      return cells;
    });
  }

  /** The α each group races at, tuned or as given: told on every load (a tuned race keeps the groups' names). */
  setAlphas(alphas: readonly GroupAlpha[]): void {
    this.alphaCells.forEach((cell, g) => (cell.textContent = alphas[g] ? alphaText(alphas[g]) : '—'));
  }

  /** Hidden groups are dimmed, not removed: the table still compares them. */
  setHidden(hidden: ReadonlySet<number>): void {
    [...this.body.children].forEach((tr, g) => {
      tr.classList.toggle('race-hidden', hidden.has(g));
      (tr as HTMLElement).style.opacity = hidden.has(g) ? '0.45' : '1';
    });
  }

  update(groups: readonly GroupSummary[]): void {
    columns.forEach((column, c) => {
      const values = groups.map((s) => column.value(s));
      const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
      const best = finite.length ? (column.best === 'low' ? Math.min(...finite) : Math.max(...finite)) : null;
      values.forEach((v, g) => {
        const cell = this.rows[g]?.[c];
        if (!cell) return;
        cell.textContent = column.text(v);
        // Mark a best only where groups differ: a column all equal has no winner.
        const isBest = best !== null && v === best && finite.some((w) => w !== best);
        cell.classList.toggle('race-best', isBest);
        cell.style.fontWeight = isBest ? '600' : 'normal';
        cell.title = isBest ? 'best of the race' : '';
      });
    });
  }
}
