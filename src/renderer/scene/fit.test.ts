import { OrthographicCamera, PerspectiveCamera, Vector3 } from 'three';
import { describe, expect, test } from 'vitest';
import { fitDistance, fitHalfHeight } from './fit';
import { sceneHeight, sceneSize } from './layout';

const h = sceneSize / 2;
/** The surface's box: the square footprint, floor and top. */
const corners = [0, sceneHeight].flatMap((y) => [new Vector3(-h, y, -h), new Vector3(h, y, -h), new Vector3(-h, y, h), new Vector3(h, y, h)]);
const worldUp = new Vector3(0, 1, 0);
const target = new Vector3(0, sceneHeight / 3, 0);

function projected(camera: PerspectiveCamera | OrthographicCamera): Vector3[] {
  camera.updateMatrixWorld();
  camera.updateProjectionMatrix();
  return corners.map((c) => c.clone().project(camera));
}

describe('fitDistance', () => {
  test.each([
    [1.5, new Vector3(0.6, 0.55, 1)],
    [0.5, new Vector3(-1, 0.3, 0.2)],
    [2.5, new Vector3(0, 1, 0.001)],
  ])('at aspect %f a camera at that distance sees all eight corners, and fills the view', (aspect, direction) => {
    const d = fitDistance(corners, target, direction, worldUp, 40, aspect);
    const camera = new PerspectiveCamera(40, aspect, 0.1, 1000);
    camera.position.copy(direction).normalize().multiplyScalar(d).add(target);
    camera.lookAt(target);
    const points = projected(camera);
    let widest = 0;
    for (const p of points) {
      expect(Math.abs(p.x)).toBeLessThanOrEqual(1 / 1.15 + 1e-9);
      expect(Math.abs(p.y)).toBeLessThanOrEqual(1 / 1.15 + 1e-9);
      widest = Math.max(widest, Math.abs(p.x), Math.abs(p.y));
    }
    // Tight: some corner touches the margin.
    expect(widest).toBeCloseTo(1 / 1.15, 6);
  });
});

describe('fitHalfHeight', () => {
  test('a top view at that half-height holds the footprint', () => {
    const aspect = 1.5;
    const direction = new Vector3(0, 1, 1e-6);
    const half = fitHalfHeight(corners, target, direction, worldUp, aspect);
    const camera = new OrthographicCamera(-half * aspect, half * aspect, half, -half, 0.1, 1000);
    camera.position.copy(direction).normalize().multiplyScalar(50).add(target);
    camera.lookAt(target);
    for (const p of projected(camera)) {
      expect(Math.abs(p.x)).toBeLessThanOrEqual(1 / 1.1 + 1e-6);
      expect(Math.abs(p.y)).toBeLessThanOrEqual(1 / 1.1 + 1e-6);
    }
    // The square is taller than wide at 3:2, so its depth fills the height.
    expect(half).toBeCloseTo(1.1 * h, 4);
  });
});
