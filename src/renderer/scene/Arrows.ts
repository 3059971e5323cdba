/**
 * Arrows at one point of the view (the microscope's step taken apart): each a vector in the view's plane,
 * drawn flat over the surface from that point exactly as long as it is in the view's units (whoever sends
 * them chooses any magnification). Drawn over everything (no depth test): an arrow is a reading, not a
 * thing in the landscape.
 */
import { ArrowHelper, Color, Group, Vector3 } from 'three';
import type { SceneArrows } from '../lab';
import type { Placement } from './placement';

/** Height above the particle, so the arrows clear the mesh's bumps. */
const raise = 0.12;

const origin = new Vector3();
const direction = new Vector3();
const place = new Float32Array(3);

export class Arrows {
  readonly group = new Group();
  private helpers: ArrowHelper[] = [];

  /** Shows a set of arrows (none for null or before the surface is placed); returns how many are drawn. */
  show(set: SceneArrows | null, placement: Placement | null): number {
    this.clear();
    if (!set || !placement) return 0;
    const { layout } = placement;
    const [a, b] = set.origin;
    placement.place(a, b, set.loss ?? 0, place, 0);
    origin.set(place[0], place[1] + raise, place[2]);
    const vectors = set.arrows.map(({ vector: [da, db] }) => new Vector3(layout.x(a + da) - layout.x(a), 0, layout.z(b + db) - layout.z(b)));
    set.arrows.forEach(({ colour }, k) => {
      const length = vectors[k].length();
      if (!(length > 1e-4 && Number.isFinite(length))) return;
      direction.copy(vectors[k]).normalize();
      const head = Math.min(0.25, 0.35 * length);
      const helper = new ArrowHelper(direction, origin, length, new Color(colour), head, head * 0.6);
      for (const material of [helper.line.material, helper.cone.material]) {
        (material as { depthTest: boolean }).depthTest = false;
      }
      helper.renderOrder = 10;
      this.helpers.push(helper);
      this.group.add(helper);
    });
    return this.helpers.length;
  }

  dispose(): void {
    this.clear();
  }

  private clear(): void {
    for (const helper of this.helpers) {
      this.group.remove(helper);
      helper.dispose();
    }
    this.helpers = [];
  }
}
