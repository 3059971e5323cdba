/**
 * The "Landscape" tab (issue 16, CONTRACTS §6 in the page): the loss of a model of more than two parameters
 * on a slice around one particle (the best, or a chosen one), computed by the trainer in slices with
 * progress and Cancel, drawn as a 3D surface with the particle's recorded path on it, and a slider that
 * steps a marker along the path. Bad options get the command line's one-line message, and the slice on
 * show stays.
 */
import { landscapeGrid, landscapeOptionProblems, type LandscapeEvent } from '../../../shared/landscape-messages';
import { element, labelled, numberInput, option } from '../../dom';
import { groupColour } from '../../group-colours';
import type { MountContext } from '../../mounts';
import { JobRunner } from '../job';
import type { ExperimentTab } from '../tabs';
import { pathPoints, pointCaption, sliceShape, sliceSummary } from './geometry';
import { LandscapeScene } from './LandscapeScene';
import { landscapeJobName, startLandscapeJob } from './runner';

const width = 560;
const height = 380;
const pathColour = '#ffffff';

export const landscapeTab: ExperimentTab = {
  id: 'landscape',
  title: 'Landscape',
  mount(panel, context) {
    const view = new LandscapeView(panel, context);
    return { closed: () => view.cancel() };
  },
};

class LandscapeView {
  private readonly directions = element('select');
  private readonly axisI = numberInput('0', '1');
  private readonly axisJ = numberInput('1', '1');
  private readonly grid = numberInput(String(landscapeGrid.default), '2');
  private readonly span = numberInput('1', 'any');
  private readonly seed = numberInput('0', '1');
  private readonly particle = numberInput('', '1');
  private readonly compute = element('button', 'Compute');
  private readonly stop = element('button', 'Cancel');
  private readonly progress = element('progress');
  private readonly status = element('p', 'Train a network a little, then Compute: the loss around its best particle, with the path it took.', 'view-note');
  private readonly canvas = element('canvas');
  private readonly slider = element('input');
  private readonly caption = element('p', '', 'view-note');
  private readonly legend = element('p', '', 'view-note');
  private readonly runner: JobRunner<LandscapeEvent>;
  private readonly scene: LandscapeScene | null;
  private shown: { event: LandscapeEvent; points: Float32Array } | null = null;

  constructor(
    panel: HTMLElement,
    private readonly context: MountContext,
  ) {
    for (const d of ['filter', 'pca', 'axes'])
      this.directions.append(option(d, d === 'filter' ? 'filter-normalised random' : d === 'pca' ? 'PCA of the path' : 'two parameters'));
    const testids: [HTMLElement, string][] = [
      [this.directions, 'directions'],
      [this.grid, 'grid'],
      [this.span, 'span'],
      [this.seed, 'seed'],
      [this.particle, 'particle'],
      [this.compute, 'compute'],
      [this.stop, 'cancel'],
      [this.status, 'status'],
      [this.canvas, 'canvas'],
      [this.slider, 'slider'],
      [this.caption, 'caption'],
      [this.progress, 'progress'],
      [this.legend, 'legend'],
    ];
    for (const [node, id] of testids) node.dataset.testid = `landscape-${id}`;
    this.grid.min = String(landscapeGrid.min);
    this.grid.max = String(landscapeGrid.max);
    this.particle.placeholder = 'best';
    this.runner = new JobRunner(
      { compute: this.compute, stop: this.stop, progress: this.progress, status: this.status, canvas: this.canvas },
      landscapeJobName,
    );
    const controls = element('div');
    controls.style.cssText = 'display:flex;flex-wrap:wrap;gap:0.5rem 1rem;align-items:center';
    const axes = element('span');
    axes.append(labelled('Axes ', this.axisI), ' ', this.axisJ);
    controls.append(
      labelled('Directions ', this.directions),
      axes,
      labelled('Grid ', this.grid),
      labelled('Span ± ', this.span),
      labelled('Seed ', this.seed),
      labelled('Particle ', this.particle),
      this.compute,
      this.stop,
      this.progress,
    );
    this.canvas.style.cssText = `width:${width}px;max-width:100%;aspect-ratio:${width}/${height};border:1px solid var(--line);display:block`;
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', 'The loss on a slice around the particle, as a surface, with its path drawn on it. Drag to turn it.');
    this.slider.type = 'range';
    this.slider.min = '0';
    this.slider.max = '0';
    this.slider.disabled = true;
    this.slider.setAttribute('aria-label', 'Point of the path');
    this.slider.style.width = `${width}px`;
    this.slider.style.maxWidth = '100%';
    panel.append(controls, this.status, this.canvas, this.legend, labelled('Along the path ', this.slider), this.caption);
    this.scene = LandscapeScene.create(this.canvas, width, height);
    if (!this.scene) this.runner.say('This browser has no WebGL: the landscape cannot be drawn.');

    const axesShown = () => (axes.hidden = this.directions.value !== 'axes');
    this.directions.addEventListener('change', axesShown);
    axesShown();
    this.compute.addEventListener('click', () => void this.run());
    this.stop.addEventListener('click', () => this.cancel());
    this.slider.addEventListener('input', () => this.mark(Number(this.slider.value)));
  }

  cancel(): void {
    this.runner.cancel();
  }

  private async run(): Promise<void> {
    if (!this.scene) return;
    const directions = this.directions.value as 'filter' | 'pca' | 'axes';
    const options = {
      directions,
      grid: Number(this.grid.value),
      span: Number(this.span.value),
      seed: Number(this.seed.value),
      ...(directions === 'axes' && { axes: [Number(this.axisI.value), Number(this.axisJ.value)] as [number, number] }),
    };
    const problems = landscapeOptionProblems(options);
    const particle = this.particle.value.trim() === '' ? undefined : Number(this.particle.value);
    if (particle !== undefined && !(Number.isInteger(particle) && particle >= 0))
      problems.push(`particle: must be a whole number from 0, not ${this.particle.value}`);
    // The slice on show stays: only the status line says what is wrong.
    if (problems.length > 0) return this.runner.say(problems.join('; '));
    const { grid } = options;
    await this.runner.run(
      (onProgress) => startLandscapeJob(this.context.lab, { ...options, ...(particle !== undefined && { particle }) }, onProgress),
      `Computing a ${grid} × ${grid} slice…`,
      (done, total) => `Computing a ${grid} × ${grid} slice: ${done} of ${total} rows…`,
      (event) => this.draw(event),
    );
  }

  private draw(event: LandscapeEvent): void {
    const shape = sliceShape(event);
    const points = pathPoints(shape, event.path, event.pathLoss);
    this.shown = { event, points };
    this.scene!.show(shape, [...this.groupPaths(event, shape), { points, colour: pathColour }]);
    const last = event.pathLoss.length - 1;
    this.slider.max = String(last);
    this.slider.value = String(last);
    this.slider.disabled = false;
    this.mark(last);
    this.runner.say(sliceSummary(event));
  }

  /**
   * A race: each group's best particle's path in its group's colour (the lab's race colours), under the
   * white path of the particle the slice is around (drawn last, on top), with a legend.
   */
  private groupPaths(event: LandscapeEvent, shape: ReturnType<typeof sliceShape>): { points: Float32Array; colour: string }[] {
    this.legend.replaceChildren();
    const groups = event.groups;
    if (!groups) return [];
    const names = this.context.lab.loaded?.groups?.names ?? groups.names;
    this.legend.append('Each group’s best particle: ');
    return groups.names.map((name, k) => {
      const colour = groupColour(Math.max(0, names.indexOf(name)));
      const swatch = element('span', `■ ${name} `);
      swatch.style.color = colour;
      this.legend.append(swatch);
      return { points: pathPoints(shape, groups.paths[k], groups.pathLosses[k]), colour };
    });
  }

  /** The marker at path point k, and what it says. */
  private mark(k: number): void {
    if (!this.shown) return;
    const { event, points } = this.shown;
    this.scene!.mark([points[3 * k], points[3 * k + 1], points[3 * k + 2]]);
    this.caption.textContent = pointCaption(event, k);
  }
}
