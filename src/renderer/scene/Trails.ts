/**
 * Trails: the last `trailLength` places of a subset of the particles (up to 31 spread over the cloud, plus
 * the best one) while on the surface, kept as a ring buffer of line segments. Each frame writes one segment
 * per followed particle over its oldest; a shader fades segments by their age, so nothing else is rewritten.
 */
import { BufferAttribute, BufferGeometry, LineSegments, ShaderMaterial } from 'three';
import { bestColour, srgbToLinear, statusColours } from './colormap';
import { sceneSize } from './layout';
import { trailFragment, trailVertex } from './shaders';

/** Frames kept per trail. */
export const trailLength = 128;
/** Particles followed, besides the best one. */
export const followed = 31;

const half = sceneSize / 2;
/** Where unused segments wait: far beyond the far plane, so that no stray pixel shows. */
const parked = -1e4;

const bestLinear = Float32Array.from(bestColour, srgbToLinear);
const runningLinear = Float32Array.from(statusColours[1], (c) => srgbToLinear(c * 0.5 + 0.5));

export class Trails {
  readonly lines: LineSegments<BufferGeometry, ShaderMaterial>;
  private readonly position: BufferAttribute;
  /** The particle each trail follows; the last trail follows the best particle. */
  private readonly targets = new Int32Array(followed + 1).fill(-1);
  /** Each trail's previous place (x, y, z), and whether it has one. */
  private readonly previous = new Float32Array(3 * (followed + 1));
  private readonly started = new Uint8Array(followed + 1);
  private head = 0;
  private lastStep = -1;

  constructor() {
    const slots = (followed + 1) * trailLength;
    this.position = new BufferAttribute(new Float32Array(slots * 2 * 3).fill(parked), 3);
    const colour = new BufferAttribute(new Float32Array(slots * 2 * 3), 3);
    const slot = new Float32Array(slots * 2);
    for (let s = 0; s < slots; s++) slot[2 * s] = slot[2 * s + 1] = s % trailLength;
    // Colours never change: pale for the followed particles, gold for the best one's trail (the last).
    const c = colour.array as Float32Array;
    for (let v = 0; v < slots * 2; v++) c.set(v >= followed * trailLength * 2 ? bestLinear : runningLinear, 3 * v);
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
    (this.position.array as Float32Array).fill(parked);
    this.position.needsUpdate = true;
    this.head = 0;
    this.lastStep = -1;
  }

  /**
   * Takes the places of a frame (x, y, z per particle, before any rise) and the best particle's index;
   * a frame of the same step as the last one (a re-sent frame) adds nothing.
   */
  record(step: number, places: Float32Array, best: number): void {
    const bestSlot = followed;
    if (this.targets[bestSlot] !== best) {
      this.targets[bestSlot] = best;
      this.started[bestSlot] = 0;
      this.clearSlot(bestSlot);
    }
    if (step === this.lastStep) return;
    this.lastStep = step;
    this.head = (this.head + 1) % trailLength;
    const p = this.position.array as Float32Array;
    for (let s = 0; s <= followed; s++) {
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
