/**
 * The decision boundary of a classifier with two inputs (issue 16): the best particle's prediction over the
 * input plane, 100 × 100 cells coloured by class and saturated by confidence (./boundary-image.ts), with the
 * data on it: training rows filled, held-out rows outlined, each in its target's colour. The prediction is
 * the engine's own forward pass (MlpModel.predict) on the page, 10,000 rows through a small net: redrawn at
 * most four times a second however fast the frames come.
 */
import type { Dataset } from '../../engine/data';
import { classOf } from '../../engine/metrics';
import { MlpModel } from '../../engine/models/mlp';
import type { FrameEvent } from '../../shared/messages';
import type { Scenario } from '../../shared/scenario';
import { element } from '../dom';
import { boundaryPixels, classColours, dataRange, gridInputs, type Range2 } from './boundary-image';

const cells = 100;
const interval = 250;

/** Whether a scenario gets this view: an MLP with two inputs on a classification set. */
export function showsBoundary(scenario: Scenario, data: Dataset | null): boolean {
  return scenario.model.kind === 'mlp' && scenario.model.layers[0] === 2 && !!data?.classes;
}

export class DecisionBoundary {
  readonly element: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  private readonly note: HTMLSpanElement;
  private readonly image = document.createElement('canvas');
  private model: MlpModel | null = null;
  private data: Dataset | null = null;
  private range: Range2 = [
    [-1, 1],
    [-1, 1],
  ];
  private grid = gridInputs(this.range, cells);
  private outputs = new Float64Array(0);
  private pixels = new Uint8ClampedArray(4 * cells * cells);
  private latest: Float64Array | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastDraw = 0;
  private draws = 0;

  constructor() {
    this.element = element('figure', undefined, 'view boundary-view');
    this.element.dataset.testid = 'boundary-view';
    const heading = element('figcaption', undefined, 'view-heading');
    heading.append(element('h2', 'Decision boundary'), (this.note = element('span', '', 'view-note')));
    this.canvas = element('canvas');
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', 'The best network’s class over the input plane, with the data points');
    this.image.width = cells;
    this.image.height = cells;
    this.element.append(heading, this.canvas);
  }

  /** A classifier was loaded: `data` as the network sees it (scaled when `data.scale` says so). */
  setScenario(scenario: Scenario, data: Dataset): void {
    if (scenario.model.kind !== 'mlp') return;
    this.model = new MlpModel(data, scenario.model);
    this.data = data;
    this.range = dataRange([data, ...(data.test ? [data.test] : [])]);
    this.grid = gridInputs(this.range, cells);
    this.outputs = new Float64Array(cells * cells * data.outputs);
    this.latest = null;
    this.note.textContent = `${data.rows} training rows (filled)${data.test ? `, ${data.test.rows} held out (outlined)` : ''}`;
    this.element.dataset.draws = '0';
    this.draws = 0;
    this.schedule();
  }

  show(frame: FrameEvent): void {
    if (frame.best) this.latest = frame.best.params;
    this.schedule();
  }

  private schedule(): void {
    if (this.timer !== null) return;
    const wait = Math.max(0, this.lastDraw + interval - performance.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.draw();
    }, wait);
  }

  private draw(): void {
    this.lastDraw = performance.now();
    const { model, data } = this;
    const context = this.canvas.getContext('2d');
    if (!model || !data || !context) return;
    const width = Math.max(50, Math.floor(this.canvas.clientWidth * devicePixelRatio));
    const height = Math.max(50, Math.floor(this.canvas.clientHeight * devicePixelRatio));
    if (this.canvas.width !== width || this.canvas.height !== height) [this.canvas.width, this.canvas.height] = [width, height];
    context.fillStyle = '#60666e';
    context.fillRect(0, 0, width, height);
    if (this.latest) {
      model.predict(this.latest, this.grid, cells * cells, this.outputs);
      boundaryPixels(this.outputs, cells * cells, data.outputs, this.pixels);
      this.image.getContext('2d')!.putImageData(new ImageData(this.pixels, cells, cells), 0, 0);
      context.imageSmoothingEnabled = false;
      context.drawImage(this.image, 0, 0, width, height);
      this.element.dataset.signature = signature(this.pixels);
    }
    const r = 3 * devicePixelRatio;
    const place = (set: Dataset, filled: boolean) => {
      for (let row = 0; row < set.rows; row++) {
        const [x, y] = [set.x[2 * row], set.x[2 * row + 1]];
        const px = ((x - this.range[0][0]) / (this.range[0][1] - this.range[0][0])) * width;
        const py = ((this.range[1][1] - y) / (this.range[1][1] - this.range[1][0])) * height;
        const colour = classColours[Math.max(0, classOf(set.y, row, set.outputs)) % classColours.length];
        context.beginPath();
        context.arc(px, py, r, 0, 2 * Math.PI);
        if (filled) {
          context.fillStyle = `rgb(${colour.join(',')})`;
          context.fill();
          context.strokeStyle = '#0b0e12';
          context.lineWidth = devicePixelRatio;
          context.stroke();
        } else {
          // A ring in the class's colour inside a dark one: visible on a cell of its own colour too.
          context.strokeStyle = '#0b0e12';
          context.lineWidth = 3.5 * devicePixelRatio;
          context.stroke();
          context.strokeStyle = `rgb(${colour.join(',')})`;
          context.lineWidth = 1.5 * devicePixelRatio;
          context.stroke();
        }
      }
    };
    place(data, true);
    if (data.test) place(data.test, false);
    this.element.dataset.draws = String(++this.draws);
  }
}

/** A short digest of the picture, for tests to see that it changed: the mean of each colour channel. */
function signature(pixels: Uint8ClampedArray): string {
  const sums = [0, 0, 0];
  for (let i = 0; i < pixels.length; i += 4) for (let j = 0; j < 3; j++) sums[j] += pixels[i + j];
  return sums.map((s) => (s / (pixels.length / 4)).toFixed(3)).join(',');
}
