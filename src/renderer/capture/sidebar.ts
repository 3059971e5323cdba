/**
 * What a capture can show beside the scene: a card of the run's settings and readouts, and its loss chart.
 * Both are drawn from the lab's own state into the picture's 2D canvas, at the picture's scale: the same
 * scenario and seed give the same pixels, whatever the window's size (the page's own chart is not copied).
 */
import type { LabState } from '../lab';
import { formatNumber } from '../panel/numbers';
import { optimizerLabels } from '../panel/params';
import { optimizerFieldLabels } from '../panel/race-groups';
import { formatLoss } from '../format';
import { defaultPalette as palette } from '../views/palette';
import { axisLabel } from '../views/ticks';
import type { Rect } from './layout';

const font = 'system-ui, -apple-system, "Segoe UI", sans-serif';

/** The card's colour (the panel's), also the column's under a title or caption band. */
export const cardBackground = '#14181e';

/** The card's lines, label and value: the scenario's settings as the panel names them, then where the run stands. Pure. */
export function cardLines(state: Readonly<LabState>): [string, string][] {
  const scenario = state.scenario;
  const lines: [string, string][] = [['Scenario', state.name || 'untitled']];
  if (scenario) {
    const { optimizer, batch, clip, init } = scenario;
    const fields = optimizer as unknown as Record<string, number>;
    const extras = optimizerFieldLabels
      .filter(([field]) => typeof fields[field] === 'number')
      .map(([field, label]) => `${label} ${formatNumber(fields[field])}`);
    lines.push(['Optimizer', [optimizerLabels[optimizer.kind], ...extras].join(' · ')]);
    lines.push(['Learning rate α', formatNumber(optimizer.alpha)]);
    lines.push(['Batch size', batch.size === null ? 'full batch' : String(batch.size)]);
    lines.push(['Clip', clip ? `${clip.mode === 'value' ? 'by value' : 'by norm'}, ${formatNumber(clip.limit)}` : 'off']);
    const kind = 'dist' in init ? init.dist : 'points';
    lines.push(['Init', `${kind[0].toUpperCase()}${kind.slice(1)}`]);
    lines.push(['Seed', String(scenario.seed)]);
  }
  const { summary } = state;
  lines.push(['Epoch', `${state.epoch}  (step ${state.step})`]);
  lines.push(['Mean loss', formatLoss(summary.meanLoss)]);
  lines.push(['Best loss', formatLoss(summary.bestLoss)]);
  lines.push(['Converged', `${summary.converged} of ${summary.count}`]);
  lines.push(['Diverged', String(summary.diverged)]);
  return lines;
}

/** The card: a panel-coloured box of label/value rows, sized to the picture (unit = height / 720). */
export function drawCard(context: CanvasRenderingContext2D, rect: Rect, lines: [string, string][], unit: number): void {
  context.fillStyle = cardBackground;
  context.fillRect(rect.x, rect.y, rect.width, rect.height);
  const pad = Math.round(16 * unit);
  const size = Math.max(9, Math.min(Math.round(15 * unit), Math.floor((rect.height - 2 * pad) / (lines.length * 1.55))));
  const rowHeight = Math.round(size * 1.55);
  context.textBaseline = 'middle';
  lines.forEach(([label, value], row) => {
    const y = rect.y + pad + rowHeight * (row + 0.5);
    context.font = `400 ${size}px ${font}`;
    context.fillStyle = palette.muted;
    context.textAlign = 'left';
    context.fillText(label, rect.x + pad, y, rect.width * 0.45 - pad);
    context.font = `600 ${size}px ${font}`;
    context.fillStyle = palette.text;
    context.textAlign = 'right';
    context.fillText(value, rect.x + rect.width - pad, y, rect.width * 0.55 - pad);
  });
  context.fillStyle = palette.line;
  context.fillRect(rect.x, rect.y, Math.max(1, Math.round(unit)), rect.height);
}

/** The mean and best loss at each captured picture, drawn as a chart (log scale when every loss is > 0). */
export class LossTrace {
  readonly steps: number[] = [];
  readonly means: (number | null)[] = [];
  readonly bests: (number | null)[] = [];

  /** Adds the run's state at a picture; a picture of the same step again adds nothing. */
  push(step: number, mean: number | null, best: number | null): void {
    if (this.steps.length && this.steps[this.steps.length - 1] === step) return;
    this.steps.push(step);
    this.means.push(mean !== null && Number.isFinite(mean) ? mean : null);
    this.bests.push(best !== null && Number.isFinite(best) ? best : null);
  }

  /** The y range and scale: log10 when every finite loss is positive. Pure. */
  scale(): { log: boolean; min: number; max: number } | null {
    const values = [...this.means, ...this.bests].filter((v): v is number => v !== null);
    if (!values.length) return null;
    const log = values.every((v) => v > 0);
    const mapped = log ? values.map(Math.log10) : values;
    let min = Math.min(...mapped);
    let max = Math.max(...mapped);
    if (max === min) {
      min -= 0.5;
      max += 0.5;
    }
    return { log, min, max };
  }

  draw(context: CanvasRenderingContext2D, rect: Rect, unit: number): void {
    context.fillStyle = palette.background;
    context.fillRect(rect.x, rect.y, rect.width, rect.height);
    const pad = Math.round(14 * unit);
    const size = Math.max(9, Math.round(12 * unit));
    context.font = `600 ${size}px ${font}`;
    context.fillStyle = palette.text;
    context.textAlign = 'left';
    context.textBaseline = 'top';
    context.fillText('Loss', rect.x + pad, rect.y + pad);
    const scale = this.scale();
    const plot = { x: rect.x + pad + size * 4, y: rect.y + pad * 2 + size, width: rect.width - pad * 2 - size * 4, height: rect.height - pad * 3 - size * 2.5 };
    if (!scale || plot.width < 10 || plot.height < 10) return;
    const first = this.steps[0];
    const last = this.steps[this.steps.length - 1];
    const xOf = (step: number) => plot.x + (last === first ? plot.width : ((step - first) / (last - first)) * plot.width);
    const yOf = (value: number) => plot.y + plot.height * (1 - ((scale.log ? Math.log10(value) : value) - scale.min) / (scale.max - scale.min));
    // Frame and the two extremes of each axis, labelled.
    context.strokeStyle = palette.line;
    context.lineWidth = Math.max(1, unit);
    context.strokeRect(plot.x, plot.y, plot.width, plot.height);
    context.font = `400 ${size}px ${font}`;
    context.fillStyle = palette.muted;
    context.textAlign = 'right';
    context.textBaseline = 'middle';
    const label = (v: number) => axisLabel(scale.log ? 10 ** v : v);
    context.fillText(label(scale.max), plot.x - size * 0.4, plot.y);
    context.fillText(label(scale.min), plot.x - size * 0.4, plot.y + plot.height);
    context.textBaseline = 'top';
    context.textAlign = 'left';
    context.fillText(`step ${first}`, plot.x, plot.y + plot.height + size * 0.4);
    context.textAlign = 'right';
    context.fillText(`step ${last}`, plot.x + plot.width, plot.y + plot.height + size * 0.4);
    this.line(context, this.means, palette.mean, xOf, yOf, unit);
    this.line(context, this.bests, palette.best, xOf, yOf, unit);
  }

  private line(
    context: CanvasRenderingContext2D,
    values: (number | null)[],
    colour: string,
    xOf: (s: number) => number,
    yOf: (v: number) => number,
    unit: number,
  ): void {
    context.strokeStyle = colour;
    context.lineWidth = Math.max(1, 2 * unit);
    context.beginPath();
    let drawing = false;
    values.forEach((value, k) => {
      if (value === null) return void (drawing = false);
      const x = xOf(this.steps[k]);
      const y = yOf(value);
      if (drawing) context.lineTo(x, y);
      else context.moveTo(x, y);
      drawing = true;
    });
    context.stroke();
  }
}
