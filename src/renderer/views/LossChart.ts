/**
 * The loss against the step, live (uPlot). Each series reads one number from every frame: the mean and best
 * loss of the cloud, with the best particle's held-out loss and accuracy where the run reports them
 * (./loss-series.ts; accuracy in % on its own right-hand axis), or in a race one mean per optimizer group
 * (experiments/race/ passes its own `LossSeries`). The history is bounded (./history.ts) and the chart is redrawn at most a few times a second
 * however fast the frames come.
 * The y axis is logarithmic while every loss is ≥ 0 (a loss of exactly 0 leaves a gap in the line, and reads 0
 * in the legend); a loss below 0 (a surface that falls without bound) switches it to linear. Either way uPlot
 * is given plotted numbers it can label at any magnitude (./loss-axis.ts), and the legend the losses themselves.
 * While a particle is hovered in the scene, its own loss curve is a line of its own (./particle-series.ts,
 * `setParticle`), over the frames the scene keeps for its trail; the element's data-particle names it.
 */
import uPlot from 'uplot';
import type { FrameEvent } from '../../shared/messages';
import { element } from '../dom';
import type { HoveredParticle } from '../lab';
import { formatLoss } from '../format';
import { LossHistory } from './history';
import { formatPercent, percent, sameSeries, seriesOf, summarySeries, type LossSeries } from './loss-series';
export { summarySeries, type LossSeries } from './loss-series';
import { readPalette, type Palette } from './palette';
import { alignCurve, linesWith, type AlignedColumn } from './particle-series';
import { linearLabel, linearSplits, linearUnit, logLabel, logRange, logSplits, toLog } from './loss-axis';

export interface LossChartOptions {
  /** Points kept at most (then halved). */
  capacity?: number;
  /** Least time between two redraws, in ms. */
  interval?: number;
  /** Height of the plot (axes included), CSS pixels. */
  height?: number;
  /** Clicking or dragging on the plot asks for this step (the lab's seek); one request in flight at a time. */
  onSeek?: (step: number) => Promise<void>;
}

type Scale = 'log' | 'linear';

const labelFont = '12px system-ui, sans-serif';

export class LossChart {
  readonly element: HTMLElement;
  private readonly body: HTMLDivElement;
  private readonly scaleNote: HTMLSpanElement;
  private history: LossHistory;
  private series: readonly LossSeries[];
  /** Made without its own series: the lines follow what each frame's run reports (./loss-series.ts seriesOf). */
  private readonly adaptive: boolean;
  private readonly capacity: number;
  private readonly interval: number;
  private readonly height: number;
  private plot: uPlot | null = null;
  private scale: Scale = 'log';
  /** The hovered particle, whose curve is the last line; null when none is. */
  private particle: HoveredParticle | null = null;
  /** The steps and losses of the last draw, one array per line: what the legend reads (uPlot holds the plotted numbers). */
  private shownX: number[] = [];
  private shown: AlignedColumn[] = [];
  /** The linear scale's unit at the last draw (loss-axis.ts linearUnit). */
  private unit = 1;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastDraw = 0;
  /** A scenario was (re)loaded: the next frame starts a new curve if it is back at step 0. */
  private restartPending = false;
  private readonly observer: ResizeObserver;
  private readonly onSeek: ((step: number) => Promise<void>) | null;
  /** The step of the last frame: the marker line on the curve once the run is behind the curve's end (a seek). */
  private at: number | null = null;
  /** A seek asked for while one is in flight: only the latest goes next. */
  private seekInFlight = false;
  private nextSeek: number | null = null;

  constructor(series?: readonly LossSeries[], options: LossChartOptions = {}) {
    this.adaptive = series === undefined;
    this.series = series ?? summarySeries;
    this.capacity = options.capacity ?? 5000;
    this.history = new LossHistory(this.series.length, this.capacity);
    this.interval = options.interval ?? 250;
    this.height = options.height ?? 240;
    this.onSeek = options.onSeek ?? null;
    this.element = element('figure', undefined, 'view loss-chart');
    this.element.dataset.testid = 'loss-chart';
    this.element.dataset.series = this.series.map((s) => s.label).join('|');
    const heading = element('figcaption', undefined, 'view-heading');
    heading.append(element('h2', 'Loss'), (this.scaleNote = element('span', 'log scale', 'view-note')));
    this.body = element('div', undefined, 'loss-chart-body');
    this.element.append(heading, this.body);
    this.observer = new ResizeObserver(() => this.fit());
    this.observer.observe(this.body);
  }

  /** A scenario was loaded, reset or re-viewed: its next frame at step 0 starts the curve afresh. */
  restart(): void {
    this.restartPending = true;
  }

  /**
   * Takes a frame's values; the chart catches up within `interval` ms. A frame behind the curve's end that is
   * no restart is a seek (a replay, exact for the seed): the curve stays, a line marks the step on show, and
   * the frames that replay steps it already holds add nothing (with `seekable`'s charts, where `at` is kept).
   */
  add(frame: FrameEvent): void {
    if (this.adaptive) this.follow(seriesOf(frame.summary));
    const last = this.history.lastX;
    const restart = this.restartPending && frame.step === 0;
    if (restart || (last !== null && frame.step < last && !this.onSeek)) this.clear();
    this.restartPending = false;
    this.at = frame.step;
    this.element.dataset.step = String(frame.step);
    if (!restart && last !== null && frame.step < last) return this.schedule();
    const values = this.series.map((s) => {
      const v = s.value(frame);
      return v !== null && Number.isFinite(v) ? v : null;
    });
    const particleBelow = this.particle !== null && frame.losses[this.particle.index] < 0;
    if (this.scale === 'log' && (particleBelow || values.some((v, k) => v !== null && v < 0 && this.series[k].kind !== 'accuracy'))) this.setScale('linear');
    this.history.push(frame.step, values);
    this.schedule();
  }

  /** A change was taken at the step on show: a curve beyond it (from before a seek) no longer holds. */
  changed(): void {
    if (this.at === null) return;
    this.history.truncateAfter(this.at);
    this.schedule();
  }

  /** The step under a pointer at CSS x `left` over the plot, from 0. */
  private stepAt(plot: uPlot, left: number): number | null {
    const value = plot.posToVal(left, 'x');
    return Number.isFinite(value) ? Math.max(0, Math.round(value)) : null;
  }

  private seek(step: number): void {
    if (!this.onSeek) return;
    if (this.seekInFlight) {
      this.nextSeek = step;
      return;
    }
    this.seekInFlight = true;
    this.onSeek(step)
      .catch(() => undefined) // the lab's seek clamps to the history; a refusal shows in the notices
      .finally(() => {
        this.seekInFlight = false;
        const next = this.nextSeek;
        this.nextSeek = null;
        if (next !== null) this.seek(next);
      });
  }

  /** Clicking or dragging on the plot seeks the run to the step under the pointer. */
  private listen(plot: uPlot): void {
    if (!this.onSeek) return;
    const over = plot.over;
    over.style.cursor = 'col-resize';
    over.title = 'Click or drag to replay the run at that step';
    const at = (event: PointerEvent) => {
      const step = this.stepAt(plot, event.offsetX);
      if (step !== null) this.seek(step);
    };
    over.addEventListener('pointerdown', (event) => {
      over.setPointerCapture(event.pointerId);
      at(event);
    });
    over.addEventListener('pointermove', (event) => {
      if (event.buttons & 1) at(event);
    });
  }

  /** The step on show, as a line across the plot while it is behind the curve's end. */
  private drawMarker(plot: uPlot): void {
    const at = this.at;
    const last = this.history.lastX;
    if (at === null || last === null || at >= last) return;
    const ctx = plot.ctx;
    const x = Math.round(plot.valToPos(at, 'x', true));
    ctx.save();
    ctx.strokeStyle = readPalette(this.element).muted;
    ctx.lineWidth = devicePixelRatio;
    ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
    ctx.beginPath();
    ctx.moveTo(x, plot.bbox.top);
    ctx.lineTo(x, plot.bbox.top + plot.bbox.height);
    ctx.stroke();
    ctx.restore();
  }

  /** Other lines than the chart draws (another kind of run was loaded): a new history and plot for them. */
  private follow(series: LossSeries[]): void {
    if (sameSeries(series, this.series)) return;
    this.series = series;
    this.element.dataset.series = series.map((s) => s.label).join('|');
    this.history = new LossHistory(series.length, this.capacity);
    this.plot?.destroy();
    this.plot = null;
    this.fit();
  }

  /** Draws a hovered particle's own loss curve as one more line (null: takes it away). */
  setParticle(particle: HoveredParticle | null): void {
    const changed = particle?.index !== this.particle?.index;
    this.particle = particle;
    if (!changed) return;
    if (particle) this.element.dataset.particle = String(particle.index);
    else delete this.element.dataset.particle;
    // uPlot's lines are fixed when a plot is made: make it again, with the particle's line or without it.
    this.plot?.destroy();
    this.plot = null;
    this.fit();
  }

  /** The lines drawn: the run's own, and the hovered particle's. */
  private get lines(): LossSeries[] {
    return linesWith(this.series, this.particle?.index ?? null);
  }

  /** Forgets the curve. */
  clear(): void {
    this.history.clear();
    if (this.scale !== 'log') this.setScale('log');
    this.schedule();
  }

  destroy(): void {
    this.observer.disconnect();
    if (this.timer !== null) clearTimeout(this.timer);
    this.plot?.destroy();
    this.plot = null;
  }

  private setScale(scale: Scale): void {
    this.scale = scale;
    this.scaleNote.textContent = scale === 'log' ? 'log scale' : 'linear scale: the loss went below 0';
    // A scale's distribution is fixed when a plot is made: make it again.
    this.plot?.destroy();
    this.plot = null;
    this.fit();
  }

  private schedule(): void {
    if (this.timer !== null) return;
    const wait = Math.max(0, this.lastDraw + this.interval - performance.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.draw();
    }, wait);
  }

  /** The history as uPlot data (copies: uPlot keeps what it is given): log₁₀ of each loss, or the loss in units. */
  private data(): uPlot.AlignedData {
    const { x, series } = this.history;
    const aligned = this.particle ? alignCurve(x, series, this.particle.curve()) : { x: x.slice(), columns: series.map((s) => s.slice()) };
    this.shownX = aligned.x;
    this.shown = aligned.columns;
    const lines = this.lines;
    const isLoss = (k: number) => lines[k].kind !== 'accuracy';
    const finite = this.shown.flatMap((s, k) => (isLoss(k) ? s : [])).filter((v): v is number => v != null);
    this.unit = linearUnit(finite.length ? Math.min(...finite) : null, finite.length ? Math.max(...finite) : null);
    const plotted = (v: number | null) => (this.scale === 'log' ? toLog(v) : v === null ? null : v / this.unit);
    // undefined: no point at that step (uPlot joins the line over it), as opposed to null, a gap.
    const each = (f: (v: number | null) => number | null) => (v: number | null | undefined) => (v === undefined ? undefined : f(v));
    return [this.shownX.slice(), ...this.shown.map((s, k) => s.map(each(isLoss(k) ? plotted : percent)))];
  }

  private draw(): void {
    this.lastDraw = performance.now();
    const plot = this.plot;
    if (!plot) return this.fit();
    plot.setData(this.data());
    this.showLatest(plot);
  }

  /** Without a cursor over the chart, its legend shows the latest values. */
  private showLatest(plot: uPlot): void {
    const last = this.shownX.length - 1;
    if (last >= 0 && (plot.cursor.left ?? -1) < 0) plot.setLegend({ idx: last });
  }

  /** Makes the plot once the chart has a width, and keeps it the width of its box. */
  private fit(): void {
    const width = Math.floor(this.body.clientWidth);
    if (width < 50) return;
    if (!this.plot) this.plot = this.create(width);
    else if (this.plot.width !== width) this.plot.setSize({ width, height: this.height });
  }

  private create(width: number): uPlot {
    const palette = readPalette(this.element);
    const log = this.scale === 'log';
    const lines = this.lines;
    const axis = (label: string): uPlot.Axis => ({
      label,
      stroke: palette.muted,
      font: labelFont,
      labelFont,
      labelSize: 18,
      grid: { stroke: palette.line, width: 1 },
      ticks: { stroke: palette.line, width: 1, size: 4 },
    });
    const colorOf = (s: LossSeries) => (s.color.startsWith('#') ? s.color : palette[s.color as keyof Palette]);
    const options: uPlot.Options = {
      width,
      height: this.height,
      // Both scales are linear in what uPlot is given: log₁₀ of the loss, or the loss in units of this.unit.
      scales: { x: { time: false }, y: log ? { range: (_u, min, max) => logRange(min, max) } : {}, accuracy: { range: [0, 100] } },
      axes: [
        { ...axis('step'), space: 60 },
        {
          ...axis('loss'),
          size: 56,
          space: 24,
          splits: (u: uPlot, _axis: number, min: number, max: number) => {
            const room = Math.floor(u.bbox.height / devicePixelRatio / 24);
            return log ? logSplits(min, max, room) : linearSplits(min, max, room);
          },
          // uPlot passes null for a tick it leaves unlabelled.
          values: (_u: uPlot, splits: (number | null)[]) => {
            const labels = splits.map((v) => (v === null ? '' : log ? logLabel(v) : linearLabel(v, this.unit)));
            this.element.dataset.yLabels = labels.filter(Boolean).join(' '); // what the axis reads, for the tests
            return labels;
          },
          // Spaced here already: uPlot's own thinning would thin them twice.
          filter: (_u: uPlot, splits: number[]) => splits,
        },
        ...(lines.some((s) => s.kind === 'accuracy')
          ? [
              {
                ...axis('accuracy %'),
                scale: 'accuracy',
                side: 1,
                size: 44,
                grid: { show: false },
                values: (_u: uPlot, splits: number[]) => splits.map(String),
              },
            ]
          : []),
      ],
      series: [
        { label: 'step', value: (_u, v) => (v === null ? '—' : String(v)) },
        ...lines.map((s) => ({
          label: s.label,
          ...(s.kind === 'accuracy' && { scale: 'accuracy' }),
          stroke: colorOf(s),
          width: 1.75,
          ...(s.dash && { dash: s.dash }),
          points: { show: false },
          spanGaps: false,
          // The loss itself (a 0 is a gap on the log scale, but still 0), as the readouts write it.
          value: (_u: uPlot, _v: number | null, seriesIndex: number, index: number | null) =>
            (s.kind === 'accuracy' ? formatPercent : formatLoss)(index === null ? null : (this.shown[seriesIndex - 1]?.[index] ?? null)),
        })),
      ],
      cursor: { drag: { x: false, y: false, setScale: false }, points: { size: 6 } },
      legend: { live: true },
      hooks: {
        // Leaving the chart empties uPlot's legend: show the latest values instead.
        setCursor: [(u) => this.showLatest(u)],
        draw: [(u) => this.drawMarker(u)],
      },
    };
    const plot = new uPlot(options, this.data(), this.body);
    this.listen(plot);
    this.showLatest(plot);
    return plot;
  }
}
