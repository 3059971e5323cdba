/**
 * Hovering a particle (issue 18, part 6): the particle nearest the pointer, in whichever view it is over (or
 * half of a split view), gets its trail drawn in white (Trails.highlight), and the loss chart draws its own
 * loss curve beside the cloud's mean and best (the host's `hovered`, the lab's 'hover' event; the losses are
 * kept with the trails, ./trail-losses.ts, so the curve reaches as far back as the trail). A hint says so.
 * Leaving the particle takes both away. The canvas carries data-hovered, the highlighted particle or −1 (tests).
 */
import { Vector3, type Camera } from 'three';
import type { ParticleCloud } from './ParticleCloud';
import type { Trails } from './Trails';
import type { View } from './View';

/** How near (CSS px) the pointer must be to a particle to highlight its trail. */
export const hoverRadius = 10;
const projected = new Vector3();

/**
 * The particle on the surface nearest (x, y) (CSS px from the canvas's corner) within `hoverRadius`, or −1.
 * Every particle is projected: a few ms for 100,000, once an animation frame at most.
 */
export function nearestParticle(
  places: Float32Array,
  count: number,
  onSurface: (i: number) => boolean,
  camera: Camera,
  viewport: { left: number; width: number; height: number },
  x: number,
  y: number,
): number {
  let best = -1;
  let nearest = hoverRadius * hoverRadius;
  for (let i = 0; i < count; i++) {
    if (!onSurface(i)) continue;
    projected.set(places[3 * i], places[3 * i + 1], places[3 * i + 2]).project(camera);
    if (projected.z < -1 || projected.z > 1) continue;
    const dx = viewport.left + ((projected.x + 1) / 2) * viewport.width - x;
    const dy = ((1 - projected.y) / 2) * viewport.height - y;
    const d = dx * dx + dy * dy;
    if (d < nearest) [nearest, best] = [d, i];
  }
  return best;
}

/** nearestParticle in the scene's view: the one camera, or in a split the half the pointer is over. */
export function pickParticle(cloud: ParticleCloud, view: View, width: number, height: number, x: number, y: number): number {
  let camera = view.camera;
  let left = 0;
  let w = width;
  if (view.split) {
    const half = Math.floor(width / 2);
    if (x < half) [camera, w] = [view.perspective, half];
    else [camera, left, w] = [view.top, half, width - half];
  }
  return nearestParticle(cloud.base, cloud.size, (i) => cloud.onSurface(i), camera, { left, width: w, height }, x, y);
}

export interface HoverHost {
  pick(x: number, y: number): number;
  trails: Trails;
  hint(text: string): void;
  redraw(): void;
  /** Particle i is highlighted now (−1: none any more). */
  hovered(i: number): void;
}

export class Hover {
  /** The pointer's last place over the canvas, picked at the next animation frame. */
  private at: { x: number; y: number } | null = null;
  private scheduled = false;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly host: HoverHost,
  ) {
    canvas.dataset.hovered = '-1';
    canvas.addEventListener('pointermove', this.onMove);
    canvas.addEventListener('pointerleave', this.onLeave);
  }

  /** A new run: nothing is highlighted. */
  clear(): void {
    this.canvas.dataset.hovered = '-1';
    this.host.hovered(-1);
  }

  dispose(): void {
    this.canvas.removeEventListener('pointermove', this.onMove);
    this.canvas.removeEventListener('pointerleave', this.onLeave);
  }

  // A drag (orbit, pan, a seeding box) picks nothing.
  private readonly onMove = (event: PointerEvent): void => {
    if (event.buttons !== 0) return;
    const box = this.canvas.getBoundingClientRect();
    this.at = { x: event.clientX - box.left, y: event.clientY - box.top };
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      if (this.at) this.highlight(this.host.pick(this.at.x, this.at.y));
    });
  };

  private readonly onLeave = (): void => {
    this.at = null;
    this.highlight(-1);
  };

  private highlight(i: number): void {
    const trails = this.host.trails;
    if (i === trails.highlighted) return;
    const past = trails.highlight(i);
    this.canvas.dataset.hovered = String(i);
    this.host.hovered(i);
    if (i >= 0) {
      const since = past ? '' : ', from now on (it is not one of the followed trails)';
      this.host.hint(`Particle ${i}: its trail in white and its loss in the chart${since}.`);
    }
    this.host.redraw();
  }
}
