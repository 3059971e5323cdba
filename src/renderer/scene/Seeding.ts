/**
 * Seeding by pointer, on models of exactly two parameters shown on their own axes: a click on the surface
 * restarts the scenario from that one point; shift + drag draws a box and restarts it with a uniform
 * cloud over the box. Either can be undone, once (../undo.ts). Anything else (a drag without shift) is
 * left to the camera controls.
 */
import { Plane, Raycaster, Vector2, Vector3, type Camera, type Mesh } from 'three';
import type { Lab } from '../lab';
import { undoKeyName } from '../undo';
import type { Scenario } from '../../shared/scenario';
import type { Layout } from './layout';

/** A pointer that moved less than this (CSS pixels) between down and up made a click. */
const clickSlop = 4;
/** A box seeds this many particles when the scenario's own count is a single start. */
export const defaultBoxCount = 400;

export interface SeedingHost {
  /** The camera in use, the surface mesh, and the layout of the current view (null before a surface). */
  camera(): Camera;
  surface(): Mesh | null;
  layout(): Layout | null;
  /** Whether seeding applies: two parameters, on their own axes. */
  seedable(): boolean;
  /** Camera input on or off (off while a box is drawn). */
  setControls(on: boolean): void;
  /** A short message in the scene (why seeding does not apply). */
  hint(text: string): void;
  /** The lab refused the new start. */
  error(error: unknown): void;
}

const raycaster = new Raycaster();
const ndc = new Vector2();
const floor = new Plane(new Vector3(0, 1, 0), 0);
const hit = new Vector3();

export class Seeding {
  private down: { x: number; y: number; id: number; shift: boolean } | null = null;
  private readonly box: HTMLDivElement;
  private readonly listeners: [string, EventListener][] = [];

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly container: HTMLElement,
    private readonly lab: Lab,
    private readonly host: SeedingHost,
  ) {
    this.box = document.createElement('div');
    this.box.className = 'scene-box';
    this.box.hidden = true;
    container.append(this.box);
    // Capture on the container: this runs before OrbitControls' own listener on the canvas, so that a
    // shift + drag can switch the controls off before they start a pan.
    this.listen('pointerdown', (event) => this.onDown(event as PointerEvent));
    this.listen('pointermove', (event) => this.onMove(event as PointerEvent));
    this.listen('pointerup', (event) => this.onUp(event as PointerEvent));
    this.listen('pointercancel', () => this.cancel());
  }

  dispose(): void {
    for (const [type, listener] of this.listeners) this.container.removeEventListener(type, listener, true);
    this.box.remove();
  }

  private listen(type: string, listener: EventListener): void {
    this.container.addEventListener(type, listener, true);
    this.listeners.push([type, listener]);
  }

  private onDown(event: PointerEvent): void {
    if (event.target !== this.canvas || event.button !== 0) return;
    this.down = { x: event.clientX, y: event.clientY, id: event.pointerId, shift: event.shiftKey };
    if (event.shiftKey) {
      this.host.setControls(false);
      this.canvas.setPointerCapture(event.pointerId);
      this.drawBox(event.clientX, event.clientY);
    }
  }

  private onMove(event: PointerEvent): void {
    if (!this.down?.shift || event.pointerId !== this.down.id) return;
    this.drawBox(event.clientX, event.clientY);
  }

  private onUp(event: PointerEvent): void {
    const down = this.down;
    if (!down || event.pointerId !== down.id) return;
    this.cancel();
    const moved = Math.hypot(event.clientX - down.x, event.clientY - down.y);
    if (down.shift && moved >= clickSlop) this.seedBox(down.x, down.y, event.clientX, event.clientY);
    else if (moved < clickSlop) this.seedPoint(event.clientX, event.clientY);
  }

  private cancel(): void {
    if (this.down?.shift) this.host.setControls(true);
    this.down = null;
    this.box.hidden = true;
  }

  private drawBox(x: number, y: number): void {
    const down = this.down!;
    const frame = this.container.getBoundingClientRect();
    const style = this.box.style;
    style.left = `${Math.min(down.x, x) - frame.left}px`;
    style.top = `${Math.min(down.y, y) - frame.top}px`;
    style.width = `${Math.abs(x - down.x)}px`;
    style.height = `${Math.abs(y - down.y)}px`;
    this.box.hidden = false;
  }

  private seedPoint(x: number, y: number): void {
    const layout = this.host.layout();
    const mesh = this.host.surface();
    if (!layout || !mesh) return;
    const point = this.pick(x, y, mesh, false);
    if (!point) return;
    if (!this.host.seedable()) return this.host.hint('Click-to-start works on models of two parameters, shown on their own axes.');
    this.restart({ points: [[round(layout.a(point.x), layout.range[0]), round(layout.b(point.z), layout.range[1])]] });
  }

  private seedBox(x0: number, y0: number, x1: number, y1: number): void {
    const layout = this.host.layout();
    const mesh = this.host.surface();
    if (!layout || !mesh) return;
    if (!this.host.seedable()) return this.host.hint('Seeding a box works on models of two parameters, shown on their own axes.');
    let amin = Infinity;
    let amax = -Infinity;
    let bmin = Infinity;
    let bmax = -Infinity;
    for (const [x, y] of [
      [x0, y0],
      [x1, y0],
      [x0, y1],
      [x1, y1],
    ]) {
      const point = this.pick(x, y, mesh, true);
      if (!point) return this.host.hint('Draw the box over the surface.');
      const a = layout.a(point.x);
      const b = layout.b(point.z);
      amin = Math.min(amin, a);
      amax = Math.max(amax, a);
      bmin = Math.min(bmin, b);
      bmax = Math.max(bmax, b);
    }
    const init = this.lab.state().scenario?.init;
    const count = init && 'count' in init ? init.count : init && init.points.length > 1 ? init.points.length : defaultBoxCount;
    const [ra, rb] = layout.range;
    this.restart({ dist: 'uniform', min: [round(amin, ra), round(bmin, rb)], max: [round(amax, ra), round(bmax, rb)], count });
  }

  /** The scene point under a pointer: on the surface, or (for a box corner) on the floor. */
  private pick(x: number, y: number, mesh: Mesh, floorToo: boolean): Vector3 | null {
    const rect = this.canvas.getBoundingClientRect();
    ndc.set(((x - rect.left) / rect.width) * 2 - 1, -((y - rect.top) / rect.height) * 2 + 1);
    raycaster.setFromCamera(ndc, this.host.camera());
    const hits = raycaster.intersectObject(mesh, false);
    if (hits.length) return hit.copy(hits[0].point);
    return floorToo ? raycaster.ray.intersectPlane(floor, hit) : null;
  }

  private restart(init: Scenario['init']): void {
    const scenario = this.lab.state().scenario;
    if (!scenario) return;
    // Undoable: the trainer keeps the cloud this replaces, and Ctrl+Z brings it back (../undo.ts).
    this.lab.load({ ...scenario, init }, { undoable: true }).then(
      () => this.host.hint(`A new start. ${undoKeyName(navigator.platform)} brings back the cloud before it.`),
      (error: unknown) => this.host.error(error),
    );
  }
}

/** Rounded to about a thousandth of the axis's range: a start as a person would type it, not 1.2345678901. */
function round(v: number, [lo, hi]: readonly [number, number]): number {
  const digits = Math.max(0, 3 - Math.floor(Math.log10(hi - lo)));
  return Number(v.toFixed(Math.min(12, digits)));
}
