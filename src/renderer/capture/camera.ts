/**
 * Camera moves of a recording (CONTRACTS §8: `camera: [{ frame, azimuth, elevation, distance }]`): keyframes
 * checked like the other options, and the pose at any frame between them. Angles are in degrees, as a video
 * maker writes them; the distance is from the view's target, in scene units. A keyframe may aim at the best
 * particle instead of the view's target (`target: "best"`): the camera then closes in on the particle with
 * the lowest loss, wherever the run takes it. Pure: tested in node.
 */
import { CaptureOptionError } from './option-error';

/** Where the camera stands at one frame of the recording. */
export interface CameraPose {
  /** Degrees around the vertical axis, from the +z side towards +x; 360 more is one more turn (an orbit). */
  azimuth: number;
  /** Degrees above the floor. */
  elevation: number;
  /** From the view's target, in scene units. */
  distance: number;
}

/** What a keyframe looks at: the view's target as the user left it, or the best particle (lowest loss). */
export const cameraTargets = ['view', 'best'] as const;
export type CameraTarget = (typeof cameraTargets)[number];

export interface CameraKey extends CameraPose {
  /** The recording's frame this pose is reached at (0 is the first). */
  frame: number;
  /** What the camera looks at from this keyframe ['view']; between a 'view' and a 'best' keyframe, a point that slides from one to the other. */
  target?: CameraTarget;
}

/** A point of the scene (scene units, y up). */
export interface Point3 {
  x: number;
  y: number;
  z: number;
}

/** The angles and distances a keyframe may take: the orbiting camera's own limits (../scene/View.ts). */
export const cameraLimits = {
  azimuth: { min: -36_000, max: 36_000 },
  elevation: { min: 1, max: 89 },
  distance: { min: 2, max: 120 },
} as const;
/** More keyframes than a clip needs is a mistake in the script, not a camera path. */
export const maxCameraKeys = 1000;

/**
 * The keyframes of `value` for a recording of `frames` frames: a list, frames increasing, each within the
 * recording, every number finite and in its range. Throws a message naming the keyframe and the field.
 */
export function cameraKeys(method: string, value: unknown, frames: number): CameraKey[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > maxCameraKeys)
    throw new CaptureOptionError(
      `${method}: camera must be a list of at most ${maxCameraKeys} keyframes such as [{ frame: 0, azimuth: 0, elevation: 30, distance: 12 }]`,
    );
  const keys: CameraKey[] = [];
  value.forEach((entry: unknown, i) => {
    const at = `${method}: camera[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      throw new CaptureOptionError(`${at} must be an object { frame, azimuth, elevation, distance }`);
    const record = entry as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!['frame', 'azimuth', 'elevation', 'distance', 'target'].includes(key))
        throw new CaptureOptionError(`${at}: unknown field "${key}" (known: frame, azimuth, elevation, distance, target)`);
    }
    const target = record.target;
    if (target !== undefined && !cameraTargets.includes(target as CameraTarget))
      throw new CaptureOptionError(`${at}.target must be "view" or "best" (the particle with the lowest loss), not ${JSON.stringify(target)}`);
    const frame = record.frame;
    if (typeof frame !== 'number' || !Number.isInteger(frame) || frame < 0 || frame > frames - 1)
      throw new CaptureOptionError(`${at}.frame must be an integer from 0 to ${frames - 1} (the last frame), not ${String(frame)}`);
    const previous = keys[i - 1];
    if (previous && frame <= previous.frame)
      throw new CaptureOptionError(`${at}.frame must come after camera[${i - 1}].frame (${previous.frame}): keyframes go in order, not ${frame}`);
    const number = (name: keyof typeof cameraLimits): number => {
      const { min, max } = cameraLimits[name];
      const v = record[name];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
        throw new CaptureOptionError(`${at}.${name} must be a number from ${min} to ${max}, not ${String(v)}`);
      return v;
    };
    const key: CameraKey = { frame, azimuth: number('azimuth'), elevation: number('elevation'), distance: number('distance') };
    if (target !== undefined) key.target = target as CameraTarget;
    keys.push(key);
  });
  return keys;
}

/**
 * The pose at frame k: the first keyframe's before it, the last one's after it, and in between each of
 * azimuth, elevation and distance linear in the frame number (so an orbit turns at a steady rate). Null
 * without keyframes: the camera stays as the user left it.
 */
export function cameraAt(keys: readonly CameraKey[], k: number): CameraPose | null {
  if (keys.length === 0) return null;
  const first = keys[0];
  if (k <= first.frame) return pose(first);
  for (let i = 1; i < keys.length; i++) {
    const b = keys[i];
    if (k > b.frame) continue;
    const a = keys[i - 1];
    const t = (k - a.frame) / (b.frame - a.frame);
    return { azimuth: mix(a.azimuth, b.azimuth, t), elevation: mix(a.elevation, b.elevation, t), distance: mix(a.distance, b.distance, t) };
  }
  return pose(keys[keys.length - 1]);
}

/**
 * How far the camera's aim is from the view's target (0) towards the best particle (1) at frame k: each
 * keyframe's target as 0 or 1, held before the first and after the last, linear in between as the pose is.
 */
export function focusAt(keys: readonly CameraKey[], k: number): number {
  const weight = (key: CameraKey): number => (key.target === 'best' ? 1 : 0);
  if (keys.length === 0) return 0;
  if (k <= keys[0].frame) return weight(keys[0]);
  for (let i = 1; i < keys.length; i++) {
    const b = keys[i];
    if (k > b.frame) continue;
    const a = keys[i - 1];
    return mix(weight(a), weight(b), (k - a.frame) / (b.frame - a.frame));
  }
  return weight(keys[keys.length - 1]);
}

/** Whether any keyframe looks at the best particle (the recording then follows it from the first frame). */
export function followsBest(keys: readonly CameraKey[]): boolean {
  return keys.some((key) => key.target === 'best');
}

/** Seconds the followed point takes to cover 63 % (1 − 1/e) of the way to where the best particle is now. */
export const followSeconds = 0.5;

/**
 * The point the camera follows: the best particle's position, eased frame by frame on the recording's clock
 * (an exponential approach, time constant followSeconds), so that when another particle becomes the best the
 * camera glides across instead of jumping. It starts on the first position given; a frame without a best
 * particle on the surface (all diverged) keeps the last point.
 */
export class BestFollower {
  private point: Point3 | null = null;
  /** The share of the way covered in one frame: 1 − e^(−1 / (τ · fps)). */
  private readonly share: number;

  constructor(fps: number) {
    this.share = 1 - Math.exp(-1 / (followSeconds * fps));
  }

  /** The followed point after one more frame with the best particle at `best`. */
  next(best: Point3 | null): Point3 | null {
    if (!best) return this.point;
    const p = this.point;
    this.point = p ? { x: mix(p.x, best.x, this.share), y: mix(p.y, best.y, this.share), z: mix(p.z, best.z, this.share) } : { ...best };
    return this.point;
  }
}

/** Where the camera looks: from the view's target towards the followed point by `focus` (0: the view's target). */
export function aimAt(view: Point3, followed: Point3 | null, focus: number): Point3 {
  if (!followed || focus === 0) return { ...view };
  return { x: mix(view.x, followed.x, focus), y: mix(view.y, followed.y, focus), z: mix(view.z, followed.z, focus) };
}

/** a + (b − a)·t, exact at both ends (t = 0 gives a, t = 1 gives b). */
function mix(a: number, b: number, t: number): number {
  return t === 1 ? b : a + (b - a) * t;
}

function pose({ azimuth, elevation, distance }: CameraPose): CameraPose {
  return { azimuth, elevation, distance };
}

/** The dialog's ready-made camera paths. */
export type CameraPathKind = 'orbit' | 'zoom' | 'zoom-best';

/**
 * The dialog's ready-made paths, from the pose the user left the camera at: one full turn at the same
 * height and distance ("orbit"), a slow approach to a third of the distance ("zoom in"), or a closer
 * approach to a quarter of the distance whose aim slides from the view's target to the best particle
 * ("zoom to the best particle").
 */
export function cameraPath(kind: CameraPathKind, from: CameraPose, frames: number): CameraKey[] {
  const last = Math.max(1, frames - 1);
  if (frames < 2) return [{ frame: 0, ...pose(from) }];
  const closer = (share: number): number => Math.max(cameraLimits.distance.min, from.distance * share);
  const end: CameraKey =
    kind === 'orbit'
      ? { frame: last, ...pose(from), azimuth: from.azimuth + 360 }
      : kind === 'zoom'
        ? { frame: last, ...pose(from), distance: closer(1 / 3) }
        : { frame: last, ...pose(from), distance: closer(1 / 4), target: 'best' };
  return [{ frame: 0, ...pose(from) }, end];
}
