/** Which lines the loss chart draws for a run (./loss-series.ts), and what each reads from a frame. */
import { describe, expect, it } from 'vitest';
import type { FrameEvent } from '../../shared/messages';
import { formatPercent, percent, sameSeries, seriesOf } from './loss-series';

const reasons = { tolerance: 0, belowLoss: 0, gradNorm: 0, patience: 0, nonFinite: 0, divergence: 0 };
const summary = (extra: Partial<FrameEvent['summary']> = {}): FrameEvent['summary'] => ({
  count: 3,
  converged: 0,
  diverged: 0,
  running: 3,
  bestLoss: 0.2,
  meanLoss: 0.5,
  reasons,
  ...extra,
});
const frameOf = (s: FrameEvent['summary']) => ({ summary: s }) as FrameEvent;

describe('the loss chart’s lines', () => {
  it('a run without held-out rows or classes: the mean and best loss only', () => {
    expect(seriesOf(summary()).map((s) => s.label)).toEqual(['mean loss', 'best loss']);
  });

  it('a classifier with held-out rows: the held-out loss, then training and held-out accuracy on the accuracy axis', () => {
    const s = summary({ testLoss: 0.3, trainAccuracy: 0.9, testAccuracy: 0.75 });
    const series = seriesOf(s);
    expect(series.map((l) => l.label)).toEqual(['mean loss', 'best loss', 'best, held-out loss', 'best, training accuracy', 'best, held-out accuracy']);
    expect(series.map((l) => l.kind ?? 'loss')).toEqual(['loss', 'loss', 'loss', 'accuracy', 'accuracy']);
    expect(series.map((l) => l.value(frameOf(s)))).toEqual([0.5, 0.2, 0.3, 0.9, 0.75]);
  });

  it('a field the run has but with no value yet (null) still has its line, reading null', () => {
    const s = summary({ testLoss: null, trainAccuracy: null });
    const series = seriesOf(s);
    expect(series.map((l) => l.label)).toEqual(['mean loss', 'best loss', 'best, held-out loss', 'best, training accuracy']);
    expect(series.map((l) => l.value(frameOf(s)))).toEqual([0.5, 0.2, null, null]);
  });

  it('the same run’s frames give the same lines, another kind of run other lines', () => {
    const classifier = summary({ testLoss: 1, trainAccuracy: 0.5, testAccuracy: 0.5 });
    expect(sameSeries(seriesOf(classifier), seriesOf(summary({ testLoss: 2, trainAccuracy: 1, testAccuracy: 0 })))).toBe(true);
    expect(sameSeries(seriesOf(classifier), seriesOf(summary()))).toBe(false);
  });

  it('accuracy is plotted and read in %', () => {
    expect(percent(0.975)).toBe(97.5);
    expect(percent(null)).toBeNull();
    expect(formatPercent(0.975)).toBe('97.5 %');
    expect(formatPercent(null)).toBe('—');
  });
});
