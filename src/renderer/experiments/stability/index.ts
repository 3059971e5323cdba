/**
 * The "Stability map" tab (issue 8): the scenario in the lab swept over the learning rate (log scale)
 * against an optional second setting, in a worker with progress and cancel (../../../trainer/sweep.ts),
 * drawn as a heatmap of the share converged, with diverged cells marked. Hovering a cell tells its numbers;
 * clicking one (or Enter on the focused map) loads that alpha and setting into the lab.
 */
import { cellScenario, sweepFields, type SweepField, type SweepResult } from '../../../shared/sweep-messages';
import type { Scenario } from '../../../shared/scenario';
import { dataShape } from '../../../shared/spec';
import { element, labelled, numberInput } from '../../dom';
import type { MountContext } from '../../mounts';
import type { ExperimentTab } from '../tabs';
import { cellAt, drawHeatmap, type PlotBox } from './heatmap';
import { JobRunner } from '../job';
import { startSweep } from './runner';

export const stabilityTab: ExperimentTab = {
  id: 'stability',
  title: 'Stability map',
  mount(panel, context) {
    const view = new StabilityView(panel, context);
    return { opened: () => view.opened(), closed: () => view.cancel() };
  },
};

const fieldTitles: Record<SweepField, string> = {
  'batch.size': 'batch size',
  'optimizer.beta': 'momentum β',
  'clip.limit': 'clip limit',
  'init.std': 'init spread (σ)',
};

/** A second setting's default range for a scenario (what a first map should show). */
function defaultRange(field: SweepField, scenario: Scenario | null): [number, number] {
  switch (field) {
    case 'batch.size': {
      const data = scenario?.data;
      const rows = data && !('csv' in data) ? dataShape(data).rows : 12; // the training rows: only they are batched
      return [1, rows];
    }
    case 'optimizer.beta':
      return [0.1, 0.95];
    case 'clip.limit':
      return [0.1, 10];
    case 'init.std':
      return [0.1, 3];
  }
}

function numberField(testid: string, value: string, step = 'any'): HTMLInputElement {
  const input = numberInput(value, step);
  input.dataset.testid = testid;
  return input;
}

class StabilityView {
  private readonly field = element('select');
  private readonly alphaMin = numberField('stability-alpha-min', '0.001');
  private readonly alphaMax = numberField('stability-alpha-max', '1');
  private readonly alphaCount = numberField('stability-alpha-count', '24', '1');
  private readonly vsMin = numberField('stability-vs-min', '0.1');
  private readonly vsMax = numberField('stability-vs-max', '0.95');
  private readonly vsCount = numberField('stability-vs-count', '12', '1');
  private readonly epochs = numberField('stability-epochs', '100', '1');
  private readonly compute = element('button', 'Compute');
  private readonly stop = element('button', 'Cancel');
  private readonly progress = element('progress');
  private readonly status = element('p', 'Choose the ranges, then Compute. The map runs the scenario now in the lab once per cell.', 'view-note');
  private readonly hover = element('p', '', 'view-note');
  private readonly canvas = element('canvas');
  private readonly runner: JobRunner<SweepResult>;
  private shown: { result: SweepResult; box: PlotBox; selected: [number, number] | null } | null = null;

  constructor(
    panel: HTMLElement,
    private readonly context: MountContext,
  ) {
    this.field.append(new Option('none (one row)', ''));
    for (const f of sweepFields) this.field.append(new Option(fieldTitles[f], f));
    this.field.dataset.testid = 'stability-field';
    this.runner = new JobRunner({ compute: this.compute, stop: this.stop, progress: this.progress, status: this.status, canvas: this.canvas }, 'sweep');
    this.compute.dataset.testid = 'stability-compute';
    this.stop.dataset.testid = 'stability-cancel';
    this.progress.dataset.testid = 'stability-progress';
    this.status.dataset.testid = 'stability-status';
    this.hover.dataset.testid = 'stability-hover';
    this.hover.setAttribute('aria-live', 'polite');
    const row = (...children: HTMLElement[]) => {
      const div = element('div', undefined, 'experiment-controls');
      div.style.cssText = 'display:flex;flex-wrap:wrap;gap:0.5rem 1rem;align-items:center;margin:0.25rem 0';
      div.append(...children);
      return div;
    };
    this.canvas.width = 640;
    this.canvas.height = 360;
    this.canvas.tabIndex = 0;
    this.canvas.dataset.testid = 'stability-canvas';
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute(
      'aria-label',
      'Stability map: share of particles converged for each learning rate (across) and second setting (up); crossed-out cells diverged. Click a cell to load its setting into the lab.',
    );
    this.canvas.style.cssText = 'width:640px;max-width:100%;cursor:crosshair;border:1px solid var(--line);display:block;margin-top:0.5rem';
    panel.append(
      row(labelled('α from ', this.alphaMin), labelled('to ', this.alphaMax), labelled('points ', this.alphaCount), labelled('Epochs ', this.epochs)),
      row(labelled('Against ', this.field), labelled('from ', this.vsMin), labelled('to ', this.vsMax), labelled('points ', this.vsCount)),
      row(this.compute, this.stop, this.progress),
      this.status,
      this.canvas,
      this.hover,
    );

    this.field.addEventListener('change', () => this.takeFieldDefaults());
    this.compute.addEventListener('click', () => void this.run());
    this.stop.addEventListener('click', () => this.cancel());
    this.canvas.addEventListener('mousemove', (event) => this.describe(this.cellUnder(event)));
    this.canvas.addEventListener('mouseleave', () => (this.hover.textContent = ''));
    this.canvas.addEventListener('click', (event) => void this.pick(this.cellUnder(event)));
    this.canvas.addEventListener('keydown', (event) => this.key(event));
    this.takeFieldDefaults();
  }

  /** Opening the tab takes the lab's scenario's learning rate and epochs as a starting range. */
  opened(): void {
    if (this.shown || this.runner.running) return;
    const scenario = this.context.lab.state().scenario;
    if (!scenario) return;
    const alpha = scenario.optimizer.alpha;
    this.alphaMin.value = String(Number((alpha / 100).toPrecision(3)));
    this.alphaMax.value = String(Number((alpha * 30).toPrecision(3)));
    this.epochs.value = String(Math.min(scenario.epochs, 1000));
  }

  cancel(): void {
    this.runner.cancel();
  }

  private takeFieldDefaults(): void {
    const field = this.field.value as SweepField | '';
    for (const input of [this.vsMin, this.vsMax, this.vsCount]) input.disabled = field === '';
    if (field === '') return;
    const [min, max] = defaultRange(field, this.context.lab.state().scenario);
    this.vsMin.value = String(min);
    this.vsMax.value = String(max);
    this.vsCount.value = field === 'batch.size' ? String(Math.min(12, max)) : '12';
  }

  private async run(): Promise<void> {
    this.cancel();
    const scenario = this.context.lab.state().scenario;
    if (!scenario) return this.say('Nothing is loaded in the lab yet.');
    const field = this.field.value as SweepField | '';
    const alpha = { min: Number(this.alphaMin.value), max: Number(this.alphaMax.value), count: Number(this.alphaCount.value) };
    const vs = field === '' ? null : { field, min: Number(this.vsMin.value), max: Number(this.vsMax.value), count: Number(this.vsCount.value) };
    const epochs = Number(this.epochs.value);
    const cells = alpha.count * (vs?.count ?? 1);
    await this.runner.run(
      (onProgress) => startSweep({ type: 'sweep', scenario, alpha, vs, epochs }, onProgress),
      `Computing ${cells} cells of ${scenario.name}…`,
      (done, total) => `Computing: cell ${done} of ${total}…`,
      (result) => {
        this.shown = { result, box: drawHeatmap(this.canvas, result, null), selected: null };
        this.canvas.dataset.drawn = `${result.cells.length}x${result.alpha.length}`;
        const box = this.shown.box;
        this.canvas.dataset.plot = [box.left, box.top, box.width, box.height].join(',');
        const race = scenario.groups ? ' (the scenario’s own optimizer: a race’s groups are left out)' : '';
        const untolerant =
          scenario.tolerance === null
            ? ' This scenario has no tolerance, so no particle can count as converged: set one in the panel to see where it converges.'
            : '';
        this.say(
          `${scenario.name}, ${epochs} epochs a cell${race}. Brighter: more converged; dark: still running when the epochs ran out; vermillion: diverged; crossed out: all diverged. Click a cell to load it.${untolerant}`,
        );
      },
    );
  }

  private say(text: string): void {
    this.runner.say(text);
  }

  private cellUnder(event: MouseEvent): [number, number] | null {
    if (!this.shown) return null;
    const rect = this.canvas.getBoundingClientRect();
    const x = ((event.clientX - rect.left) / rect.width) * this.canvas.width;
    const y = ((event.clientY - rect.top) / rect.height) * this.canvas.height;
    return cellAt(this.shown.result, this.shown.box, x, y);
  }

  private describe(at: [number, number] | null): void {
    if (!this.shown || !at) {
      this.hover.textContent = '';
      return;
    }
    const { result } = this.shown;
    const [r, c] = at;
    const cell = result.cells[r][c];
    const setting = result.vs ? `, ${result.vs.field} = ${Number(result.vs.values[r].toPrecision(4))}` : '';
    const median = cell.medianSteps === null ? 'none converged' : `median ${cell.medianSteps} steps to converge`;
    this.hover.textContent = `α = ${Number(result.alpha[c].toPrecision(4))}${setting}: ${(100 * cell.converged).toFixed(1)}% converged, ${(100 * cell.diverged).toFixed(1)}% diverged, ${median}.`;
  }

  /** Arrow keys move a selection over the map, Enter loads it: the map works without a mouse. */
  private key(event: KeyboardEvent): void {
    if (!this.shown) return;
    const { result } = this.shown;
    const [r, c] = this.shown.selected ?? [0, 0];
    const moves: Record<string, [number, number]> = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [1, 0], ArrowDown: [-1, 0] };
    if (event.key === 'Enter') {
      event.preventDefault();
      void this.pick([r, c]);
      return;
    }
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const next: [number, number] = [Math.min(result.cells.length - 1, Math.max(0, r + move[0])), Math.min(result.alpha.length - 1, Math.max(0, c + move[1]))];
    this.select(next);
    this.describe(next);
  }

  private select(at: [number, number]): void {
    if (!this.shown) return;
    this.shown.selected = at;
    this.shown.box = drawHeatmap(this.canvas, this.shown.result, at);
  }

  /** Loads the cell's learning rate (and setting) into the lab: hot changes where they are hot. */
  private async pick(at: [number, number] | null): Promise<void> {
    if (!this.shown || !at) return;
    const { result } = this.shown;
    const [r, c] = at;
    this.select(at);
    const { lab, notices } = this.context;
    const alpha = result.alpha[c];
    try {
      const current = lab.state().scenario;
      if (current?.groups) {
        // The map swept a race's own optimizer (its groups left out): load exactly the scenario of the cell.
        const { groups: _race, ...plain } = current;
        await lab.load(cellScenario(plain, alpha, result.vs?.field ?? null, result.vs?.values[r] ?? NaN));
      } else if (result.vs) {
        const value = result.vs.values[r];
        if (result.vs.field === 'clip.limit' && !current?.clip) await lab.set('clip', { mode: 'norm', limit: value });
        else await lab.set(result.vs.field, value);
      }
      if (!current?.groups) await lab.set('optimizer.alpha', alpha);
      this.say(
        `Loaded α = ${Number(alpha.toPrecision(4))}${result.vs ? ` and ${result.vs.field} = ${Number(result.vs.values[r].toPrecision(4))}` : ''} into the lab. Press Play (Space) to watch it.`,
      );
    } catch (error) {
      notices.showError(error);
    }
  }
}
