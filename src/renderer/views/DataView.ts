/**
 * The data of a linear model and its fit (the notebooks' regression plot). One feature: the scatter of
 * (x, y) with the best particle's line, the selected particle's (dashed) and faint lines of the best at
 * earlier steps (1, 2, 4, 8, … apart). More features: predicted against actual y for the best particle,
 * with the diagonal a perfect fit would lie on. A 2D canvas, redrawn at most once an animation frame.
 * The data are drawn in their own units, named by their columns when they have names; a model trained on
 * scaled features (`data.scale`) predicts from each row scaled as the engine scaled it.
 */
import type { Dataset } from '../../engine/data';
import { scaleRow, type Scaling } from '../../engine/scaling';
import type { FrameEvent } from '../../shared/messages';
import type { Scenario } from '../../shared/scenario';
import { element } from '../dom';
import { formatLoss } from '../format';
import { linearPredict } from './forward';
import { readPalette, type Palette } from './palette';
import { niceTicks, padRange, tickLabel } from './ticks';

/** Rows drawn at most: a larger data set is drawn from evenly spaced rows. */
const maxPoints = 4000;
/** Earlier fits of the best particle kept for the faint lines. */
const maxTrail = 6;
const margin = { left: 52, right: 14, top: 12, bottom: 38 };
const font = '11px system-ui, sans-serif';

interface Particle {
  index: number;
  params: Float64Array;
}

type Mode = 'line' | 'parity' | 'none';

export class DataView {
  readonly element: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  private readonly note: HTMLSpanElement;
  private readonly legend: HTMLParagraphElement;
  private data: Dataset | null = null;
  private scaling: Scaling | null = null;
  private bias = true;
  private mode: Mode = 'none';
  private best: Particle | null = null;
  private bestLoss: number | null = null;
  private selected: Particle | null = null;
  private step = 0;
  private trail: { step: number; params: Float64Array }[] = [];
  private nextTrailStep = 0;
  private restartPending = false;
  private rows: number[] = [];
  private pending = 0;
  private palette: Palette | null = null;
  private readonly observer: ResizeObserver;

  constructor() {
    this.element = element('figure', undefined, 'view data-view');
    this.element.dataset.testid = 'data-view';
    const heading = element('figcaption', undefined, 'view-heading');
    heading.append(element('h2', 'Data and fit'), (this.note = element('span', '', 'view-note')));
    this.canvas = element('canvas');
    this.canvas.setAttribute('role', 'img');
    this.legend = element('p', '', 'data-legend');
    this.element.append(heading, this.canvas, this.legend);
    this.observer = new ResizeObserver(() => this.request());
    this.observer.observe(this.canvas);
  }

  /**
   * A linear scenario was loaded (or reset): `data` is its data set in its own units (the trainer's, before
   * any scaling, which `scaling` describes), or null with the reason it is not shown.
   */
  setData(scenario: Scenario, data: Dataset | null, reason: string | null = null, scaling: Scaling | null = null): void {
    this.data = data;
    this.scaling = scaling;
    this.bias = scenario.model.kind === 'linear' ? scenario.model.bias : false;
    this.mode = !data ? 'none' : data.inputs === 1 ? 'line' : 'parity';
    this.note.textContent =
      reason ?? (this.mode === 'line' ? `${data!.rows} points` : this.mode === 'parity' ? `${data!.rows} rows, ${data!.inputs} features` : '');
    this.canvas.setAttribute('aria-label', this.mode === 'line' ? 'The data and the fitted line' : 'Predicted against actual values');
    this.rows = data ? sampleRows(data.rows) : [];
    this.restartPending = true;
    this.request();
  }

  show(frame: FrameEvent): void {
    if ((this.restartPending && frame.step === 0) || frame.step < this.step) {
      this.trail = [];
      this.nextTrailStep = 0;
    }
    this.restartPending = false;
    this.step = frame.step;
    this.best = frame.best;
    this.bestLoss = frame.summary.bestLoss;
    this.selected = frame.selected;
    if (frame.best && frame.step >= this.nextTrailStep) {
      this.trail.push({ step: frame.step, params: frame.best.params });
      if (this.trail.length > maxTrail) this.trail.shift();
      this.nextTrailStep = Math.max(1, frame.step * 2);
    }
    this.request();
  }

  destroy(): void {
    this.observer.disconnect();
    cancelAnimationFrame(this.pending);
  }

  private request(): void {
    if (this.pending) return;
    this.pending = requestAnimationFrame(() => {
      this.pending = 0;
      this.draw();
    });
  }

  private draw(): void {
    const canvas = this.canvas;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    if (width === 0 || height === 0) return;
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const palette = (this.palette ??= readPalette(this.element));
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.fillStyle = palette.background;
    ctx.fillRect(0, 0, width, height);
    this.legend.replaceChildren();
    if (!this.data || this.mode === 'none') return;
    if (this.mode === 'line') this.drawLine(ctx, width, height, palette);
    else this.drawParity(ctx, width, height, palette);
  }

  private drawLine(ctx: CanvasRenderingContext2D, width: number, height: number, palette: Palette): void {
    const data = this.data!;
    const [x0, x1] = padRange(...extent(this.rows.map((r) => data.x[r])), 0.04);
    const [y0, y1] = padRange(...extent(this.rows.map((r) => data.y[r])), 0.08);
    const frame = new Frame(width, height, x0, x1, y0, y1);
    frame.axes(ctx, palette, data.names?.x[0] ?? 'x', data.names?.y[0] ?? 'y');
    frame.clip(ctx, () => {
      ctx.fillStyle = palette.points;
      ctx.globalAlpha = 0.85;
      const radius = this.rows.length > 1000 ? 1.5 : 2.5;
      for (const r of this.rows) dot(ctx, frame.px(data.x[r]), frame.py(data.y[r]), radius);
      ctx.globalAlpha = 1;
      const line = (params: Float64Array, color: string, lineWidth: number, dash: number[] = []) => {
        const a = this.predict(params, [x0]);
        const b = this.predict(params, [x1]);
        if (!Number.isFinite(a) || !Number.isFinite(b)) return;
        ctx.strokeStyle = color;
        ctx.lineWidth = lineWidth;
        ctx.setLineDash(dash);
        ctx.beginPath();
        ctx.moveTo(frame.px(x0), frame.py(a));
        ctx.lineTo(frame.px(x1), frame.py(b));
        ctx.stroke();
        ctx.setLineDash([]);
      };
      const earlier = this.trail.filter((t) => t.step < this.step);
      earlier.forEach((t, k) => {
        ctx.globalAlpha = 0.12 + (0.25 * (k + 1)) / earlier.length;
        line(t.params, palette.best, 1);
      });
      ctx.globalAlpha = 1;
      if (this.selected && this.selected.index !== this.best?.index) line(this.selected.params, palette.selected, 1.5, [6, 4]);
      if (this.best) line(this.best.params, palette.best, 2.25);
    });
    if (this.best) this.legendItem('best', `best fit, particle ${this.best.index}: ${this.equation(this.best.params)}`);
    if (this.selected && this.selected.index !== this.best?.index)
      this.legendItem('selected', `selected, particle ${this.selected.index}: ${this.equation(this.selected.params)}`);
    this.scalingLegend();
    if (this.trail.some((t) => t.step < this.step))
      this.legendItem(
        'trail',
        `earlier best fits (steps ${this.trail
          .filter((t) => t.step < this.step)
          .map((t) => t.step)
          .join(', ')})`,
      );
  }

  private drawParity(ctx: CanvasRenderingContext2D, width: number, height: number, palette: Palette): void {
    const data = this.data!;
    const p = data.inputs;
    const [lo, hi] = padRange(...extent(this.rows.map((r) => data.y[r])), 0.12);
    const frame = new Frame(width, height, lo, hi, lo, hi);
    frame.axes(ctx, palette, `actual ${data.names?.y[0] ?? 'y'}`, 'predicted ŷ');
    const best = this.best;
    let off = 0;
    frame.clip(ctx, () => {
      ctx.strokeStyle = palette.muted;
      ctx.lineWidth = 1;
      ctx.setLineDash([4, 4]);
      ctx.beginPath();
      ctx.moveTo(frame.px(lo), frame.py(lo));
      ctx.lineTo(frame.px(hi), frame.py(hi));
      ctx.stroke();
      ctx.setLineDash([]);
      if (!best) return;
      ctx.fillStyle = palette.best;
      const radius = this.rows.length > 1000 ? 1.5 : 3;
      for (const r of this.rows) {
        const yhat = this.predict(best.params, data.x.subarray(r * p, (r + 1) * p));
        if (!Number.isFinite(yhat) || yhat < lo || yhat > hi) off++;
        else dot(ctx, frame.px(data.y[r]), frame.py(yhat), radius);
      }
    });
    if (best) this.legendItem('best', `best particle ${best.index}: ŷ = ${this.equation(best.params, p)} · mean squared error ${formatLoss(this.bestLoss)}`);
    this.scalingLegend();
    this.legendItem('diagonal', 'a perfect fit lies on the diagonal');
    if (off) this.legendItem('off', `${off} of ${this.rows.length} predictions fall off the chart`);
  }

  /** The fit at one row in the data's own units: scaled first, as the model was trained. */
  private predict(params: Float64Array, x: ArrayLike<number>): number {
    return linearPredict(params, this.bias, this.scaling ? scaleRow(this.scaling, x) : x);
  }

  private equation(params: Float64Array, features = 1): string {
    return equation(params, this.bias, features, featureNames(this.data, this.scaling));
  }

  /** What z(size) means, for the first few features of a scaled model. */
  private scalingLegend(): void {
    const scaling = this.scaling;
    if (!scaling) return;
    const names = featureNames(this.data, null);
    const terms = Array.from(scaling.mean.slice(0, 4), (mean, j) => `z(${names[j]}) = (${names[j]} − ${round(mean)}) / ${round(scaling.spread[j])}`);
    this.legendItem('scaling', `${terms.join(', ')}${scaling.mean.length > 4 ? ', …' : ''}: the features scaled (data.scale)`);
  }

  private legendItem(kind: string, text: string): void {
    const item = element('span', undefined, `legend-item ${kind}`);
    item.append(element('i', undefined, 'key'), document.createTextNode(text));
    this.legend.append(item);
  }
}

/** Maps data coordinates to the canvas and draws the axes. */
class Frame {
  readonly left = margin.left;
  readonly top = margin.top;
  readonly right: number;
  readonly bottom: number;

  constructor(
    readonly width: number,
    readonly height: number,
    readonly x0: number,
    readonly x1: number,
    readonly y0: number,
    readonly y1: number,
  ) {
    this.right = width - margin.right;
    this.bottom = height - margin.bottom;
  }

  px(x: number): number {
    return this.left + ((x - this.x0) / (this.x1 - this.x0)) * (this.right - this.left);
  }

  py(y: number): number {
    return this.bottom - ((y - this.y0) / (this.y1 - this.y0)) * (this.bottom - this.top);
  }

  clip(ctx: CanvasRenderingContext2D, draw: () => void): void {
    ctx.save();
    ctx.beginPath();
    ctx.rect(this.left, this.top, this.right - this.left, this.bottom - this.top);
    ctx.clip();
    draw();
    ctx.restore();
  }

  axes(ctx: CanvasRenderingContext2D, palette: Palette, xLabel: string, yLabel: string): void {
    const xt = niceTicks(this.x0, this.x1, Math.max(2, Math.floor((this.right - this.left) / 70)));
    const yt = niceTicks(this.y0, this.y1, Math.max(2, Math.floor((this.bottom - this.top) / 40)));
    ctx.lineWidth = 1;
    ctx.strokeStyle = palette.line;
    ctx.beginPath();
    for (const t of xt.ticks) {
      const x = Math.round(this.px(t)) + 0.5;
      ctx.moveTo(x, this.top);
      ctx.lineTo(x, this.bottom + 4);
    }
    for (const t of yt.ticks) {
      const y = Math.round(this.py(t)) + 0.5;
      ctx.moveTo(this.left - 4, y);
      ctx.lineTo(this.right, y);
    }
    ctx.stroke();
    ctx.strokeRect(this.left + 0.5, this.top + 0.5, this.right - this.left - 1, this.bottom - this.top - 1);
    ctx.fillStyle = palette.muted;
    ctx.font = font;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const t of xt.ticks) ctx.fillText(tickLabel(t, xt.step), this.px(t), this.bottom + 6);
    ctx.fillText(xLabel, (this.left + this.right) / 2, this.bottom + 21);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const t of yt.ticks) ctx.fillText(tickLabel(t, yt.step), this.left - 7, this.py(t));
    ctx.save();
    ctx.translate(12, (this.top + this.bottom) / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = 'center';
    ctx.fillText(yLabel, 0, 0);
    ctx.restore();
  }
}

function dot(ctx: CanvasRenderingContext2D, x: number, y: number, radius: number): void {
  ctx.beginPath();
  ctx.arc(x, y, radius, 0, 2 * Math.PI);
  ctx.fill();
}

/** [min, max] of the finite values ([0, 1] when there are none). */
function extent(values: number[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? [min, max] : [0, 1];
}

/** Evenly spaced row indices, at most `maxPoints` of them. */
function sampleRows(rows: number): number[] {
  const count = Math.min(rows, maxPoints);
  return Array.from({ length: count }, (_, k) => Math.floor((k * rows) / count));
}

/** "ŷ = 1.23 + 2.01·x" (one feature) or "1.23 + 1.5·x₁ + 1.5·x₂" (several), 4 significant digits. */
const round = (v: number) => String(Number(v.toPrecision(4)));

/** The features' names in an equation: the columns' (z(size) when scaled), else x or x₁, x₂, …. */
function featureNames(data: Dataset | null, scaling: Scaling | null): string[] {
  const p = data?.inputs ?? 0;
  const subscripts = '₀₁₂₃₄₅₆₇₈₉';
  const plain = (j: number) => data?.names?.x[j] ?? (p === 1 ? 'x' : `x${String(j + 1).replace(/\d/g, (d) => subscripts[Number(d)])}`);
  return Array.from({ length: p }, (_, j) => (scaling ? `z(${plain(j)})` : plain(j)));
}

function equation(params: Float64Array, bias: boolean, features: number, names: readonly string[]): string {
  const num = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(4))) : 'nan');
  const first = bias ? 1 : 0;
  const name = (j: number) => names[j] ?? `x${j + 1}`;
  const terms = Array.from({ length: features }, (_, j) => ({ v: params[first + j], text: `${num(Math.abs(params[first + j]))}·${name(j)}` }));
  if (features > 4) terms.splice(3, features - 4, { v: 1, text: '…' });
  let out = bias ? num(params[0]) : '';
  for (const t of terms) out += out ? (t.v < 0 ? ' − ' : ' + ') + t.text : (t.v < 0 ? '−' : '') + t.text;
  return features === 1 ? `ŷ = ${out}` : out;
}
