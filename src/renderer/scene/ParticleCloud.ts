/**
 * The particle cloud: one THREE.Points whose attributes are written in place from each frame (no new
 * geometry unless the particle count changes), coloured by status or by loss. A diverged particle rises
 * from its last place and fades out over `fadeSeconds`, in the diverged colour.
 */
import { BufferAttribute, BufferGeometry, Points, ShaderMaterial } from 'three';
import type { FrameEvent } from '../../shared/messages';
import { groupColours } from '../group-colours';
import { srgbToLinear, statusColours, warm } from './colormap';
import { heightOf } from './heights';
import type { Placement } from './placement';
import { pointFragment, pointVertex } from './shaders';

/** Status, loss, or (in an optimizer race) the particle's group. */
export type ColourBy = 'status' | 'loss' | 'group';

const diverged = 3;
/** How long a diverged particle takes to rise and fade. */
export const fadeSeconds = 1.4;
/** How far it rises, in scene units. */
const rise = 2.5;
/** Particle diameter in CSS pixels (times the pixel ratio). */
const pointSize = 6;

const rgb = new Float32Array(3);
/** The race's group colours (the Race tab's palette) as linear light. */
const linearGroup = groupColours.map((hex) => Float32Array.from([1, 3, 5], (k) => srgbToLinear(parseInt(hex.slice(k, k + 2), 16) / 255)));

/** The status colours as linear light, ready for the colour attribute. */
const linearStatus: Record<number, Float32Array> = Object.fromEntries(Object.entries(statusColours).map(([k, c]) => [k, Float32Array.from(c, srgbToLinear)]));

export class ParticleCloud {
  readonly points: Points<BufferGeometry, ShaderMaterial>;
  /** Where each particle sits on the surface (x, y, z), before any rise: read by the trails and the marker. */
  base = new Float32Array(0);
  private count = 0;
  private statuses = new Uint8Array(0);
  /** When each particle was first seen diverged (performance.now() ms), or −1. */
  private divergedAt = new Float64Array(0);
  private fading = 0;
  private colourBy: ColourBy = 'status';
  /** Each particle's group in a race, or null. */
  private groups: Uint8Array | null = null;
  private coloursStale = true;
  private last: FrameEvent | null = null;

  constructor() {
    const material = new ShaderMaterial({
      vertexShader: pointVertex,
      fragmentShader: pointFragment,
      uniforms: { uSize: { value: pointSize } },
      transparent: true,
      depthWrite: false,
    });
    this.points = new Points(new BufferGeometry(), material);
    this.points.name = 'particles';
    this.points.renderOrder = 2;
    // The cloud moves every frame: a bounding sphere would go stale, and culling it gains nothing.
    this.points.frustumCulled = false;
    this.points.visible = false;
  }

  /** A new run: room for n particles, nothing shown until its first frame. */
  reset(n: number): void {
    if (n !== this.count) {
      this.count = n;
      const geometry = new BufferGeometry();
      this.base = new Float32Array(3 * n);
      geometry.setAttribute('position', new BufferAttribute(new Float32Array(3 * n), 3));
      geometry.setAttribute('color', new BufferAttribute(new Float32Array(3 * n), 3));
      geometry.setAttribute('alpha', new BufferAttribute(new Float32Array(n), 1));
      this.points.geometry.dispose();
      this.points.geometry = geometry;
      this.statuses = new Uint8Array(n);
      this.divergedAt = new Float64Array(n);
    }
    this.divergedAt.fill(-1);
    this.statuses.fill(0);
    this.fading = 0;
    this.last = null;
    this.coloursStale = true;
    this.points.visible = false;
  }

  setPixelRatio(ratio: number): void {
    this.points.material.uniforms.uSize.value = pointSize * ratio;
  }

  setColourBy(mode: ColourBy, placement: Placement | null): void {
    if (mode === this.colourBy) return;
    this.colourBy = mode;
    this.coloursStale = true;
    if (this.last && placement) this.colour(this.last, placement);
  }

  /** A race's group of each particle (the `loaded` event's), or null for a plain run. */
  setGroups(groups: Uint8Array | null): void {
    this.groups = groups;
    this.coloursStale = true;
  }

  /** The particle count the geometry holds. */
  get size(): number {
    return this.count;
  }

  /** Takes a frame: places every particle, notes new divergences, recolours what changed. */
  update(frame: FrameEvent, placement: Placement, now: number): void {
    const n = Math.min(this.count, frame.statuses.length);
    const { positions, losses, statuses } = frame;
    const base = this.base;
    let statusChanged = false;
    for (let i = 0; i < n; i++) {
      placement.place(positions[2 * i], positions[2 * i + 1], losses[i], base, 3 * i);
      const status = statuses[i];
      if (status !== this.statuses[i]) {
        statusChanged = true;
        // Diverged in the very first frame (a start that is not finite): nothing to watch rise.
        if (status === diverged) this.divergedAt[i] = this.last ? now : now - fadeSeconds * 1000;
        else this.divergedAt[i] = -1;
        this.statuses[i] = status;
      }
    }
    this.last = frame;
    if (statusChanged || this.colourBy === 'loss' || this.coloursStale) this.colour(frame, placement);
    this.points.visible = true;
    this.animate(now, true);
  }

  /**
   * Moves the fading particles on (and every particle after a new frame); returns whether any is still
   * fading, i.e. whether the scene must be drawn again.
   */
  animate(now: number, all = false): boolean {
    if (!all && this.fading === 0) return false;
    const position = this.points.geometry.getAttribute('position') as BufferAttribute;
    const alpha = this.points.geometry.getAttribute('alpha') as BufferAttribute;
    const p = position.array as Float32Array;
    const a = alpha.array as Float32Array;
    const base = this.base;
    let fading = 0;
    let alphaChanged = false;
    for (let i = 0; i < this.count; i++) {
      const since = this.divergedAt[i];
      let y = base[3 * i + 1];
      let opacity = this.statuses[i] === 0 ? 0 : 1;
      if (since >= 0) {
        const t = Math.min(1, (now - since) / (fadeSeconds * 1000));
        if (t < 1) fading++;
        // Ease out: a quick start that slows as it fades.
        y += rise * (1 - (1 - t) * (1 - t));
        opacity = 1 - t;
      } else if (!all) continue;
      p[3 * i] = base[3 * i];
      p[3 * i + 1] = y;
      p[3 * i + 2] = base[3 * i + 2];
      if (a[i] !== opacity) {
        a[i] = opacity;
        alphaChanged = true;
      }
    }
    this.fading = fading;
    position.needsUpdate = true;
    if (alphaChanged) alpha.needsUpdate = true;
    return fading > 0;
  }

  /** Whether particle i is shown on the surface (seen, and not diverged). */
  onSurface(i: number): boolean {
    return i >= 0 && i < this.count && this.statuses[i] !== 0 && this.statuses[i] !== diverged;
  }

  private colour(frame: FrameEvent, placement: Placement): void {
    const colour = this.points.geometry.getAttribute('color') as BufferAttribute;
    const c = colour.array as Float32Array;
    const n = Math.min(this.count, frame.statuses.length);
    for (let i = 0; i < n; i++) {
      const status = frame.statuses[i];
      if (this.colourBy === 'loss' && status !== diverged) {
        warm(heightOf(placement.scale, frame.losses[i]), rgb);
        c[3 * i] = srgbToLinear(rgb[0]);
        c[3 * i + 1] = srgbToLinear(rgb[1]);
        c[3 * i + 2] = srgbToLinear(rgb[2]);
      } else if (this.colourBy === 'group' && this.groups && status !== diverged) {
        const g = linearGroup[this.groups[i] % linearGroup.length];
        c[3 * i] = g[0];
        c[3 * i + 1] = g[1];
        c[3 * i + 2] = g[2];
      } else {
        const s = linearStatus[status] ?? linearStatus[1];
        c[3 * i] = s[0];
        c[3 * i + 1] = s[1];
        c[3 * i + 2] = s[2];
      }
    }
    colour.needsUpdate = true;
    this.coloursStale = false;
  }

  dispose(): void {
    this.points.geometry.dispose();
    this.points.material.dispose();
  }
}
