/**
 * The loss against the step, live (uPlot). Each series reads one number from every frame: the mean and best
 * loss of the cloud today, one per optimizer group later (pass other `LossSeries`). The history is bounded
 * (./history.ts) and the chart is redrawn at most a few times a second however fast the frames come.
 * The y axis is logarithmic while every loss is ≥ 0 (a loss of exactly 0 leaves a gap); a loss below 0
 * (a surface that falls without bound) switches it to linear.
 */
import uPlot from 'uplot';
import type { FrameEvent } from '../../shared/messages';
import { element } from '../dom';
import { formatLoss } from '../format';
import { LossHistory } from './history';
import { readPalette, type Palette } from './palette';
import { axisLabel, niceTicks } from './ticks';

/** One line of the chart: a label, a colour (a palette key or a CSS colour) and the value it takes from a frame. */
export interface LossSeries {
  label: string;
  color: keyof Palette | `#${string}`;
  value(frame: FrameEvent): number | null;
  dash?: number[];
}

/** The cloud's mean and best loss (the frame's summary). */
export const summarySeries: readonly LossSeries[] = [
  { label: 'mean loss', color: 'mean', value: (frame) => frame.summary.meanLoss },
  { label: 'best loss', color: 'best', value: (frame) => frame.summary.bestLoss },
];

export interface LossChartOptions {
  /** Points kept at most (then halved). */
  capacity?: number;
  /** Least time between two redraws, in ms. */
  interval?: number;
  /** Height of the plot (axes included), CSS pixels. */
  height?: number;
}

type Scale = 'log' | 'linear';

const labelFont = '12px system-ui, sans-serif';

/** The ticks of a log axis: powers of ten, every k-th so that they are at least `space` px apart. */
function logSplits(u: uPlot, min: number, max: number, space: number): number[] {
  if (!(min > 0) || !(max >= min)) return [];
  const lo = Math.ceil(Math.log10(min) - 1e-9);
  const hi = Math.floor(Math.log10(max) + 1e-9);
  if (hi - lo < 1) return niceTicks(min, max, 3).ticks.filter((v) => v > 0);
  const room = Math.max(1, Math.floor(u.bbox.height / devicePixelRatio / space));
  const every = Math.ceil((hi - lo + 1) / room);
  const splits: number[] = [];
  for (let e = lo; e <= hi; e += every) splits.push(10 ** e);
  return splits;
}

export class LossChart {
  readonly element: HTMLElement;
  private readonly body: HTMLDivElement;
  private readonly scaleNote: HTMLSpanElement;
  private readonly history: LossHistory;
  private readonly interval: number;
  private readonly height: number;
  private plot: uPlot | null = null;
  private scale: Scale = 'log';
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastDraw = 0;
  /** A scenario was (re)loaded: the next frame starts a new curve if it is back at step 0. */
  private restartPending = false;
  private readonly observer: ResizeObserver;

  constructor(
    private readonly series: readonly LossSeries[] = summarySeries,
    options: LossChartOptions = {},
  ) {
    this.history = new LossHistory(series.length, options.capacity ?? 5000);
    this.interval = options.interval ?? 250;
    this.height = options.height ?? 240;
    this.element = element('figure', undefined, 'view loss-chart');
    this.element.dataset.testid = 'loss-chart';
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

  /** Takes a frame's values; the chart catches up within `interval` ms. */
  add(frame: FrameEvent): void {
    const last = this.history.lastX;
    if ((this.restartPending && frame.step === 0) || (last !== null && frame.step < last)) this.clear();
    this.restartPending = false;
    const values = this.series.map((s) => {
      const v = s.value(frame);
      return v !== null && Number.isFinite(v) ? v : null;
    });
    if (this.scale === 'log' && values.some((v) => v !== null && v < 0)) this.setScale('linear');
    this.history.push(frame.step, values);
    this.schedule();
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

  /** The history as uPlot data: copies (uPlot keeps what it is given), zeros as gaps on a log scale. */
  private data(): uPlot.AlignedData {
    const log = this.scale === 'log';
    return [this.history.x.slice(), ...this.history.series.map((s) => (log ? s.map((v) => (v !== null && v > 0 ? v : null)) : s.slice()))];
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
    const last = this.history.length - 1;
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
      scales: { x: { time: false }, y: log ? { distr: 3, log: 10 } : { distr: 1 } },
      axes: [
        { ...axis('step'), space: 60 },
        {
          ...axis('loss'),
          size: 56,
          space: 24,
          // uPlot passes null for a tick it leaves unlabelled.
          values: (_u: uPlot, splits: (number | null)[]) => splits.map((v) => (v === null ? '' : axisLabel(v))),
          // Decades spaced here already: uPlot's own thinning of log labels would thin them twice.
          ...(log && { splits: (u: uPlot, _axis: number, min: number, max: number) => logSplits(u, min, max, 24), filter: (_u: uPlot, splits: number[]) => splits }),
        },
      ],
      series: [
        { label: 'step', value: (_u, v) => (v === null ? '—' : String(v)) },
        ...this.series.map((s) => ({
          label: s.label,
          stroke: colorOf(s),
          width: 1.75,
          ...(s.dash && { dash: s.dash }),
          points: { show: false },
          spanGaps: false,
          value: (_u: uPlot, v: number | null) => formatLoss(v),
        })),
      ],
      cursor: { drag: { x: false, y: false, setScale: false }, points: { size: 6 } },
      legend: { live: true },
      hooks: {
        // Leaving the chart empties uPlot's legend: show the latest values instead.
        setCursor: [(u) => this.showLatest(u)],
      },
    };
    const plot = new uPlot(options, this.data(), this.body);
    this.showLatest(plot);
    return plot;
  }
}
