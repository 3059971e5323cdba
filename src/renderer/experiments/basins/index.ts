/**
 * The "Basins" tab: a dense grid of starts on a surface, each coloured by the minimum it descends into
 * (or diverged, or not settled), computed in a worker with progress and cancel. The optimizer control
 * (gradient descent, or momentum with β) shows how momentum reshapes the basins. Clicking the map starts one
 * particle there in the lab, with the same optimizer, so its path can be watched.
 */
import type { BasinsResult } from '../../../shared/basins-messages';
import { presets } from '../../../shared/presets';
import type { Scenario, ScenarioInput } from '../../../shared/scenario';
import { validateScenario } from '../../../shared/validate';
import { element, labelled, numberInput, option } from '../../dom';
import type { MountContext } from '../../mounts';
import { JobRunner } from '../job';
import type { ExperimentTab } from '../tabs';
import { css, divergedColour, labelColour, unsettledColour } from './colours';
import { drawBasins } from './draw';
import { startBasins } from './runner';

/** The named surfaces' own presets (a race's groups have no place on a basins map: it runs one optimizer). */
const surfacePresets = presets.filter((p) => p.scenario.model.kind === 'surface' && p.group === 'surfaces' && !('groups' in p.scenario));
const canvasSize = 400;

export const basinsTab: ExperimentTab = {
  id: 'basins',
  title: 'Basins',
  mount(panel, context) {
    const tab = new BasinsView(panel, context);
    return { opened: () => tab.opened(), closed: () => tab.cancel() };
  },
};

class BasinsView {
  private readonly surface = element('select');
  private readonly optimizer = element('select');
  private readonly alpha = named(numberInput('0.01', 'any'), 'alpha');
  private readonly beta = named(numberInput('0.9', '0.05'), 'beta');
  private readonly epochs = named(numberInput('500', '1'), 'epochs');
  private readonly resolution = element('select');
  private readonly compute = element('button', 'Compute');
  private readonly stop = element('button', 'Cancel');
  private readonly progress = element('progress');
  private readonly status = element('p', 'Pick a surface and an optimizer, then Compute.', 'view-note');
  private readonly canvas = element('canvas');
  private readonly legend = element('ul');
  private readonly runner: JobRunner<BasinsResult>;
  private shown: { result: BasinsResult; scenario: Scenario } | null = null;
  private marker: [number, number] | null = null;
  /** The lab's scenario when it is a surface of its own (see opened). */
  private current: Scenario | null = null;

  constructor(
    panel: HTMLElement,
    private readonly context: MountContext,
  ) {
    const controls = element('div', undefined, 'basins-controls');
    controls.style.cssText = 'display:flex;flex-wrap:wrap;gap:0.5rem 1rem;align-items:center';
    for (const preset of surfacePresets) this.surface.append(option(preset.name, preset.title));
    this.surface.value = 'himmelblau';
    this.optimizer.append(option('gd', 'gradient descent'), option('momentum', 'momentum'));
    for (const r of [100, 200, 300]) this.resolution.append(option(String(r), `${r} × ${r}`));
    this.resolution.value = '200';
    this.surface.dataset.testid = 'basins-surface';
    this.optimizer.dataset.testid = 'basins-optimizer';
    this.beta.dataset.testid = 'basins-beta';
    this.resolution.dataset.testid = 'basins-resolution';
    this.compute.dataset.testid = 'basins-compute';
    this.stop.dataset.testid = 'basins-cancel';
    this.runner = new JobRunner({ compute: this.compute, stop: this.stop, progress: this.progress, status: this.status, canvas: this.canvas }, 'basins');
    this.status.dataset.testid = 'basins-status';
    controls.append(
      labelled('Surface ', this.surface),
      labelled('Optimizer ', this.optimizer),
      labelled('α ', this.alpha),
      labelled('β ', this.beta),
      labelled('Epochs ', this.epochs),
      labelled('Starts ', this.resolution),
      this.compute,
      this.stop,
      this.progress,
    );
    this.canvas.width = this.canvas.height = canvasSize;
    this.canvas.dataset.testid = 'basins-canvas';
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute(
      'aria-label',
      'Basins of attraction seen from above: each start coloured by the minimum it reaches. Click a start, or move with the arrow keys and press Enter, to run it in the lab.',
    );
    this.canvas.style.cssText = `width:${canvasSize}px;max-width:100%;aspect-ratio:1;cursor:crosshair;image-rendering:pixelated;border:1px solid var(--line)`;
    this.legend.dataset.testid = 'basins-legend';
    this.legend.style.cssText = 'list-style:none;padding:0;margin:0;display:flex;flex-direction:column;gap:0.2rem;max-height:400px;overflow:auto';
    const body = element('div');
    body.style.cssText = 'display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start;margin-top:0.5rem';
    body.append(this.canvas, this.legend);
    panel.append(controls, this.status, body);

    this.surface.addEventListener('change', () => this.takeDefaults());
    // The lab's scenario can change while the tab is open (a file, a typed formula): the offer follows it.
    let seen: Scenario | null = null;
    context.lab.events.on('change', ({ scenario }) => {
      if (scenario === seen) return;
      seen = scenario;
      this.opened();
    });
    this.optimizer.addEventListener('change', () => (this.beta.disabled = this.optimizer.value !== 'momentum'));
    this.compute.addEventListener('click', () => this.run());
    this.stop.addEventListener('click', () => this.cancel());
    this.canvas.addEventListener('click', (event) => {
      const box = this.canvas.getBoundingClientRect();
      this.pick((event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height);
    });
    this.canvas.addEventListener('keydown', (event) => this.key(event));
    this.takeDefaults();
  }

  cancel(): void {
    this.runner.cancel();
  }

  /**
   * Offers the lab's own scenario too when it is a surface that no preset names (a typed formula, a
   * changed start): its minima are then found by clustering the end points.
   */
  opened(): void {
    const scenario = this.context.lab.state().scenario;
    const current =
      scenario && scenario.model.kind === 'surface' && !('groups' in scenario) && !surfacePresets.some((p) => p.name === scenario.name) ? scenario : null;
    this.current = current;
    const chosen = this.surface.value === 'current';
    this.surface.querySelector('option[value="current"]')?.remove();
    if (current) this.surface.prepend(option('current', `the lab’s scenario: ${current.name || 'untitled'}`));
    if (chosen && current) this.surface.value = 'current';
  }

  /** The chosen scenario's α and epochs. */
  private takeDefaults(): void {
    const base = this.base();
    this.alpha.value = String(base.optimizer.alpha);
    this.epochs.value = String(base.epochs);
    this.optimizer.value = 'gd';
    this.beta.disabled = true;
  }

  /** The lab's scenario or a surface preset, as chosen. */
  private base(): ScenarioInput {
    if (this.surface.value === 'current' && this.current) return this.current;
    return surfacePresets.find((p) => p.name === this.surface.value)!.scenario;
  }

  /** The chosen scenario with the chosen optimizer and epochs, validated like a scenario file. */
  private scenario(): Scenario | string[] {
    const alpha = Number(this.alpha.value);
    const optimizer =
      this.optimizer.value === 'momentum' ? { kind: 'momentum' as const, alpha, beta: Number(this.beta.value) } : { kind: 'gd' as const, alpha };
    const input: ScenarioInput = { ...this.base(), optimizer, epochs: Number(this.epochs.value) };
    const checked = validateScenario(input);
    return checked.ok ? checked.scenario : checked.problems;
  }

  private async run(): Promise<void> {
    this.cancel();
    const scenario = this.scenario();
    if (Array.isArray(scenario)) {
      this.say(`Cannot compute: ${scenario.join('; ')}`);
      return;
    }
    const resolution = Number(this.resolution.value);
    const starts = resolution * resolution;
    await this.runner.run(
      (onProgress) => startBasins({ type: 'basins', scenario, resolution }, onProgress),
      `Running ${starts} starts…`,
      (done, total) => `Running ${starts} starts: row ${done} of ${total} done…`,
      (result) => {
        this.shown = { result, scenario };
        this.marker = null;
        this.draw();
        this.showLegend(result);
        const name =
          scenario.optimizer.kind === 'momentum'
            ? `momentum (α = ${scenario.optimizer.alpha}, β = ${scenario.optimizer.beta})`
            : `gradient descent (α = ${scenario.optimizer.alpha})`;
        this.say(
          `${result.minima.length} basin${result.minima.length === 1 ? '' : 's'} of ${scenario.name} under ${name}, ${result.steps} steps. Click the map to run a start in the lab.`,
        );
      },
    );
  }

  private say(text: string): void {
    this.runner.say(text);
  }

  private draw(): void {
    const shown = this.shown;
    if (!shown) return;
    const model = shown.scenario.model;
    drawBasins(this.canvas, shown.result, model.kind === 'surface' ? model.fn : undefined, this.marker);
    this.canvas.dataset.drawn = String(shown.result.resolution);
  }

  private showLegend(result: BasinsResult): void {
    const total = result.labels.length;
    const share = (count: number) => `${count} start${count === 1 ? '' : 's'} (${((100 * count) / total).toFixed(1)} %)`;
    const rows: [string, string][] = [];
    const listed = result.minima.map((m, k) => ({ m, k, count: result.counts[k] })).filter((entry) => entry.count > 0);
    for (const { m, k, count } of listed.slice(0, 24))
      rows.push([css(labelColour(k, result.minima.length)), `minimum (${m[0].toFixed(3)}, ${m[1].toFixed(3)}): ${share(count)}`]);
    if (listed.length > 24)
      rows.push(['transparent', `… and ${listed.length - 24} more minima (${result.minimaSource === 'derived' ? 'derived lattice' : 'listed'})`]);
    rows.push([css(divergedColour), `diverged: ${share(result.diverged)}`]);
    rows.push([css(unsettledColour), `not settled near a minimum: ${share(result.unsettled)}`]);
    this.legend.replaceChildren(
      ...rows.map(([colour, text]) => {
        const item = element('li');
        const swatch = element('span');
        swatch.style.cssText = `display:inline-block;width:0.9em;height:0.9em;margin-right:0.4em;vertical-align:middle;border-radius:2px;background:${colour}`;
        item.append(swatch, text);
        return item;
      }),
    );
  }

  /** The keyboard's way to pick: arrows move the cross a cell (ten with Shift), Enter starts a particle there. */
  private key(event: KeyboardEvent): void {
    const shown = this.shown;
    if (!shown) return;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const cell = 1 / shown.result.resolution;
    const [[x0, x1], [y0, y1]] = shown.result.range;
    const u = this.marker ? (this.marker[0] - x0) / (x1 - x0) : 0.5;
    const v = this.marker ? (y1 - this.marker[1]) / (y1 - y0) : 0.5;
    if (event.key === 'Enter') this.pick(u, v);
    else if (moves[event.key]) {
      const step = (event.shiftKey ? 10 : 1) * cell;
      const clamp = (t: number) => Math.min(1 - cell / 2, Math.max(cell / 2, t));
      this.marker = [x0 + clamp(u + moves[event.key][0] * step) * (x1 - x0), y1 - clamp(v + moves[event.key][1] * step) * (y1 - y0)];
      this.draw();
      this.say(`(${this.marker[0].toPrecision(4)}, ${this.marker[1].toPrecision(4)}): press Enter to run this start in the lab.`);
    } else return;
    event.preventDefault();
  }

  /** Starts one particle at the start at (u, v) of the map (fractions from its top left), with the map's optimizer, and plays it. */
  private pick(u: number, v: number): void {
    const shown = this.shown;
    if (!shown) return;
    const [[x0, x1], [y0, y1]] = shown.result.range;
    const x = Number((x0 + u * (x1 - x0)).toPrecision(6));
    const y = Number((y1 - v * (y1 - y0)).toPrecision(6));
    const { resolution, labels, minima } = shown.result;
    const ix = Math.min(resolution - 1, Math.max(0, Math.floor(u * resolution)));
    const iy = Math.min(resolution - 1, Math.max(0, Math.floor((1 - v) * resolution)));
    const label = labels[iy * resolution + ix];
    this.marker = [x, y];
    this.draw();
    const fate =
      label >= 0
        ? `its basin is the minimum (${minima[label][0].toFixed(3)}, ${minima[label][1].toFixed(3)})`
        : label === -1
          ? 'it diverges'
          : 'it had not settled';
    const { lab, notices } = this.context;
    lab.load({ ...shown.scenario, name: `${shown.scenario.name} from (${x}, ${y})`, init: { points: [[x, y]] } }).then(
      () => {
        lab.play();
        this.say(`Started a particle at (${x}, ${y}) in the lab: on the map, ${fate}.`);
      },
      (error: unknown) => notices.showError(error),
    );
  }
}

function named(input: HTMLInputElement, name: string): HTMLInputElement {
  input.name = name;
  return input;
}
