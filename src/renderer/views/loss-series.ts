/**
 * The loss chart's lines (./LossChart.ts): what each reads from a frame, and which a run has. Every run has
 * the cloud's mean and best training loss; a run whose data hold rows out adds the best particle's held-out
 * loss, and a classifier its training and held-out accuracy, drawn in % on an axis of their own.
 */
import type { FrameEvent } from '../../shared/messages';
import type { Palette } from './palette';

/** One line of the chart: a label, a colour (a palette key or a CSS colour) and the value it takes from a frame. */
export interface LossSeries {
  label: string;
  color: keyof Palette | `#${string}`;
  value(frame: FrameEvent): number | null;
  dash?: number[];
  /** 'accuracy': a share from 0 to 1, drawn from 0 to 100 % on the right-hand axis; a loss otherwise. */
  kind?: 'loss' | 'accuracy';
}

/** The cloud's mean and best loss (the frame's summary). */
export const summarySeries: readonly LossSeries[] = [
  { label: 'mean loss', color: 'mean', value: (frame) => frame.summary.meanLoss },
  { label: 'best loss', color: 'best', value: (frame) => frame.summary.bestLoss },
];

/** The best particle's loss on the held-out rows: the best loss's colour, dashed. */
export const testLossSeries: LossSeries = { label: 'best, held-out loss', color: 'best', dash: [6, 4], value: (frame) => frame.summary.testLoss ?? null };

export const accuracySeries: readonly LossSeries[] = [
  { label: 'best, training accuracy', color: '#7fb0f0', kind: 'accuracy', value: (frame) => frame.summary.trainAccuracy ?? null },
  { label: 'best, held-out accuracy', color: '#7fb0f0', kind: 'accuracy', dash: [6, 4], value: (frame) => frame.summary.testAccuracy ?? null },
];

/** The lines a frame's run has: the fields its summary carries (a field the run has is present, even when null). */
export function seriesOf(summary: FrameEvent['summary']): LossSeries[] {
  const series = [...summarySeries];
  if ('testLoss' in summary) series.push(testLossSeries);
  if ('trainAccuracy' in summary) series.push(accuracySeries[0]);
  if ('testAccuracy' in summary) series.push(accuracySeries[1]);
  return series;
}

/** Whether two sets of lines are the same (a run changed into one that reports other metrics redraws the chart). */
export function sameSeries(a: readonly LossSeries[], b: readonly LossSeries[]): boolean {
  return a.length === b.length && a.every((s, k) => s === b[k]);
}

/** An accuracy as plotted and read in the legend: a share of 0.975 is 97.5 (%). */
export function percent(share: number | null): number | null {
  return share === null ? null : share * 100;
}

export function formatPercent(share: number | null): string {
  return share === null ? '—' : `${(share * 100).toFixed(1)} %`;
}
