/** The live readouts in the header (CONTRACTS §3 test ids), written from the lab's state. */
import { formatLoss } from './format';
import type { LabState } from './lab';

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
  }

  show(state: Readonly<LabState>): void {
    const { summary } = state;
    this.write('status', state.status);
    this.write('epoch', String(state.epoch));
    this.write('loss', formatLoss(summary.meanLoss));
    this.write('best-loss', formatLoss(summary.bestLoss));
    this.write('converged', String(summary.converged));
    this.write('diverged', String(summary.diverged));
    this.fields.status.dataset.status = state.status;
  }

  /** Only touches the DOM on a change: frames come at display rate. */
  private write(key: keyof Readouts['fields'], text: string): void {
    const node = this.fields[key];
    if (node.textContent !== text) node.textContent = text;
  }
}
