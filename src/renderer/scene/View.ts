/**
 * The cameras: a perspective one that orbits, pans and zooms (OrbitControls), and a top-down orthographic
 * one for the contour view, which pans and zooms only. Both look at the same target; switching carries the
 * target over. "Reset" restores the default angle fitted to the surface; "frame" keeps the angle and fits.
 */
import { OrthographicCamera, PerspectiveCamera, Vector3, type Camera } from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { fitDistance, fitHalfHeight } from './fit';
import { sceneHeight, sceneSize } from './layout';

export type ViewMode = '3d' | 'top';

const fov = 38;
/** The default angle: from the front right, 38° above the floor (high enough to see into a bowl). */
const azimuth = (28 * Math.PI) / 180;
const elevation = (38 * Math.PI) / 180;
const worldUp = new Vector3(0, 1, 0);
const straightDown = new Vector3(0, 1, 1e-4).normalize();
/** The top camera's height above the target: above anything the scene draws. */
const topHeight = 100;

const half = sceneSize / 2;
/** The surface's box: footprint corners on the floor and at the top. */
export const surfaceBox: readonly Vector3[] = [0, sceneHeight].flatMap((y) => [
  new Vector3(-half, y, -half),
  new Vector3(half, y, -half),
  new Vector3(-half, y, half),
  new Vector3(half, y, half),
]);
/** Seen from above, the axes' labels stand this far outside the footprint: the top view makes room for them. */
const labelRoom = 1.9;

const direction = new Vector3();
const centre = new Vector3();
const delta = new Vector3();

export class View {
  readonly perspective = new PerspectiveCamera(fov, 1.5, 0.05, 400);
  readonly top = new OrthographicCamera(-7.5, 7.5, 5, -5, 0.1, 400);
  private readonly orbit: OrbitControls;
  private readonly pan: OrbitControls;
  private aspect = 1.5;
  private halfHeight = 5;
  mode: ViewMode = '3d';
  /** Both views side by side (issue 18, part 6): 3D on the left, top on the right, each with its own controls. */
  split = false;
  /** In a split, which half takes the pointer (the one it went down on). */
  private focused: ViewMode = '3d';
  private on = true;

  constructor(element: HTMLElement, onChange: () => void) {
    this.orbit = new OrbitControls(this.perspective, element);
    this.orbit.enableDamping = true;
    this.orbit.dampingFactor = 0.12;
    this.orbit.maxPolarAngle = Math.PI * 0.495;
    this.orbit.minDistance = 2;
    this.orbit.maxDistance = 120;
    this.pan = new OrbitControls(this.top, element);
    this.pan.enableRotate = false;
    this.pan.enableDamping = true;
    this.pan.dampingFactor = 0.12;
    this.pan.minZoom = 0.2;
    this.pan.maxZoom = 20;
    this.pan.enabled = false;
    for (const controls of [this.orbit, this.pan]) controls.addEventListener('change', onChange);
    this.reset();
  }

  get camera(): Camera {
    return this.mode === '3d' ? this.perspective : this.top;
  }

  /** Whether user input is being taken (the seeding box switches it off while it draws). */
  set enabled(on: boolean) {
    this.on = on;
    const taking = this.split ? this.focused : this.mode;
    this.orbit.enabled = on && taking === '3d';
    this.pan.enabled = on && taking === 'top';
  }

  /** In a split, the half under the pointer takes its drags and wheel: the orbit on the left, the pan on the right. */
  focus(half: ViewMode): void {
    this.focused = half;
    this.enabled = this.on;
  }

  /** Side by side or one view; the top camera starts over the 3D view's target, as a switch to it does. */
  setSplit(on: boolean): void {
    if (on === this.split) return;
    if (on && this.mode === '3d') this.lookFromTop();
    this.split = on;
    this.focused = this.mode;
    this.enabled = this.on;
  }

  resize(width: number, height: number): void {
    this.aspect = width / Math.max(1, height);
    this.perspective.aspect = this.aspect;
    this.perspective.updateProjectionMatrix();
    this.applyTopFrustum();
  }

  /** The default view: the front-right angle (or straight down), fitted to the surface. */
  reset(): void {
    direction.set(Math.sin(azimuth) * Math.cos(elevation), Math.sin(elevation), Math.cos(azimuth) * Math.cos(elevation));
    centre.set(0, sceneHeight * 0.32, 0);
    this.place(surfaceBox, centre, direction);
  }

  /** Keeps the angle, fits the surface and these extra points (e.g. the particles), centred on their box. */
  frame(extra: readonly Vector3[] = []): void {
    const points = extra.length ? [...surfaceBox, ...extra] : surfaceBox;
    const lo = new Vector3(Infinity, Infinity, Infinity);
    const hi = new Vector3(-Infinity, -Infinity, -Infinity);
    for (const p of points) {
      lo.min(p);
      hi.max(p);
    }
    centre.addVectors(lo, hi).multiplyScalar(0.5);
    direction.subVectors(this.perspective.position, this.orbit.target).normalize();
    this.place(points, centre, direction);
  }

  setMode(mode: ViewMode): void {
    if (mode === this.mode) return;
    if (mode === 'top') this.lookFromTop();
    else {
      // Carry a pan made from above back to the orbiting camera.
      delta.set(this.pan.target.x - this.orbit.target.x, 0, this.pan.target.z - this.orbit.target.z);
      this.orbit.target.add(delta);
      this.perspective.position.add(delta);
      this.orbit.update();
    }
    this.mode = mode;
    this.enabled = true;
  }

  /** Where the orbiting camera stands, as a recording's keyframe gives it (degrees; distance from the target). */
  pose(): { azimuth: number; elevation: number; distance: number } {
    delta.subVectors(this.perspective.position, this.orbit.target);
    const distance = delta.length();
    const degrees = 180 / Math.PI;
    return { azimuth: Math.atan2(delta.x, delta.z) * degrees, elevation: Math.asin(delta.y / distance) * degrees, distance };
  }

  /** The point the orbiting camera turns around. */
  target(): { x: number; y: number; z: number } {
    const { x, y, z } = this.orbit.target;
    return { x, y, z };
  }

  /**
   * Puts the orbiting camera at a recording's pose around `around` (else the view's target), without the
   * controls (whose damping would move it on), and leaving the controls' target as it is: a capture draws
   * with it, then `restorePosition` puts back the position it kept.
   */
  setPose({ azimuth, elevation, distance }: { azimuth: number; elevation: number; distance: number }, around?: { x: number; y: number; z: number }): void {
    const a = (azimuth * Math.PI) / 180;
    const e = (elevation * Math.PI) / 180;
    const target = around ? centre.set(around.x, around.y, around.z) : this.orbit.target;
    direction.set(Math.sin(a) * Math.cos(e), Math.sin(e), Math.cos(a) * Math.cos(e));
    this.perspective.position.copy(direction).multiplyScalar(distance).add(target);
    this.perspective.lookAt(target);
  }

  /** Back to a position kept before `setPose`. */
  restorePosition(position: Vector3): void {
    this.perspective.position.copy(position);
    this.perspective.lookAt(this.orbit.target);
  }

  /** Steps the damping; returns whether the camera still moves. */
  update(): boolean {
    if (this.split) return this.orbit.update() || this.pan.update();
    return this.mode === '3d' ? this.orbit.update() : this.pan.update();
  }

  /** The top camera over the orbiting camera's target: the same place, seen from straight above. */
  private lookFromTop(): void {
    this.pan.target.set(this.orbit.target.x, 0, this.orbit.target.z);
    this.top.position.copy(straightDown).multiplyScalar(topHeight).add(this.pan.target);
    this.top.zoom = 1;
    this.top.updateProjectionMatrix();
    this.pan.update();
  }

  dispose(): void {
    this.orbit.dispose();
    this.pan.dispose();
  }

  private place(points: readonly Vector3[], target: Vector3, from: Vector3): void {
    const distance = fitDistance(points, target, from, worldUp, fov, this.aspect);
    this.orbit.target.copy(target);
    this.perspective.position.copy(from).normalize().multiplyScalar(distance).add(target);
    this.perspective.lookAt(target);
    this.orbit.update();
    this.halfHeight = fitHalfHeight(points, target, straightDown, worldUp, this.aspect) + labelRoom;
    this.pan.target.set(target.x, 0, target.z);
    this.top.position.copy(straightDown).multiplyScalar(topHeight).add(this.pan.target);
    this.top.zoom = 1;
    this.applyTopFrustum();
    this.pan.update();
  }

  private applyTopFrustum(): void {
    this.top.left = -this.halfHeight * this.aspect;
    this.top.right = this.halfHeight * this.aspect;
    this.top.top = this.halfHeight;
    this.top.bottom = -this.halfHeight;
    this.top.updateProjectionMatrix();
  }
}
