/** A ring around the particle with the lowest loss, drawn over everything so that it is never lost. */
import { BufferAttribute, BufferGeometry, Color, Points, ShaderMaterial, SRGBColorSpace } from 'three';
import { bestColour } from './colormap';
import { ringFragment, ringVertex } from './shaders';

/** Ring diameter in CSS pixels. */
const ringSize = 22;

export class BestMarker {
  readonly points: Points<BufferGeometry, ShaderMaterial>;
  private readonly position: BufferAttribute;

  constructor() {
    this.position = new BufferAttribute(new Float32Array(3), 3);
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', this.position);
    const material = new ShaderMaterial({
      vertexShader: ringVertex,
      fragmentShader: ringFragment,
      uniforms: { uSize: { value: ringSize }, uColor: { value: new Color().setRGB(...bestColour, SRGBColorSpace) } },
      transparent: true,
      depthTest: false,
      depthWrite: false,
    });
    this.points = new Points(geometry, material);
    this.points.name = 'best';
    this.points.renderOrder = 4;
    this.points.frustumCulled = false;
    this.points.visible = false;
  }

  setPixelRatio(ratio: number): void {
    this.points.material.uniforms.uSize.value = ringSize * ratio;
  }

  /** Puts the ring at (x, y, z) of `positions` at index i, or hides it (i < 0). */
  show(positions: Float32Array, i: number): void {
    if (i < 0) {
      this.points.visible = false;
      return;
    }
    const p = this.position.array as Float32Array;
    const x = positions[3 * i];
    const y = positions[3 * i + 1];
    const z = positions[3 * i + 2];
    this.points.visible = true;
    // Uploaded only when it moved: a settled best particle costs nothing per frame.
    if (p[0] === x && p[1] === y && p[2] === z) return;
    p[0] = x;
    p[1] = y;
    p[2] = z;
    this.position.needsUpdate = true;
  }

  dispose(): void {
    this.points.geometry.dispose();
    this.points.material.dispose();
  }
}
