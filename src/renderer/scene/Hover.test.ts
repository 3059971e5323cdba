import { OrthographicCamera } from 'three';
import { describe, expect, test } from 'vitest';
import { hoverRadius, nearestParticle } from './Hover';

/** A camera straight above the origin seeing x and z in [−10, 10] on a 200 × 200 px view: 10 px per unit. */
function topCamera(): OrthographicCamera {
  const camera = new OrthographicCamera(-10, 10, 10, -10, 0.1, 100);
  camera.position.set(0, 50, 0);
  camera.up.set(0, 0, -1);
  camera.lookAt(0, 0, 0);
  camera.updateMatrixWorld();
  return camera;
}
const viewport = { left: 0, width: 200, height: 200 };
const always = () => true;

describe('nearestParticle', () => {
  test('picks the particle nearest the pointer, within the hover radius', () => {
    // World (x, z) = (0, 0) is the view's centre (100, 100) px; (2, 0) is 20 px right; (0, 3) is 30 px down.
    const places = Float32Array.of(0, 0, 0, 2, 0, 0, 0, 0, 3);
    expect(nearestParticle(places, 3, always, topCamera(), viewport, 100, 100)).toBe(0);
    expect(nearestParticle(places, 3, always, topCamera(), viewport, 118, 101)).toBe(1);
    expect(nearestParticle(places, 3, always, topCamera(), viewport, 100, 128)).toBe(2);
    // 15 px from every particle: none.
    expect(hoverRadius).toBeLessThan(15);
    expect(nearestParticle(places, 3, always, topCamera(), viewport, 115, 115)).toBe(-1);
  });

  test('skips particles off the surface, and counts from the viewport’s left edge (a split’s right half)', () => {
    const places = Float32Array.of(0, 0, 0, 0.5, 0, 0);
    expect(nearestParticle(places, 2, (i) => i !== 0, topCamera(), viewport, 100, 100)).toBe(1);
    expect(nearestParticle(places, 2, always, topCamera(), { ...viewport, left: 200 }, 300, 100)).toBe(0);
    expect(nearestParticle(places, 2, always, topCamera(), { ...viewport, left: 200 }, 100, 100)).toBe(-1);
  });
});
