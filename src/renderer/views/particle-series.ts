/**
 * The hovered particle's line in the loss chart (./LossChart.ts; issue 18, part 6): which lines the chart
 * draws with it, and its points put on the chart's one x axis. The curve comes from the scene's trails
 * (scene/trail-losses.ts): the particle's loss over the frames its trail holds.
 */
import type { ParticleCurve } from '../scene/trail-losses';
import type { LossSeries } from './loss-series';

/** A column of the chart on the joint x axis: undefined where it has no point there (uPlot joins over it), null for a gap. */
export type AlignedColumn = (number | null | undefined)[];

/** The line of particle `index`, in the colour of its highlighted trail (white there; the page's text colour here). */
export function particleSeries(index: number): LossSeries {
  // The chart reads this line from the scene's curve, not from a frame.
  return { label: `particle ${index}`, color: 'text', value: () => null };
}

/** The chart's lines: the run's own, then the hovered particle's when one is hovered (index ≥ 0). */
export function linesWith(series: readonly LossSeries[], hovered: number | null): LossSeries[] {
  return hovered === null || hovered < 0 ? [...series] : [...series, particleSeries(hovered)];
}

/**
 * The chart's points (x ascending, one column per line) and a particle's curve (steps ascending) on one x
 * axis, as uPlot wants them: the union of the steps, in order. Each column is undefined at a step it has no
 * point for and keeps its own nulls (gaps: a diverged particle). The curve's points after the chart's last
 * step are left out: the chart's curve was cut there (a change after a seek), so they no longer hold. The
 * particle's column comes last.
 */
export function alignCurve(x: readonly number[], columns: readonly (number | null)[][], curve: ParticleCurve): { x: number[]; columns: AlignedColumn[] } {
  const last = x.length ? x[x.length - 1] : -Infinity;
  const joint: number[] = [];
  const out: AlignedColumn[] = [...columns.map(() => []), []];
  const own = columns.length;
  let a = 0;
  let b = 0;
  while (a < x.length || (b < curve.steps.length && curve.steps[b] <= last)) {
    const fromChart = a < x.length ? x[a] : Infinity;
    const fromCurve = b < curve.steps.length && curve.steps[b] <= last ? curve.steps[b] : Infinity;
    const step = Math.min(fromChart, fromCurve);
    joint.push(step);
    for (let k = 0; k < own; k++) out[k].push(step === fromChart ? columns[k][a] : undefined);
    out[own].push(step === fromCurve ? curve.losses[b] : undefined);
    if (step === fromChart) a++;
    if (step === fromCurve) b++;
  }
  return { x: joint, columns: out };
}
