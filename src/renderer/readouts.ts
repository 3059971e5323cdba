/**
 * The live readouts in the header (CONTRACTS §3 test ids), written from the lab's state. Converged and
 * Diverged each carry a small table of their counts by stop reason (CONTRACTS §5), shown on hover or focus.
 */
import { convergedReasons, reasonLabels, stopReasons, type StopReason } from '../shared/stopping';
import { formatLoss } from './format';
import type { Scenario } from '../shared/scenario';
import type { LabState } from './lab';

/**
 * The Converged readout: its count, or "off" while no rule could mark a particle converged (tolerance and
 * the converging stop rules all off), where "0" beside a loss of 1e-5 would read as a verdict on the run.
 */
export function convergedText(converged: number, scenario: Scenario | null): string {
  if (converged > 0 || !scenario) return String(converged);
  const { tolerance, stop } = scenario;
  return tolerance === null && stop.belowLoss === null && stop.gradNorm === null && stop.patience === null ? 'off' : '0';
}

/** Short names for the reasons table; the long ones (reasonLabels) are the rows' tooltips. */
export const reasonShortNames: Record<StopReason, string> = {
  tolerance: 'Tolerance',
  belowLoss: 'Below loss',
  gradNorm: 'Gradient norm',
  patience: 'Stalled (patience)',
  nonFinite: 'Not finite',
  divergence: 'Blew up (divergence)',
};

export class Readouts {
  private readonly fields: Record<'status' | 'epoch' | 'loss' | 'best-loss' | 'converged' | 'diverged', HTMLElement>;

  constructor(root: ParentNode) {
    const field = (id: string) => {
      const node = root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
      if (!node) throw new Error(`index.html has no readout "${id}"`);
      return node;
    };
    this.fields = {
      status: field('status'),
      epoch: field('epoch'),
      loss: field('loss'),
      'best-loss': field('best-loss'),
      converged: field('converged'),
      diverged: field('diverged'),
    };
    const diverging = stopReasons.filter((r) => !convergedReasons.includes(r));
    this.reasonCells = {
      ...this.reasonTable(this.fields.converged, 'converged', convergedReasons),
      ...this.reasonTable(this.fields.diverged, 'diverged', diverging),
    };
  }

  private readonly reasonCells: Partial<Record<StopReason, HTMLElement>>;

  /** A table of `reasons` beside a count's readout: one row each, its count cell returned by reason. */
  private reasonTable(count: HTMLElement, status: string, reasons: readonly StopReason[]): Partial<Record<StopReason, HTMLElement>> {
    const table = document.createElement('table');
    table.className = 'reasons';
    table.dataset.testid = `${status}-reasons`;
    table.createCaption().textContent = `${status[0].toUpperCase()}${status.slice(1)}, by reason`;
    const cells: Partial<Record<StopReason, HTMLElement>> = {};
    for (const reason of reasons) {
      const row = table.insertRow();
      row.title = reasonLabels[reason];
      row.dataset.reason = reason;
      row.insertCell().textContent = reasonShortNames[reason];
      cells[reason] = row.insertCell();
      cells[reason].textContent = '0';
    }
    // A <dd> of its own keeps the count's readout (CONTRACTS §3) the count alone, and the <dl> valid.
    const detail = document.createElement('dd');
    detail.className = 'reasons-detail';
    detail.append(table);
    count.parentElement!.append(detail);
    return cells;
  }

  show(state: Readonly<LabState>): void {
    const { summary } = state;
    this.write('status', state.status);
    this.write('epoch', String(state.epoch));
    this.write('loss', formatLoss(summary.meanLoss));
    this.write('best-loss', formatLoss(summary.bestLoss));
    this.write('converged', convergedText(summary.converged, state.scenario));
    this.fields.converged.title =
      this.fields.converged.textContent === 'off' ? 'No stop rule is on: set a Tolerance (or a rule of the Stopping folder) for particles to converge' : '';
    this.write('diverged', String(summary.diverged));
    this.fields.status.dataset.status = state.status;
    for (const reason of stopReasons) {
      const cell = this.reasonCells[reason]!;
      const text = String(summary.reasons[reason]);
      if (cell.textContent !== text) cell.textContent = text;
    }
  }

  /** Only touches the DOM on a change: frames come at display rate. */
  private write(key: keyof Readouts['fields'], text: string): void {
    const node = this.fields[key];
    if (node.textContent !== text) node.textContent = text;
  }
}
