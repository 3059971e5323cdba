/**
 * The loss chart's y axis at any magnitude a double can hold (1e-300 to 1e300). uPlot finds its tick spacing
 * among increments from 1e-32 to 1e32 and gives up on values of more than 17 integer digits, so it leaves an
 * axis of 1e111 (or 1e-300) unlabelled. The chart therefore never hands uPlot raw losses: on a log scale it
 * plots log₁₀(loss), on a linear one the loss in units of a power of ten, and these functions turn the
 * plotted numbers back into labels of the losses themselves.
 */
import { axisLabel, niceTicks } from './ticks';

/** 10ᵉ exactly as written (10 ** 111 is not the double nearest 1e111); 0 below 1e-323, Infinity above 1e308. */
export function decade(exponent: number): number {
  return Number(`1e${exponent}`);
}

/** A loss as the log chart plots it: log₁₀ of it, or null (a gap) for a loss that is not positive and finite. */
export function toLog(loss: number | null): number | null {
  return loss !== null && loss > 0 && Number.isFinite(loss) ? Math.log10(loss) : null;
}

/** The log chart's range, in log₁₀ units: the whole decades around the data, at least one; [−1, 1] without data. */
export function logRange(min: number | null, max: number | null): [number, number] {
  if (min === null || max === null || !Number.isFinite(min) || !Number.isFinite(max)) return [-1, 1];
  const lo = Math.floor(min + 1e-9);
  const hi = Math.max(Math.ceil(max - 1e-9), lo + 1);
  return [lo, hi];
}

/** Decades between two labels: 1, 2, 5, 10, 20, 50… so that at most `room` labels fit between lo and hi. */
function decadeStep(span: number, room: number): number {
  for (let power = 1; ; power *= 10) for (const unit of [1, 2, 5]) if (span / (unit * power) < Math.max(1, room)) return unit * power;
}

/**
 * The ticks of the log chart, in log₁₀ units, for a range [lo, hi]: powers of ten every few decades so that at
 * most `room` fit; over two decades or less, also 2× and 5× each power (where a loss of 3 to 40 would
 * otherwise have one label at most).
 */
export function logSplits(lo: number, hi: number, room: number): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi < lo) return [];
  const first = Math.ceil(lo - 1e-9);
  const last = Math.floor(hi + 1e-9);
  const splits: number[] = [];
  if (last - first <= 2 && room >= 3 * (last - first + 1)) {
    for (let e = first - 1; e <= last; e++) for (const m of [1, 2, 5]) splits.push(e + Math.log10(m));
    return splits.filter((s) => s >= lo - 1e-9 && s <= hi + 1e-9);
  }
  const step = decadeStep(last - first, room);
  // Multiples of the step, so that the labels stay put while the range grows.
  for (let e = Math.ceil(first / step) * step; e <= last; e += step) splits.push(e);
  return splits;
}

/** The label of a log tick (log₁₀ units): the loss it stands for, short ("1e111", "0.01", "20"). */
export function logLabel(split: number): string {
  const exponent = Math.floor(split + 1e-9);
  const mantissa = Math.round(10 ** (split - exponent));
  return axisLabel(mantissa * decade(exponent));
}

/**
 * The unit of the linear chart: 1 for losses uPlot labels by itself, else the power of ten of the largest
 * magnitude, so that the plotted numbers stay between −10 and 10.
 */
export function linearUnit(min: number | null, max: number | null): number {
  const size = Math.max(Math.abs(min ?? 0), Math.abs(max ?? 0));
  if (!Number.isFinite(size) || size === 0 || (size >= 1e-6 && size < 1e15)) return 1;
  return decade(Math.floor(Math.log10(size)));
}

/** The ticks of the linear chart in plotted units, about `room` of them; labelled with linearLabel. */
export function linearSplits(min: number, max: number, room: number): number[] {
  return niceTicks(min, max, Math.max(1, room)).ticks;
}

/** The label of a linear tick: the loss it stands for (plotted value × unit). */
export function linearLabel(split: number, unit: number): string {
  return axisLabel(split * unit);
}
