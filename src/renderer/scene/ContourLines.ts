/**
 * Contour lines on the surface: the segments of ./contours.ts at evenly spaced heights (evenly spaced in
 * log10 loss on a log scale), a hair above the mesh, which is itself pushed back by a polygon offset.
 */
import { BufferAttribute, BufferGeometry, LineBasicMaterial, LineSegments } from 'three';
import { contourLevels, contourSegments } from './contours';
import { sceneHeight, type Layout } from './layout';

/** How many levels: one every 1/14 of the height. */
export const levelCount = 14;
/** Height above the mesh, in scene units (the polygon offset does the rest). */
const above = 0.006;

export class ContourLines {
  readonly lines: LineSegments<BufferGeometry, LineBasicMaterial>;

  constructor() {
    const material = new LineBasicMaterial({ color: 0xffffff, transparent: true, opacity: 0.32, depthWrite: false });
    this.lines = new LineSegments(new BufferGeometry(), material);
    this.lines.name = 'contours';
    this.lines.renderOrder = 1;
    this.lines.visible = false;
  }

  show(layout: Layout, heights: Float32Array): void {
    const segments = contourSegments(heights, layout.resolution, contourLevels(levelCount));
    const positions = new Float32Array(segments.length);
    for (let k = 0; k < segments.length; k += 3) {
      positions[k] = layout.xOfU(segments[k]);
      positions[k + 1] = segments[k + 2] * sceneHeight + above;
      positions[k + 2] = layout.zOfV(segments[k + 1]);
    }
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new BufferAttribute(positions, 3));
    this.lines.geometry.dispose();
    this.lines.geometry = geometry;
    this.lines.visible = true;
  }

  hide(): void {
    this.lines.visible = false;
  }

  dispose(): void {
    this.lines.geometry.dispose();
    this.lines.material.dispose();
  }
}
