/**
 * The axes, on the faces the default camera sees (it stands front right): the floor's outline, ticks and
 * values of a along the front edge and of b along the right edge, the loss axis standing at the back-right
 * corner, and the parameter names, all as sprites. Rebuilt with the surface; every label's texture is
 * disposed when replaced.
 */
import { BufferAttribute, BufferGeometry, Group, LineBasicMaterial, LineSegments, type Sprite } from 'three';
import { heightOf, type HeightScale } from './heights';
import { disposeLabel, makeLabel } from './label';
import { floorY, sceneHeight, sceneSize, type Layout } from './layout';
import { formatTick, lossTicks, niceTicks } from './ticks';

const half = sceneSize / 2;
const tick = 0.18;
const tickText = 0.36;
const nameText = 0.5;
const nameColour = '#e3e7ec';
const tickColour = '#a3adba';

export class Axes {
  readonly group = new Group();
  /** The loss axis: a point seen from above, so hidden in the top view. */
  private readonly lossAxis = new Group();
  private readonly floor = new Group();
  private readonly material = new LineBasicMaterial({ color: 0x6b7686, transparent: true, opacity: 0.8 });
  private lines: LineSegments[] = [];
  private labels: Sprite[] = [];

  constructor() {
    this.group.name = 'axes';
    this.group.add(this.floor, this.lossAxis);
  }

  show(layout: Layout, names: readonly [string, string], scale: HeightScale): void {
    this.clear();
    const v: number[] = [];
    const segment = (x0: number, y0: number, z0: number, x1: number, y1: number, z1: number) => v.push(x0, y0, z0, x1, y1, z1);
    const y = floorY;
    // The floor's outline.
    segment(-half, y, half, half, y, half);
    segment(half, y, half, half, y, -half);
    segment(half, y, -half, -half, y, -half);
    segment(-half, y, -half, -half, y, half);
    const [[a0, a1], [b0, b1]] = layout.range;
    for (const a of niceTicks(a0, a1, 5)) {
      const x = layout.x(a);
      segment(x, y, half, x, y, half + tick);
      this.add(this.floor, formatTick(a), x, y, half + tick + 0.32, tickText, tickColour);
    }
    for (const b of niceTicks(b0, b1, 5)) {
      const z = layout.z(b);
      segment(half, y, z, half + tick, y, z);
      this.add(this.floor, formatTick(b), half + tick + 0.12, y, z, tickText, tickColour, [0, 0.5]);
    }
    this.add(this.floor, names[0], 0, y, half + 1.15, nameText, nameColour);
    this.add(this.floor, names[1], half + 1.3, y, 0, nameText, nameColour, [0, 0.5]);
    this.addLines(this.floor, v);
    // The loss axis, at the back-right corner, from the floor to the surface's top.
    v.length = 0;
    segment(half, y, -half, half, sceneHeight, -half);
    for (const loss of lossTicks(scale)) {
      const h = heightOf(scale, loss) * sceneHeight;
      segment(half, h, -half, half + tick, h, -half);
      this.add(this.lossAxis, formatTick(loss), half + tick + 0.1, h, -half, tickText, tickColour, [0, 0.5]);
    }
    this.add(this.lossAxis, scale.log ? 'loss (log scale)' : 'loss', half, sceneHeight + 0.5, -half, nameText, nameColour);
    this.addLines(this.lossAxis, v);
  }

  /** Seen from above, the loss axis would be a pile of labels on one point: it is hidden. */
  setTopView(on: boolean): void {
    this.lossAxis.visible = !on;
  }

  private addLines(parent: Group, v: number[]): void {
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new BufferAttribute(Float32Array.from(v), 3));
    const lines = new LineSegments(geometry, this.material);
    this.lines.push(lines);
    parent.add(lines);
  }

  private add(parent: Group, text: string, x: number, y: number, z: number, height: number, color: string, anchor: [number, number] = [0.5, 0.5]): void {
    const label = makeLabel(text, { height, color, anchor });
    label.position.set(x, y, z);
    this.labels.push(label);
    parent.add(label);
  }

  clear(): void {
    for (const label of this.labels) disposeLabel(label);
    for (const lines of this.lines) lines.geometry.dispose();
    this.labels = [];
    this.lines = [];
    this.floor.clear();
    this.lossAxis.clear();
  }

  dispose(): void {
    this.clear();
    this.material.dispose();
  }
}
