import { describe, expect, it } from 'vitest';
import { aimAt, BestFollower, cameraAt, cameraKeys, cameraPath, focusAt, followsBest, followSeconds, type CameraKey } from './camera';

const key = (frame: number, azimuth: number, elevation: number, distance: number): CameraKey => ({ frame, azimuth, elevation, distance });

describe('cameraAt', () => {
  const keys = [key(10, 0, 30, 12), key(20, 90, 50, 6), key(40, 450, 50, 6)];

  it('is null without keyframes: the camera stays as the user left it', () => {
    expect(cameraAt([], 5)).toBeNull();
  });

  it('holds the first pose before the first keyframe and the last after the last', () => {
    expect(cameraAt(keys, 0)).toEqual({ azimuth: 0, elevation: 30, distance: 12 });
    expect(cameraAt(keys, 99)).toEqual({ azimuth: 450, elevation: 50, distance: 6 });
  });

  it('is each keyframe exactly at its frame', () => {
    for (const k of keys) expect(cameraAt(keys, k.frame)).toEqual({ azimuth: k.azimuth, elevation: k.elevation, distance: k.distance });
  });

  it('is linear in the frame between two keyframes', () => {
    // Frame 15 is halfway from frame 10 to 20: (0 + 90) / 2, (30 + 50) / 2, (12 + 6) / 2.
    expect(cameraAt(keys, 15)).toEqual({ azimuth: 45, elevation: 40, distance: 9 });
    // Frame 25 is a quarter of the way from 20 to 40: 90 + 360 / 4 = 180.
    expect(cameraAt(keys, 25)).toEqual({ azimuth: 180, elevation: 50, distance: 6 });
  });

  it('turns an orbit at a steady rate: 360° over 120 frames is 3° a frame', () => {
    const orbit = [key(0, 0, 30, 10), key(120, 360, 30, 10)];
    for (const k of [0, 1, 7, 60, 119, 120]) expect(cameraAt(orbit, k)!.azimuth).toBeCloseTo(3 * k, 12);
  });
});

describe('cameraKeys', () => {
  it('takes a valid list as given, and nothing as no keyframes', () => {
    expect(
      cameraKeys(
        'record',
        [
          { frame: 0, azimuth: -30, elevation: 20, distance: 10 },
          { frame: 7, azimuth: 330, elevation: 89, distance: 2 },
        ],
        8,
      ),
    ).toEqual([key(0, -30, 20, 10), key(7, 330, 89, 2)]);
    expect(cameraKeys('record', undefined, 8)).toEqual([]);
  });

  it.each([
    ['not a list', { frame: 0 }, /record: camera must be a list/],
    ['an entry not an object', [3], /record: camera\[0\] must be an object/],
    ['an unknown field', [{ frame: 0, azimuth: 0, elevation: 30, distance: 10, zoom: 2 }], /camera\[0\]: unknown field "zoom"/],
    [
      'a frame beyond the last',
      [{ frame: 8, azimuth: 0, elevation: 30, distance: 10 }],
      /camera\[0\]\.frame must be an integer from 0 to 7 \(the last frame\), not 8/,
    ],
    ['a negative frame', [{ frame: -1, azimuth: 0, elevation: 30, distance: 10 }], /camera\[0\]\.frame/],
    ['a fractional frame', [{ frame: 1.5, azimuth: 0, elevation: 30, distance: 10 }], /camera\[0\]\.frame/],
    [
      'keyframes out of order',
      [
        { frame: 5, azimuth: 0, elevation: 30, distance: 10 },
        { frame: 2, azimuth: 0, elevation: 30, distance: 10 },
      ],
      /camera\[1\]\.frame must come after camera\[0\]\.frame \(5\)/,
    ],
    [
      'two keyframes at one frame',
      [
        { frame: 2, azimuth: 0, elevation: 30, distance: 10 },
        { frame: 2, azimuth: 10, elevation: 30, distance: 10 },
      ],
      /camera\[1\]\.frame must come after/,
    ],
    ['an elevation below the floor', [{ frame: 0, azimuth: 0, elevation: -10, distance: 10 }], /camera\[0\]\.elevation must be a number from 1 to 89, not -10/],
    ['a NaN azimuth', [{ frame: 0, azimuth: NaN, elevation: 30, distance: 10 }], /camera\[0\]\.azimuth must be a number .* not NaN/],
    [
      'an infinite distance',
      [{ frame: 0, azimuth: 0, elevation: 30, distance: Infinity }],
      /camera\[0\]\.distance must be a number from 2 to 120, not Infinity/,
    ],
    ['a missing distance', [{ frame: 0, azimuth: 0, elevation: 30 }], /camera\[0\]\.distance must be a number .* not undefined/],
    [
      'an unknown target',
      [{ frame: 0, azimuth: 0, elevation: 30, distance: 10, target: 'worst' }],
      /camera\[0\]\.target must be "view" or "best" \(the particle with the lowest loss\), not "worst"/,
    ],
  ])('rejects %s, naming the keyframe and the field', (_, value, message) => {
    expect(() => cameraKeys('record', value, 8)).toThrow(message);
  });
});

describe('cameraPath', () => {
  const from = { azimuth: 28, elevation: 38, distance: 15 };

  it('orbits once around at the same height and distance, first frame to last', () => {
    expect(cameraPath('orbit', from, 90)).toEqual([key(0, 28, 38, 15), key(89, 388, 38, 15)]);
  });

  it('zooms in to a third of the distance', () => {
    expect(cameraPath('zoom', from, 90)).toEqual([key(0, 28, 38, 15), key(89, 28, 38, 5)]);
  });

  it('zooms to the best particle: a quarter of the distance, the aim moving from the view to the best particle', () => {
    expect(cameraPath('zoom-best', from, 90)).toEqual([key(0, 28, 38, 15), { ...key(89, 28, 38, 3.75), target: 'best' }]);
    // Never closer than the orbiting camera may come (cameraLimits.distance.min = 2): 6 / 4 = 1.5 → 2.
    expect(cameraPath('zoom-best', { ...from, distance: 6 }, 90)[1].distance).toBe(2);
  });

  it('makes keyframes that the checker accepts', () => {
    expect(cameraKeys('record', cameraPath('zoom-best', from, 90), 90)).toEqual(cameraPath('zoom-best', from, 90));
    expect(cameraKeys('record', cameraPath('orbit', from, 90), 90)).toHaveLength(2);
    expect(cameraKeys('record', cameraPath('zoom', from, 1), 1)).toHaveLength(1);
  });
});

describe('aiming at the best particle', () => {
  const toBest = [key(0, 0, 30, 12), { ...key(40, 0, 30, 3), target: 'best' as const }];

  it('keeps a keyframe without a target as it was (the view), and takes target "view" or "best"', () => {
    const keys = cameraKeys('record', [{ frame: 0, azimuth: 0, elevation: 30, distance: 12, target: 'view' }, { ...toBest[1] }], 41);
    expect(keys).toEqual([{ ...key(0, 0, 30, 12), target: 'view' }, toBest[1]]);
    expect(followsBest(keys)).toBe(true);
    expect(followsBest([key(0, 0, 30, 12)])).toBe(false);
  });

  it("slides the aim linearly from the view's target (0) to the best particle (1), held outside the keyframes", () => {
    expect(focusAt([], 5)).toBe(0);
    expect(focusAt([key(0, 0, 30, 12)], 5)).toBe(0);
    // Frame 10 of 0 → 40 is a quarter of the way; 20 halfway.
    expect([0, 10, 20, 40, 99].map((k) => focusAt(toBest, k))).toEqual([0, 0.25, 0.5, 1, 1]);
    // Back from the best particle to the view.
    expect(focusAt([toBest[1], key(80, 0, 30, 12)], 60)).toBe(0.5);
  });

  it("aims at the view's target, the followed point, or the point that share of the way between", () => {
    const view = { x: 0, y: 2, z: 0 };
    const best = { x: 4, y: 0, z: -8 };
    expect(aimAt(view, best, 0)).toEqual(view);
    expect(aimAt(view, null, 0.7)).toEqual(view); // no best particle yet: the view's target
    expect(aimAt(view, best, 1)).toEqual(best);
    expect(aimAt(view, best, 0.25)).toEqual({ x: 1, y: 1.5, z: -2 });
  });

  it('follows the best particle with an exponential approach of time constant followSeconds on the recording clock', () => {
    const fps = 30;
    const follower = new BestFollower(fps);
    expect(follower.next(null)).toBeNull(); // nothing to follow yet
    expect(follower.next({ x: 0, y: 0, z: 0 })).toEqual({ x: 0, y: 0, z: 0 }); // starts on the first position
    // The best particle jumps to x = 1 and stays: after n frames the point is at 1 − e^(−n / (τ · fps)).
    let point = null;
    for (let n = 1; n <= 45; n++) {
      point = follower.next({ x: 1, y: 0, z: 0 })!;
      if (n === 1 || n === 15 || n === 45) expect(point.x).toBeCloseTo(1 - Math.exp(-n / (followSeconds * fps)), 12);
    }
    // A frame without a best particle on the surface keeps the point.
    expect(follower.next(null)).toEqual(point);
  });
});
