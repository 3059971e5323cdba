/**
 * Where a particle goes in the scene, pure: on the mesh above its view point when that point lies on the
 * sampled surface (so that it sits on what is drawn, whatever the slice), else at the height of its own
 * loss (off the surface's edge, pulled in to the rim if far), always `lift` above. Shared by the cloud
 * and the trails.
 */
import { heightOnGrid } from './grid';
import { heightOf, type HeightScale } from './heights';
import { lift, sceneHeight, type Layout } from './layout';

export class Placement {
  constructor(
    readonly layout: Layout,
    readonly scale: HeightScale,
    /** The mesh's normalised heights, resolution² values, a fastest. */
    readonly heights: Float32Array,
  ) {}

  /** Writes the scene position (x, y, z) of a particle at view point (a, b) with this loss into out[offset..]. */
  place(a: number, b: number, loss: number, out: Float32Array, offset: number): void {
    const { layout } = this;
    const x = layout.x(a);
    const z = layout.z(b);
    const pull = layout.rim(x, z);
    out[offset] = x * pull;
    out[offset + 2] = z * pull;
    const h = layout.inside(a, b) ? heightOnGrid(this.heights, layout.resolution, layout.u(a), layout.v(b)) : heightOf(this.scale, loss);
    out[offset + 1] = h * sceneHeight + lift;
  }
}
