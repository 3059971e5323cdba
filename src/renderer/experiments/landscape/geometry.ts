/**
 * The Landscape view's pure parts (issue 16): where a slice and its path go in the view's 3D box, with the
 * main scene's own layout and height scale (../../scene/layout.ts, heights.ts), so the slice looks like the
 * lab's surfaces; and what the marker on the path says. No three.js, no DOM: tested in node.
 */
import type { LandscapeEvent } from '../../../shared/landscape-messages';
import { fillHeights, fitHeightScale, heightOf, type HeightScale } from '../../scene/heights';
import { Layout, lift } from '../../scene/layout';
import { formatLoss } from '../../format';

/** The slice's grid as the scene draws it: layout, height scale and heights (a fastest, as the loss). */
export interface SliceShape {
  layout: Layout;
  scale: HeightScale;
  heights: Float32Array;
}

export function sliceShape(event: Pick<LandscapeEvent, 'a' | 'b' | 'grid' | 'loss'>): SliceShape {
  const { a, b, grid, loss } = event;
  const layout = new Layout(
    [
      [a[0], a[grid - 1]],
      [b[0], b[grid - 1]],
    ],
    grid,
  );
  const scale = fitHeightScale(loss);
  return { layout, scale, heights: fillHeights(scale, loss, new Float32Array(grid * grid)) };
}

/**
 * Scene (x, y, z) of each path point, three numbers a point, just above the surface's height scale. A point
 * beyond the slice (a pca path's start, far from the minimum) waits on the rim around it, like a runaway
 * particle in the lab; a point without a finite loss stands at the top.
 */
export function pathPoints(shape: SliceShape, path: Float64Array, pathLoss: Float64Array): Float32Array {
  const { layout, scale } = shape;
  const out = new Float32Array(3 * pathLoss.length);
  for (let k = 0; k < pathLoss.length; k++) {
    const x = layout.x(path[2 * k]);
    const z = layout.z(path[2 * k + 1]);
    const rim = layout.rim(x, z);
    out[3 * k] = x * rim;
    out[3 * k + 1] = layout.y(heightOf(scale, pathLoss[k])) + lift;
    out[3 * k + 2] = z * rim;
  }
  return out;
}

/** What the marker at path point k says: the run's step, the loss there and its place in the plane. */
export function pointCaption(event: Pick<LandscapeEvent, 'path' | 'pathLoss' | 'steps'>, k: number): string {
  const loss = event.pathLoss[k];
  const place = `(a, b) = (${formatLoss(event.path[2 * k])}, ${formatLoss(event.path[2 * k + 1])})`;
  return `step ${event.steps[k]}: loss ${Number.isFinite(loss) ? formatLoss(loss) : 'not finite'}, ${place}`;
}

/**
 * The one-line summary of a slice: its directions and grid, the particle, the minimum of the grid, for
 * pca the share of the path's variance the plane holds, and the sharpness of the particle and the cloud.
 */
export function sliceSummary(event: LandscapeEvent): string {
  let min = Infinity;
  for (const v of event.loss) if (v < min) min = v;
  const plane =
    event.directions === 'filter'
      ? 'two filter-normalised random directions'
      : event.directions === 'pca'
        ? 'the path’s first two principal directions'
        : 'two parameter axes';
  const explained = event.explained
    ? `; the plane holds ${Math.round(100 * (event.explained[0] + event.explained[1]))} % of the path’s variance (${Math.round(100 * event.explained[0])} % + ${Math.round(100 * event.explained[1])} %)`
    : '';
  const lowest = Number.isFinite(min) ? `lowest loss on the grid ${formatLoss(min)}` : 'no finite loss on the grid';
  return `Particle ${event.particle}, ${event.grid} × ${event.grid} over ±${formatLoss(event.span)} along ${plane}: ${lowest}; its path has ${event.pathLoss.length} points${explained}.${sharpnessNote(event.sharpness)}`;
}

/** The sharpness readout after the summary: the particle's λ_max, and the cloud's median when it was measured. */
function sharpnessNote(sharpness: LandscapeEvent['sharpness']): string {
  if (!sharpness || sharpness.particle === null) return '';
  const median = sharpness.median === null ? '' : `; the cloud’s median ${formatLoss(sharpness.median)}`;
  return ` Sharpness λ_max (the largest eigenvalue of the loss’s Hessian) ${formatLoss(sharpness.particle)}${median}.`;
}
