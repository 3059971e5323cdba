/**
 * Where the trainer's view of a cloud lies, pure: the centre its plane passes through and the range the
 * page's surface is sampled over. Split from ./trainer.ts, which keeps the plane and the range of its run.
 * The range it announces is the one every view draws on (the scene, the formula field, the microscope).
 */
import type { Descent } from '../engine/descent';
import { surfaces, type SurfaceName } from '../engine/surfaces';
import type { View } from '../shared/messages';
import type { Scenario } from '../shared/scenario';

export type Range = [[number, number], [number, number]];

/** Each parameter's mean over the particles where it is finite (0 where none is): the view plane's centre. */
export function cloudCentre(d: Pick<Descent, 'n' | 'paramCount' | 'params'>): Float64Array {
  const centre = new Float64Array(d.paramCount);
  for (let j = 0; j < d.paramCount; j++) {
    let sum = 0;
    let finite = 0;
    for (let i = 0; i < d.n; i++) {
      const v = d.params[j * d.n + i];
      if (Number.isFinite(v)) {
        sum += v;
        finite++;
      }
    }
    centre[j] = finite ? sum / finite : 0;
  }
  return centre;
}

/** A named surface's own range where the view shows its two parameters (its axes), else null. */
export function namedRange(model: Scenario['model'], view: View): Range | null {
  if (model.kind !== 'surface' || model.fn === undefined || !('axes' in view)) return null;
  const [a, b] = surfaces[model.fn as SurfaceName].range;
  return [
    [a[0], a[1]],
    [b[0], b[1]],
  ];
}

/**
 * A range that holds the cloud's finite view points: (x, y) pairs `points`, or where null the first two
 * parameters themselves (`params`, a parameter's n values after another's). A named surface's range widened
 * to the cloud; otherwise the cloud's box with a fifth of room each side, and at least ±max(1, |centre|/2),
 * so that a single particle or a flat cloud still has room to move.
 */
export function cloudRange(n: number, params: Float64Array, points: Float64Array | null, named: Range | null): Range {
  const lo = [Infinity, Infinity];
  const hi = [-Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < 2; a++) {
      const v = points ? points[2 * i + a] : params[a * n + i];
      if (!Number.isFinite(v)) continue;
      lo[a] = Math.min(lo[a], v);
      hi[a] = Math.max(hi[a], v);
    }
  }
  return [0, 1].map((a) => {
    let min = named ? Math.min(named[a][0], lo[a]) : lo[a];
    let max = named ? Math.max(named[a][1], hi[a]) : hi[a];
    if (!Number.isFinite(min) || !Number.isFinite(max)) [min, max] = [-1, 1];
    if (named) return [min, max];
    const half = Math.max((max - min) * 0.6, Math.max(1, Math.abs((min + max) / 2) / 2));
    const mid = (min + max) / 2;
    return [mid - half, mid + half];
  }) as Range;
}

/** Whether range `outer` holds all of range `inner`. */
export function holds(outer: Range, inner: Range): boolean {
  return outer.every(([lo, hi], axis) => lo <= inner[axis][0] && inner[axis][1] <= hi);
}

/** A range on show: of which surface (null: a slice through the cloud, which moves with every start) and where. */
export interface ShownRange {
  surface: string | null;
  range: Range;
}

/**
 * The range to show next: the one on show still when it is of the same surface and holds the new cloud's, so
 * that a new start there (a click on the surface, a new optimizer) moves nothing under the pointer; else the
 * new cloud's. Rosenbrock's preset cloud widens its named range to about [−2.47, 2] × [−1, 3.04]; a click then
 * starts one particle whose own range is the named one, and a surface redrawn over that had put the particle
 * 16 px beside the click.
 */
export function rangeToShow(shown: ShownRange, next: ShownRange): Range {
  return next.surface !== null && shown.surface === next.surface && holds(shown.range, next.range) ? shown.range : next.range;
}
