/**
 * The "Microscope" tab: one particle, one step, taken apart. "Step once" steps the whole run by exactly one
 * step (the trainer's `microscope` command) and shows that particle's pieces: the raw gradient, the
 * gradient after freezing and clipping, the batch gradient beside the full-data one for a mini-batch, the
 * optimizer's state (velocity, Adam's moments and their bias corrections, the squares' sum or average),
 * and the step Δp; a log in the notebook's own format (./log.ts); and arrows on the 3D surface at the
 * particle (scene/Arrows.ts), drawn in the view's plane.
 */
import type { MicroscopeEvent } from '../../../shared/messages';
import type { Scenario } from '../../../shared/scenario';
import { element } from '../../dom';
import type { SceneArrows } from '../../lab';
import type { MountContext } from '../../mounts';
import { formatScalar } from '../../views/numpy';
import type { ExperimentTab } from '../tabs';
import { formulaLines } from './formulas';
import { logLines } from './log';

/** The arrows: which move each draws, its colour and its legend text. */
const arrowKinds: { key: string; colour: string; label: string }[] = [
  { key: 'gradient', colour: '#e6c36a', label: 'raw gradient, as a move −lr·g' },
  { key: 'fullGradient', colour: '#7f9bb8', label: 'full-data gradient, −lr·g (mini-batch)' },
  { key: 'adjusted', colour: '#f08c5a', label: 'gradient after freeze and clip, −lr·g′' },
  { key: 'velocity', colour: '#b69cf0', label: 'velocity, −lr·v' },
  { key: 'moment', colour: '#b69cf0', label: 'Adam’s first moment, −lr·m̂' },
  { key: 'step', colour: '#ffffff', label: 'the step taken, Δp' },
];
/** Lines of log kept: the last steps, newest last. */
const maxLogLines = 400;

export const microscopeTab: ExperimentTab = {
  id: 'microscope',
  title: 'Microscope',
  mount(panel, context) {
    const view = new MicroscopeView(panel, context);
    return { opened: () => view.opened(), closed: () => view.closed() };
  },
};

class MicroscopeView {
  private readonly particle = element('input');
  private readonly useBest = element('button', 'Best particle');
  private readonly stepButton = element('button', 'Step once');
  private readonly status = element('p', 'Pick a particle (the one selected in the lab, or the best) and step once.', 'view-note');
  private readonly log = element('pre', '', 'notebook-log');
  /** The step as the update rule with its numbers (./formulas.ts). */
  private readonly formulas = element('pre', '', 'notebook-log');
  private readonly legend = element('ul');
  private readonly table = element('table', undefined, 'pass');
  private scenario: Scenario | null = null;
  private count = 0;
  private best: number | null = null;
  private last: MicroscopeEvent | null = null;
  private busy = false;
  /** The run's step the arrows on show belong to (null: none on show). */
  private arrowStep: number | null = null;
  /** The run's step right after the last step taken apart. */
  private lastStep = -1;

  constructor(
    panel: HTMLElement,
    private readonly context: MountContext,
  ) {
    const { lab } = context;
    const controls = element('div');
    controls.style.cssText = 'display:flex;flex-wrap:wrap;gap:0.5rem 1rem;align-items:center';
    this.particle.type = 'number';
    this.particle.min = '0';
    this.particle.step = '1';
    this.particle.value = '0';
    this.particle.style.width = '6em';
    this.particle.dataset.testid = 'microscope-particle';
    this.useBest.type = this.stepButton.type = 'button';
    this.useBest.dataset.testid = 'microscope-best';
    this.stepButton.dataset.testid = 'microscope-step';
    this.stepButton.title = 'Steps the whole run by one step and takes this particle’s step apart';
    const label = element('label', 'Particle ');
    label.append(this.particle);
    controls.append(label, this.useBest, this.stepButton);
    this.status.setAttribute('role', 'status');
    this.status.dataset.testid = 'microscope-status';
    this.log.dataset.testid = 'microscope-log';
    this.log.hidden = true;
    this.formulas.dataset.testid = 'microscope-formulas';
    this.formulas.setAttribute('aria-label', 'The step as formulas with numbers');
    this.formulas.hidden = true;
    this.legend.dataset.testid = 'microscope-legend';
    this.legend.style.cssText = 'list-style:none;padding:0;margin:0.5rem 0;display:flex;flex-wrap:wrap;gap:0.25rem 1rem';
    this.table.dataset.testid = 'microscope-table';
    panel.append(controls, this.status, this.legend, this.formulas, this.log, this.table);

    this.useBest.addEventListener('click', () => {
      if (this.best !== null) this.choose(this.best);
    });
    this.particle.addEventListener('change', () => this.choose(Number(this.particle.value)));
    this.stepButton.addEventListener('click', () => void this.stepOnce());
    lab.events.on('loaded', (event) => {
      this.scenario = event.scenario as unknown as Scenario;
      this.count = event.count;
      this.particle.max = String(event.count - 1);
      if (Number(this.particle.value) >= event.count) this.particle.value = '0';
      this.clear();
    });
    lab.events.on('change', (state) => {
      if (state.scenario) this.scenario = state.scenario;
    });
    lab.events.on('frame', (frame) => {
      this.best = frame.best?.index ?? null;
      // The run moved on (play, a step, a seek): the arrows belong to a step that is no longer on show.
      if (this.arrowStep !== null && frame.step !== this.arrowStep) {
        this.arrowStep = null;
        lab.events.emit('arrows', null);
      }
      // A particle chosen in the lab (the scene, the inspector) is the one to look at.
      if (frame.selected && frame.selected.index !== Number(this.particle.value) && !this.busy) this.particle.value = String(frame.selected.index);
    });
    this.scenario = lab.state().scenario;
    this.count = lab.state().summary.count;
  }

  opened(): void {
    if (this.last && this.context.lab.state().step === this.lastStep) {
      this.context.lab.events.emit('arrows', this.arrowsOf(this.last));
      this.arrowStep = this.lastStep;
    }
  }

  closed(): void {
    this.arrowStep = null;
    this.context.lab.events.emit('arrows', null);
  }

  private choose(index: number): void {
    if (!Number.isInteger(index) || index < 0 || (this.count > 0 && index >= this.count)) {
      this.particle.setAttribute('aria-invalid', 'true');
      return;
    }
    this.particle.removeAttribute('aria-invalid');
    this.particle.value = String(index);
    this.context.lab.select(index).catch((error: unknown) => this.context.notices.showError(error));
  }

  private clear(): void {
    this.last = null;
    this.arrowStep = null;
    this.log.textContent = '';
    this.log.hidden = true;
    this.formulas.textContent = '';
    this.formulas.hidden = true;
    this.legend.replaceChildren();
    this.table.replaceChildren();
    this.context.lab.events.emit('arrows', null);
  }

  private async stepOnce(): Promise<void> {
    const index = Number(this.particle.value);
    if (!Number.isInteger(index) || index < 0) {
      this.particle.setAttribute('aria-invalid', 'true');
      return;
    }
    const { lab, notices } = this.context;
    this.busy = true;
    this.stepButton.disabled = true;
    try {
      lab.pause();
      const event = await lab.microscope(index);
      this.show(event);
    } catch (error) {
      notices.showError(error);
      this.status.textContent = (error as Error).message;
    } finally {
      this.busy = false;
      this.stepButton.disabled = false;
    }
  }

  private show(event: MicroscopeEvent): void {
    this.last = event;
    const scenario = this.scenario;
    if (scenario) {
      const lines = [...this.log.textContent!.split('\n').filter(Boolean), ...logLines(event, scenario)];
      this.log.textContent = lines.slice(-maxLogLines).join('\n');
      this.log.hidden = false;
      this.log.scrollTop = this.log.scrollHeight;
      // In a race, the particle's own group's optimizer (the top-level one is not used for stepping).
      const group = this.context.lab.loaded?.groups?.of[event.particle];
      const spec = group !== undefined && scenario.groups ? scenario.groups[group].optimizer : scenario.optimizer;
      this.formulas.textContent = formulaLines(event, spec, scenario.freeze).join('\n');
      this.formulas.hidden = false;
    }
    const arrows = this.arrowsOf(event);
    this.context.lab.events.emit('arrows', arrows);
    this.arrowStep = this.lastStep = this.context.lab.state().step;
    const projected = event.arrows?.projected
      ? ` Arrows are projected onto the view’s two axes, like the particles (the model has ${event.paramNames.length} parameters).`
      : '';
    const rate = event.lr !== null ? ` Learning rate ${formatScalar(event.lr)}.` : '';
    const drawn =
      arrows.arrows.length === 0
        ? ''
        : arrows.magnified === 1
          ? ' Arrows at true scale: the step ends where the particle now is.'
          : ` Arrows drawn ×${arrows.magnified}, all alike, to be seen.`;
    this.status.textContent = `Particle ${event.particle}, step ${event.step} (epoch ${event.epoch}): ${event.stopped ?? `${event.statusBefore} → ${event.statusAfter}`}.${rate}${drawn}${projected}`;
    this.legend.replaceChildren(
      ...arrows.arrows.map(({ name, colour }) => {
        const item = element('li');
        const swatch = element('span');
        swatch.style.cssText = `display:inline-block;width:1.4em;height:0.25em;margin-right:0.4em;vertical-align:middle;background:${colour}`;
        item.append(swatch, arrowKinds.find((k) => k.key === name)!.label);
        return item;
      }),
    );
    this.showTable(event);
  }

  /**
   * The event's arrows with their colours, in the legend's order. At true scale when the longest is from
   * 3 % to 60 % of the view's side, so that the step ends where the particle now is; else all magnified
   * (or shrunk) alike by a round factor, to about a tenth (or half) of the side.
   */
  private arrowsOf(event: MicroscopeEvent): SceneArrows & { magnified: number } {
    const found = event.arrows;
    if (!found) return { origin: [0, 0], arrows: [], magnified: 1 };
    const picked = arrowKinds.flatMap(({ key, colour }) => (found.vectors[key] ? [{ name: key, colour, vector: found.vectors[key] }] : []));
    const [[a0, a1], [b0, b1]] = found.range;
    const side = Math.max(a1 - a0, b1 - b0);
    const share = Math.max(0, ...picked.map(({ vector }) => Math.hypot(vector[0], vector[1]))) / side;
    const magnified = !(share > 0) || (share >= 0.03 && share <= 0.6) ? 1 : share < 0.03 ? roundDown(0.1 / share) : roundDown(0.5 / share);
    const arrows = picked.map((arrow) => ({ ...arrow, vector: [arrow.vector[0] * magnified, arrow.vector[1] * magnified] as [number, number] }));
    return { origin: found.origin, loss: event.loss ?? undefined, arrows, magnified };
  }

  /** One row per parameter (at most 64), one column per piece of the step. */
  private showTable(event: MicroscopeEvent): void {
    const v = event.vectors;
    const columns: [string, Float64Array | undefined][] = [
      ['before', v.params],
      ['gradient', v.gradient],
      ['full-data gradient', v.fullGradient],
      ['after freeze, clip', v.adjusted],
      ['v', v.v],
      ['m', v.m],
      ['m̂', v.mHat],
      ['v̂', v.vHat],
      ['s', v.s],
      ['g_avg', v.avg],
      ['b (RMSprop)', v.buf],
      ['v_max', v.w],
      ['Δp', v.delta],
      ['after', v.after],
    ];
    const shown = columns.filter((c): c is [string, Float64Array] => c[1] !== undefined);
    const cell = <T extends HTMLElement>(node: T): T => {
      node.style.padding = '0.15rem 0.9rem 0.15rem 0';
      node.style.textAlign = 'right';
      node.style.fontVariantNumeric = 'tabular-nums';
      return node;
    };
    const head = element('tr');
    head.append(element('th', 'parameter'), ...shown.map(([name]) => cell(element('th', name))));
    const rows = event.paramNames.slice(0, 64).map((name, j) => {
      const tr = element('tr');
      tr.append(
        element('th', `${name}${this.scenario?.freeze.includes(j) ? ' (frozen)' : ''}`),
        ...shown.map(([, values]) => cell(element('td', formatScalar(values[j])))),
      );
      return tr;
    });
    const notes: string[] = [];
    if (event.clipScale !== null) notes.push(`norm clip: g scaled by ${formatScalar(event.clipScale)}`);
    if (event.corrections) notes.push(`bias corrections 1 − β₁ᵗ = ${formatScalar(event.corrections[0])}, 1 − β₂ᵗ = ${formatScalar(event.corrections[1])}`);
    if (event.paramNames.length > 64) notes.push(`the first 64 of ${event.paramNames.length} parameters`);
    const caption = element('caption', notes.join(' · '));
    this.table.replaceChildren(caption, head, ...rows);
  }
}

/** The largest 1, 2 or 5 × 10ᵏ not above `value`: a factor a reader takes in at a glance. */
function roundDown(value: number): number {
  const power = Math.pow(10, Math.floor(Math.log10(value)));
  const lead = value / power;
  return (lead >= 5 ? 5 : lead >= 2 ? 2 : 1) * power;
}
