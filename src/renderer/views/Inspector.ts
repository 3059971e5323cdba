/**
 * The forward pass of one particle (the selected one) on one row of the data, for the neuron and the MLP:
 * inputs, weights, pre-activations, outputs, target and error, with the notebook's own printout above it
 * ("Epoch 0 | Prediction 0.86 | Error 0.0196", numpy's number format). The particle's parameters come
 * with every frame once the lab follows it (`lab.select`); the data set is rebuilt here from the scenario.
 */
import type { Dataset } from '../../engine/data';
import type { FrameEvent } from '../../shared/messages';
import type { Scenario } from '../../shared/scenario';
import { element } from '../dom';
import type { Lab } from '../lab';
import type { Notices } from '../notices';
import { dataRow, mlpPass, neuronPass, neuronStep, type MlpSpec } from './forward';
import { formatArray, formatScalar } from './numpy';

/** Rows of data the MLP printout passes through at once, as the notebook passes its whole X. */
const maxPrintedRows = 8;
/** Elements of one array printed before numpy's "..." summary. */
const threshold = 64;

type Shape = readonly number[];

/** Six significant digits, then numpy's format: the weights as they stand, without float noise. */
function sig6(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values, (v) => (Number.isFinite(v) ? Number(v.toPrecision(6)) : v));
}

function print(values: ArrayLike<number>, shape: Shape): string {
  return formatArray(values, shape, { threshold });
}

export class Inspector {
  readonly element: HTMLElement;
  private readonly particleInput: HTMLInputElement;
  private readonly rowInput: HTMLInputElement;
  private readonly rowLabel: HTMLLabelElement;
  private readonly rowNote: HTMLSpanElement;
  private readonly countNote: HTMLSpanElement;
  private readonly log: HTMLPreElement;
  private readonly logNote: HTMLParagraphElement;
  private readonly table: HTMLTableSectionElement;
  private readonly status: HTMLParagraphElement;
  private scenario: Scenario | null = null;
  private data: Dataset | null = null;
  private source: string | null = null;
  private count = 0;
  /** The particle the inspector asks the lab to follow. */
  private wanted = 0;
  private row = 0;
  private frame: FrameEvent | null = null;
  private pending = 0;

  constructor(
    private readonly lab: Lab,
    private readonly notices: Notices,
  ) {
    this.element = element('figure', undefined, 'view inspector');
    this.element.dataset.testid = 'inspector';
    const heading = element('figcaption', undefined, 'view-heading');
    heading.append(element('h2', 'Forward pass'));
    const controls = element('div', undefined, 'inspector-controls');
    const particleLabel = element('label', 'Particle ');
    this.particleInput = numberInput('particle');
    this.countNote = element('span', '', 'view-note');
    particleLabel.append(this.particleInput, this.countNote);
    this.rowLabel = element('label', 'Row ');
    this.rowInput = numberInput('row');
    this.rowNote = element('span', '', 'view-note');
    this.rowLabel.append(this.rowInput, this.rowNote);
    controls.append(particleLabel, this.rowLabel);
    heading.append(controls);
    this.status = element('p', 'Waiting for the particle’s parameters…', 'inspector-status');
    this.log = element('pre', '', 'notebook-log');
    this.log.dataset.testid = 'notebook-log';
    this.logNote = element('p', '', 'view-note');
    const table = element('table', undefined, 'pass');
    this.table = element('tbody');
    table.append(this.table);
    this.element.append(heading, this.status, this.log, this.logNote, table);
    this.particleInput.addEventListener('change', () => this.chooseParticle());
    this.rowInput.addEventListener('change', () => this.chooseRow());
  }

  /**
   * A neuron or MLP scenario was loaded (or reset, or re-viewed): follow the same particle if this is the
   * same scenario and it still exists, else particle 0.
   */
  setScenario(scenario: Scenario, data: Dataset, count: number, source: string | null): void {
    const same = this.scenario !== null && this.scenario.name === scenario.name && JSON.stringify(this.scenario.model) === JSON.stringify(scenario.model);
    this.scenario = scenario;
    this.data = data;
    this.source = source;
    this.count = count;
    if (!same || this.wanted >= count) this.wanted = 0;
    if (!same || this.row >= data.rows) this.row = 0;
    this.particleInput.max = String(count - 1);
    this.particleInput.value = String(this.wanted);
    this.particleInput.removeAttribute('aria-invalid');
    this.countNote.textContent = ` of ${count}`;
    this.rowInput.max = String(data.rows - 1);
    this.rowInput.value = String(this.row);
    this.rowLabel.hidden = data.rows < 2;
    this.rowNote.textContent = ` of ${data.rows}`;
    this.frame = null;
    this.follow();
    this.request();
  }

  /** A hot change (the learning rate, freezing, clipping): the printout's next weights use it. */
  updateScenario(scenario: Scenario): void {
    if (this.scenario && scenario !== this.scenario && scenario.name === this.scenario.name) {
      this.scenario = scenario;
      this.request();
    }
  }

  show(frame: FrameEvent): void {
    this.frame = frame;
    // Someone else chose a particle (the scene, a script): inspect that one.
    if (frame.selected && frame.selected.index !== this.wanted) {
      this.wanted = frame.selected.index;
      this.particleInput.value = String(this.wanted);
    }
    this.request();
  }

  destroy(): void {
    cancelAnimationFrame(this.pending);
  }

  private follow(): void {
    this.lab.select(this.wanted).catch((error: unknown) => this.notices.showError(error));
  }

  private chooseParticle(): void {
    const value = Number(this.particleInput.value);
    if (!Number.isInteger(value) || value < 0 || value >= this.count) {
      this.particleInput.setAttribute('aria-invalid', 'true');
      return;
    }
    this.particleInput.removeAttribute('aria-invalid');
    if (value === this.wanted) return;
    this.wanted = value;
    this.follow();
  }

  private chooseRow(): void {
    const rows = this.data?.rows ?? 0;
    const value = Number(this.rowInput.value);
    if (!Number.isInteger(value) || value < 0 || value >= rows) {
      this.rowInput.setAttribute('aria-invalid', 'true');
      return;
    }
    this.rowInput.removeAttribute('aria-invalid');
    this.row = value;
    this.request();
  }

  private request(): void {
    if (this.pending) return;
    this.pending = requestAnimationFrame(() => {
      this.pending = 0;
      this.render();
    });
  }

  private render(): void {
    const selected = this.frame?.selected;
    const scenario = this.scenario;
    const data = this.data;
    const ready = Boolean(selected && scenario && data && selected.index === this.wanted);
    this.status.hidden = ready;
    this.log.hidden = !ready;
    this.logNote.hidden = !ready;
    this.table.parentElement!.hidden = !ready;
    if (!ready) return;
    const rows: [string, string, string?][] = [];
    if (scenario!.model.kind === 'neuron') this.renderNeuron(selected!.params, rows);
    else if (scenario!.model.kind === 'mlp') this.renderMlp(selected!.params, scenario!.model, rows);
    // The same rows as last time (while the run goes on): change their values only, keeping any text selection.
    const current = [...this.table.rows];
    if (current.length === rows.length && current.every((tr, k) => tr.dataset.row === rows[k][0])) {
      current.forEach((tr, k) => {
        const value = tr.querySelector('.value')!;
        if (value.textContent !== rows[k][1]) value.textContent = rows[k][1];
      });
      return;
    }
    this.table.replaceChildren(
      ...rows.map(([label, value, formula]) => {
        const tr = element('tr');
        tr.dataset.row = label;
        const th = element('th', label);
        if (formula) th.append(element('span', formula, 'formula'));
        th.scope = 'row';
        const td = element('td');
        td.append(element('div', value, 'value'));
        tr.append(th, td);
        return tr;
      }),
    );
  }

  /**
   * The printout: lines of pieces joined by spaces. A narrow view wraps a long line between pieces only,
   * never inside one (a numpy array stays whole).
   */
  private print(lines: string[][]): void {
    this.log.replaceChildren(
      ...lines.flatMap((pieces, k) => [
        ...(k > 0 ? [document.createTextNode('\n')] : []),
        ...pieces.flatMap((piece, j) => [...(j > 0 ? [document.createTextNode(' ')] : []), element('span', piece, 'piece')]),
      ]),
    );
  }

  /** The notebook 000 printout and table of a linear neuron P = W·x. */
  private renderNeuron(params: Float64Array, rows: [string, string, string?][]): void {
    const data = this.data!;
    const scenario = this.scenario!;
    const { inputs, outputs } = data;
    const { x, y } = dataRow(data, this.row);
    const pass = neuronPass(params, x, y);
    const matrix = inputs > 1 && outputs > 1;
    const wShape: Shape = matrix ? [outputs, inputs] : [inputs * outputs];
    const one = outputs === 1;
    const optimizer = scenario.optimizer;
    // Plain gradient descent on a one-row batch: the next weights are the notebook's W − α·Δ.
    const next =
      optimizer.kind === 'gd' && optimizer.weightDecay === 0 && !optimizer.schedule && scenario.clip === null && data.rows === 1
        ? neuronStep(pass, optimizer.alpha, scenario.freeze)
        : null;
    const epoch = this.frame!.epoch;
    const prediction = one ? formatScalar(pass.prediction[0]) : formatArray(pass.prediction);
    const error = one ? formatScalar(pass.error) : formatArray(pass.errors);
    const deltas = formatArray(pass.deltas, wShape);
    this.print([
      [`Epoch ${epoch}`, `| Prediction ${prediction}`, `| Error ${error}`],
      next ? [`Weights ${formatArray(next, wShape)}`, `| Weight Deltas ${deltas}`] : [`Weight Deltas ${deltas}`],
    ]);
    this.logNote.textContent = `Printed as in ${this.source ?? 'notebook 000'}${next ? '; its Weights are those after this epoch’s update, W − α·Δ' : ''}.${
      outputs > 1 ? ' The deltas are the true gradient (P − GT)ᵀ·x, not the notebook’s elementwise rule.' : ''
    }`;
    rows.push(['inputs', print(x, [inputs]), 'x']);
    rows.push(['weights', print(sig6(pass.weights), wShape), 'W']);
    rows.push(['prediction', one ? formatScalar(pass.prediction[0]) : formatArray(pass.prediction), 'P = W·x']);
    rows.push(['target', one ? formatScalar(pass.target[0]) : formatArray(pass.target), 'GT']);
    if (!one) rows.push(['errors', formatArray(pass.errors), '(P − GT)²']);
    rows.push(['error', formatScalar(pass.error), one ? '(P − GT)²' : 'Σₖ (Pₖ − GTₖ)²']);
    rows.push(['weight deltas', deltas, one ? '(P − GT)·x' : '(P − GT)ᵀ·x']);
    if (next) rows.push(['next weights', print(sig6(next), wShape), `W − ${optimizer.alpha}·Δ`]);
  }

  /** The notebook 001 printout (every row, as its X) and the table of one row through each layer. */
  private renderMlp(params: Float64Array, spec: MlpSpec, rows: [string, string, string?][]): void {
    const data = this.data!;
    const printed = data.rows <= maxPrintedRows ? Array.from({ length: data.rows }, (_, r) => r) : [this.row];
    const passes = printed.map((r) => mlpPass(params, spec, dataRow(data, r).x, dataRow(data, r).y));
    const lines: string[] = [];
    passes[0].layers.forEach((layer, l) => {
      const input = l === 0 ? 'X' : `z${l}`;
      const affine = `${input} @ w${l + 1} + b${l + 1}`;
      const values = passes.flatMap((p) => Array.from(p.layers[l].post));
      lines.push(`z${l + 1} = ${layer.activation === 'identity' ? affine : `${layer.activation}(${affine})`}`);
      lines.push(formatArray(values, [passes.length, layer.post.length], { threshold }));
    });
    this.print(lines.map((line) => [line]));
    this.logNote.textContent = `Printed as in ${this.source ?? 'notebook 001'}${printed.length > 1 ? `, all ${printed.length} rows of X at once` : data.rows > 1 ? `, row ${this.row} of X` : ''}.`;
    const pass = mlpPass(params, spec, dataRow(data, this.row).x, dataRow(data, this.row).y);
    rows.push(['inputs', print(pass.inputs, [pass.inputs.length]), 'x']);
    pass.layers.forEach((layer, l) => {
      const n = l === 0 ? pass.inputs.length : pass.layers[l - 1].post.length;
      const m = layer.post.length;
      const a = l === 0 ? 'x' : `z${l}`;
      rows.push([`weights ${l + 1}`, print(sig6(layer.weights), [n, m]), `w${l + 1} (${n}×${m})`]);
      rows.push([`bias ${l + 1}`, print(sig6(layer.bias), [m]), `b${l + 1}`]);
      rows.push([`pre-activation ${l + 1}`, print(layer.pre, [m]), `${a} @ w${l + 1} + b${l + 1}`]);
      if (layer.activation !== 'identity') rows.push([`activation ${l + 1}`, print(layer.post, [m]), `z${l + 1} = ${layer.activation}(…)`]);
    });
    rows.push(['output', print(pass.output, [pass.output.length]), 'P']);
    rows.push(['target', print(pass.target, [pass.target.length]), 'y']);
    rows.push([
      'loss',
      formatScalar(pass.loss),
      pass.lossKind === 'squared error' ? 'Σₖ (Pₖ − yₖ)²' : spec.output === 'softmax' ? '−Σ y·log P' : '−Σ [y·log P + (1−y)·log(1−P)]',
    ]);
  }
}

function numberInput(name: string): HTMLInputElement {
  const input = element('input');
  input.type = 'number';
  input.min = '0';
  input.step = '1';
  input.inputMode = 'numeric';
  input.name = name;
  input.value = '0';
  return input;
}
