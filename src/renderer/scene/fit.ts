/**
 * Framing, pure (three.js maths only, no WebGL, no DOM): how far a camera must stand, looking at a target
 * from a direction, for a set of points to fill the view with a margin to spare.
 */
import { Vector3 } from 'three';

const back = new Vector3();
const right = new Vector3();
const up = new Vector3();
const r = new Vector3();

/** Camera basis for a camera at target + direction·d looking at target with the world's up. */
function basis(direction: Vector3, worldUp: Vector3): void {
  back.copy(direction).normalize();
  right.crossVectors(worldUp, back);
  // Looking straight along the up axis: any right will do.
  if (right.lengthSq() < 1e-12) right.set(1, 0, 0);
  right.normalize();
  up.crossVectors(back, right);
}

/**
 * The distance along `direction` (from the target towards the camera) at which a perspective camera with
 * this vertical field of view (degrees) and aspect (width/height) sees every point, each at most
 * 1/margin of the way from the centre to the edge of the picture.
 */
export function fitDistance(
  points: readonly Vector3[],
  target: Vector3,
  direction: Vector3,
  worldUp: Vector3,
  fov: number,
  aspect: number,
  margin = 1.15,
): number {
  basis(direction, worldUp);
  const tanV = Math.tan((fov * Math.PI) / 360);
  const tanH = tanV * aspect;
  let distance = 0;
  for (const p of points) {
    r.subVectors(p, target);
    const along = r.dot(back);
    // depth = distance − along must satisfy |x| ≤ tanH·depth/margin and |y| ≤ tanV·depth/margin.
    distance = Math.max(distance, along + (margin * Math.abs(r.dot(right))) / tanH, along + (margin * Math.abs(r.dot(up))) / tanV);
  }
  return distance;
}

/** The half-height of an orthographic view along `direction` that holds every point, with the margin. */
export function fitHalfHeight(points: readonly Vector3[], target: Vector3, direction: Vector3, worldUp: Vector3, aspect: number, margin = 1.1): number {
  basis(direction, worldUp);
  let half = 0;
  for (const p of points) {
    r.subVectors(p, target);
    half = Math.max(half, margin * Math.abs(r.dot(up)), (margin * Math.abs(r.dot(right))) / aspect);
  }
  return half;
}
