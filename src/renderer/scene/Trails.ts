/**
 * Trails: the last `trailLength` places of a subset of the particles (up to 31 spread over the cloud, plus
 * the best one, plus the particle under the pointer: `highlight`, in white) while on the surface, kept as a ring buffer of line segments. Each frame writes one segment
 * per followed particle over its oldest; a shader fades segments by their age, so nothing else is rewritten.
 * Their losses over the same frames are kept beside them (./trail-losses.ts): the hovered particle's curve.
 */
import { BufferAttribute, BufferGeometry, LineSegments, ShaderMaterial } from 'three';
import { bestColour, srgbToLinear, statusColours } from './colormap';
import { sceneSize } from './layout';
import { trailFragment, trailVertex } from './shaders';
import { TrailLosses, type ParticleCurve } from './trail-losses';

/** Frames kept per trail. */
export const trailLength = 128;
/** Particles followed, besides the best one. */
export const followed = 31;

const half = sceneSize / 2;
/** Where unused segments wait: far beyond the far plane, so that no stray pixel shows. */
const parked = -1e4;

const bestLinear = Float32Array.from(bestColour, srgbToLinear);
const runningLinear = Float32Array.from(statusColours[1], (c) => srgbToLinear(c * 0.5 + 0.5));
const highlightLinear = Float32Array.of(1, 1, 1);
/** Trails in all: the followed ones, the best one's, the highlighted one's. */
const slotCount = followed + 2;
const bestSlot = followed;
const highlightSlot = followed + 1;

export class Trails {
  readonly lines: LineSegments<BufferGeometry, ShaderMaterial>;
  private readonly position: BufferAttribute;
  /** Each trail's losses, frame by frame, as long as its places are kept. */
  private readonly losses = new TrailLosses(slotCount, trailLength);
  /** The particle each trail follows; then the best particle's trail, then the highlighted particle's. */
  private readonly targets = new Int32Array(slotCount).fill(-1);
  /** Each trail's previous place (x, y, z), and whether it has one. */
  private readonly previous = new Float32Array(3 * slotCount);
  private readonly started = new Uint8Array(slotCount);
  private head = 0;
  private lastStep = -1;

  constructor() {
    const slots = slotCount * trailLength;
    this.position = new BufferAttribute(new Float32Array(slots * 2 * 3).fill(parked), 3);
    const colour = new BufferAttribute(new Float32Array(slots * 2 * 3), 3);
    const slot = new Float32Array(slots * 2);
    for (let s = 0; s < slots; s++) slot[2 * s] = slot[2 * s + 1] = s % trailLength;
    // Colours never change: pale for the followed particles, gold for the best one's trail, white for the highlighted one.
    const c = colour.array as Float32Array;
    for (let v = 0; v < slots * 2; v++) {
      const slot = Math.floor(v / (trailLength * 2));
      c.set(slot === highlightSlot ? highlightLinear : slot === bestSlot ? bestLinear : runningLinear, 3 * v);
    }
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', this.position);
    geometry.setAttribute('color', colour);
    geometry.setAttribute('slot', new BufferAttribute(slot, 1));
    const material = new ShaderMaterial({
      vertexShader: trailVertex,
      fragmentShader: trailFragment,
      uniforms: { uHead: { value: 0 }, uLength: { value: trailLength }, uOpacity: { value: 0.85 } },
      transparent: true,
      depthWrite: false,
    });
    this.lines = new LineSegments(geometry, material);
    this.lines.name = 'trails';
    this.lines.renderOrder = 3;
    this.lines.frustumCulled = false;
  }

  /** A new run of n particles: forget every trail and spread the followed ones over the cloud. */
  reset(n: number): void {
    const spread = Math.min(n, followed);
    this.targets.fill(-1);
    for (let k = 0; k < spread; k++) this.targets[k] = Math.floor((k * n) / spread);
    this.started.fill(0);
    this.losses.reset();
    (this.position.array as Float32Array).fill(parked);
    this.position.needsUpdate = true;
    this.head = 0;
    this.lastStep = -1;
  }

  /**
   * Takes the places of a frame (x, y, z per particle, before any rise), the best particle's index and the
   * frame's losses and statuses (without them, no loss is kept); a frame of the same step as the last one (a
   * re-sent frame) adds no segment, and its losses replace the last ones.
   */
  record(step: number, places: Float32Array, best: number, frame?: { losses: ArrayLike<number>; statuses: ArrayLike<number> }): void {
    if (this.targets[bestSlot] !== best) {
      this.targets[bestSlot] = best;
      this.started[bestSlot] = 0;
      this.clearSlot(bestSlot);
      this.losses.restart(bestSlot);
    }
    if (frame) this.losses.record(step, this.targets, frame.losses, frame.statuses);
    if (step === this.lastStep) return;
    this.lastStep = step;
    this.head = (this.head + 1) % trailLength;
    const p = this.position.array as Float32Array;
    for (let s = 0; s < slotCount; s++) {
      const i = this.targets[s];
      if (i < 0 || 3 * i + 2 >= places.length) continue;
      const o = (s * trailLength + this.head) * 6;
      const x = places[3 * i];
      const y = places[3 * i + 1];
      const z = places[3 * i + 2];
      // Off the surface a trail breaks: a runaway's jumps to the rim would only cross the picture.
      if (Math.abs(x) > half || Math.abs(z) > half) {
        this.started[s] = 0;
        continue;
      }
      // A trail's first place draws a point-length segment: nothing shows until it moves.
      const from = this.started[s] ? 3 * s : -1;
      p[o] = from < 0 ? x : this.previous[from];
      p[o + 1] = from < 0 ? y : this.previous[from + 1];
      p[o + 2] = from < 0 ? z : this.previous[from + 2];
      p[o + 3] = x;
      p[o + 4] = y;
      p[o + 5] = z;
      this.previous[3 * s] = x;
      this.previous[3 * s + 1] = y;
      this.previous[3 * s + 2] = z;
      this.started[s] = 1;
    }
    this.lines.material.uniforms.uHead.value = this.head;
    this.position.needsUpdate = true;
  }

  /**
   * Draws particle i's trail in white (−1: none). A particle already followed (one of the spread, or the
   * best) shows its past at once; any other starts its trail now. Returns whether its past was there.
   */
  highlight(i: number): boolean {
    if (this.targets[highlightSlot] === i) return this.started[highlightSlot] === 1 || i < 0;
    this.targets[highlightSlot] = i;
    const from = i < 0 ? -1 : this.targets.subarray(0, highlightSlot).indexOf(i);
    const p = this.position.array as Float32Array;
    const span = trailLength * 6;
    if (from >= 0) {
      p.copyWithin(highlightSlot * span, from * span, (from + 1) * span);
      this.previous.copyWithin(3 * highlightSlot, 3 * from, 3 * from + 3);
      this.started[highlightSlot] = this.started[from];
      this.losses.copy(from, highlightSlot);
      this.position.needsUpdate = true;
    } else {
      this.started[highlightSlot] = 0;
      this.clearSlot(highlightSlot);
      this.losses.restart(highlightSlot);
    }
    return from >= 0 || i < 0;
  }

  /** The particle whose trail is highlighted, or −1. */
  get highlighted(): number {
    return this.targets[highlightSlot];
  }

  /** The highlighted particle's losses over the frames its trail holds (empty when none is highlighted). */
  highlightedCurve(): ParticleCurve {
    return this.highlighted < 0 ? { steps: [], losses: [] } : this.losses.curve(highlightSlot);
  }

  setVisible(visible: boolean): void {
    this.lines.visible = visible;
  }

  private clearSlot(s: number): void {
    (this.position.array as Float32Array).fill(parked, s * trailLength * 6, (s + 1) * trailLength * 6);
    this.position.needsUpdate = true;
  }

  dispose(): void {
    this.lines.geometry.dispose();
    this.lines.material.dispose();
  }
}
