/**
 * Where things go in the scene, pure: the view range [[amin, amax], [bmin, bmax]] fills a square of side
 * `sceneSize` centred on the origin, a along +x and b along −z (away from a camera in front, up the screen
 * in the top view), and the normalised loss height h ∈ [0, 1] rises along +y to `sceneHeight`.
 */

export type Range = readonly [readonly [number, number], readonly [number, number]];

/** The surface's footprint: a square of this side. */
export const sceneSize = 10;
/** The height of the tallest point of the surface (0.45 of its width). */
export const sceneHeight = 4.5;
/** The floor under the surface (its lowest point is at 0): the skirt and the axes stand on it. */
export const floorY = -0.35;
/** How far particles and trails float above the mesh, so that the surface never hides them. */
export const lift = 0.04;
/**
 * Drawn places are pulled in to this distance from the centre (1.5 outside the footprint), keeping their
 * direction: a runaway particle waits on a rim around the surface, in view, and stays a number.
 */
export const farLimit = 0.65 * sceneSize;

export class Layout {
  // The range's ends as plain fields: the methods below run for every particle of every frame, where
  // destructuring the range each time cost several times the arithmetic (≈ 250 ns a particle at 1M).
  private readonly a0: number;
  private readonly a1: number;
  private readonly b0: number;
  private readonly b1: number;

  constructor(
    readonly range: Range,
    /** Grid points along each axis of the surface sampled for this range. */
    readonly resolution: number,
  ) {
    this.a0 = range[0][0];
    this.a1 = range[0][1];
    this.b0 = range[1][0];
    this.b1 = range[1][1];
  }

  /** Scene x of a view coordinate a (not clamped: see `rim`). */
  x(a: number): number {
    const { a0, a1 } = this;
    return finite(((a - a0) / (a1 - a0) - 0.5) * sceneSize);
  }

  /** Scene z of a view coordinate b (b grows away from the viewer). */
  z(b: number): number {
    const { b0, b1 } = this;
    return finite((0.5 - (b - b0) / (b1 - b0)) * sceneSize);
  }

  /** The factor that brings a scene point (x, z) onto the rim at `farLimit` if it lies beyond: 1 otherwise. */
  rim(x: number, z: number): number {
    const far = Math.max(Math.abs(x), Math.abs(z));
    return far > farLimit ? farLimit / far : 1;
  }

  /** Scene y of a normalised height. */
  y(height: number): number {
    return height * sceneHeight;
  }

  /** View coordinate a at scene x. */
  a(x: number): number {
    const { a0, a1 } = this;
    return a0 + (x / sceneSize + 0.5) * (a1 - a0);
  }

  /** View coordinate b at scene z. */
  b(z: number): number {
    const { b0, b1 } = this;
    return b0 + (0.5 - z / sceneSize) * (b1 - b0);
  }

  /** Fractional grid coordinate along a (0 at amin, resolution − 1 at amax). */
  u(a: number): number {
    const { a0, a1 } = this;
    return ((a - a0) / (a1 - a0)) * (this.resolution - 1);
  }

  /** Fractional grid coordinate along b. */
  v(b: number): number {
    const { b0, b1 } = this;
    return ((b - b0) / (b1 - b0)) * (this.resolution - 1);
  }

  /** Whether a view point lies on the sampled surface. */
  inside(a: number, b: number): boolean {
    const { a0, a1, b0, b1 } = this;
    return a >= a0 && a <= a1 && b >= b0 && b <= b1;
  }

  /** Scene x of a fractional grid coordinate u. */
  xOfU(u: number): number {
    return (u / (this.resolution - 1) - 0.5) * sceneSize;
  }

  /** Scene z of a fractional grid coordinate v. */
  zOfV(v: number): number {
    return (0.5 - v / (this.resolution - 1)) * sceneSize;
  }
}

/** A coordinate as a finite number: ±Infinity to ±1e30 (the rim then pulls it in), NaN to the centre. */
function finite(v: number): number {
  return v > 1e30 ? 1e30 : v < -1e30 ? -1e30 : Number.isNaN(v) ? 0 : v;
}
