import type { BufferAttribute } from 'three';
import { describe, expect, test } from 'vitest';
import { noReasons } from '../../shared/stopping';
import type { FrameEvent } from '../../shared/messages';
import { srgbToLinear } from './colormap';
import { fitHeightScale } from './heights';
import { Layout, lift } from './layout';
import { fadeSeconds, ParticleCloud } from './ParticleCloud';
import { Placement } from './placement';

/** A flat surface at height 0 over [−1, 1]². */
const placement = new Placement(
  new Layout(
    [
      [-1, 1],
      [-1, 1],
    ],
    2,
  ),
  fitHeightScale([0, 1]),
  new Float32Array(4),
);

function frame(statuses: number[], step: number): FrameEvent {
  const n = statuses.length;
  return {
    type: 'frame',
    epoch: step,
    step,
    status: 'paused',
    positions: new Float32Array(2 * n),
    losses: new Float32Array(n),
    statuses: Uint8Array.from(statuses),
    summary: { count: n, converged: 0, diverged: 0, running: n, bestLoss: 0, meanLoss: 0, reasons: noReasons() },
    best: null,
    selected: null,
  };
}

const attribute = (cloud: ParticleCloud, name: string) => cloud.points.geometry.getAttribute(name).array as Float32Array;

describe('ParticleCloud', () => {
  test('particles sit on the surface, visible', () => {
    const cloud = new ParticleCloud();
    cloud.reset(2);
    cloud.update(frame([1, 2], 1), placement, 0);
    expect(attribute(cloud, 'position')[1]).toBeCloseTo(lift, 6);
    expect(Array.from(attribute(cloud, 'alpha'))).toEqual([1, 1]);
  });

  test('a diverged particle rises and fades out over fadeSeconds, then stays gone', () => {
    const cloud = new ParticleCloud();
    cloud.reset(1);
    cloud.update(frame([1], 1), placement, 0);
    cloud.update(frame([3], 2), placement, 1000);
    expect(cloud.animate(1000 + fadeSeconds * 500)).toBe(true);
    expect(attribute(cloud, 'position')[1]).toBeGreaterThan(lift + 1);
    expect(attribute(cloud, 'alpha')[0]).toBeCloseTo(0.5, 6);
    expect(cloud.animate(1000 + fadeSeconds * 1000)).toBe(false);
    expect(attribute(cloud, 'alpha')[0]).toBe(0);
    expect(cloud.onSurface(0)).toBe(false);
  });

  test('one diverged from the first frame is not animated (there was nothing to leave)', () => {
    const cloud = new ParticleCloud();
    cloud.reset(1);
    cloud.update(frame([3], 0), placement, 5000);
    expect(attribute(cloud, 'alpha')[0]).toBe(0);
    expect(cloud.animate(5001)).toBe(false);
  });

  test('colour by status uses the diverged colour whatever the mode; by loss recolours on every frame', () => {
    const cloud = new ParticleCloud();
    cloud.reset(2);
    cloud.update(frame([1, 3], 1), placement, 0);
    const byStatus = Array.from(attribute(cloud, 'color'));
    cloud.setColourBy('loss', placement);
    const byLoss = Array.from(attribute(cloud, 'color'));
    expect(byLoss.slice(0, 3)).not.toEqual(byStatus.slice(0, 3));
    expect(byLoss.slice(3)).toEqual(byStatus.slice(3));
  });

  test('frames write into the same geometry and arrays, and upload only what changed', () => {
    const cloud = new ParticleCloud();
    cloud.reset(3);
    const geometry = cloud.points.geometry;
    const arrays = ['position', 'color', 'alpha'].map((name) => attribute(cloud, name));
    const versions = () => ['position', 'color', 'alpha'].map((name) => (geometry.getAttribute(name) as BufferAttribute).version);
    cloud.update(frame([1, 1, 2], 1), placement, 0);
    const [position, colour, alpha] = versions();
    // Three more frames, the same statuses: the places are uploaded each time, colours and opacities never.
    for (let step = 2; step <= 4; step++) cloud.update(frame([1, 1, 2], step), placement, step);
    expect(versions()).toEqual([position + 3, colour, alpha]);
    // One particle converges: its colour changes, so the colours are uploaded once, with that frame.
    cloud.update(frame([1, 2, 2], 5), placement, 5);
    expect(versions()).toEqual([position + 4, colour + 1, alpha]);
    expect(cloud.points.geometry).toBe(geometry);
    ['position', 'color', 'alpha'].forEach((name, k) => expect(attribute(cloud, name)).toBe(arrays[k]));
  });

  test('a new run of the same size keeps the geometry; another size replaces it once', () => {
    const cloud = new ParticleCloud();
    cloud.reset(4);
    const geometry = cloud.points.geometry;
    cloud.reset(4);
    expect(cloud.points.geometry).toBe(geometry);
    cloud.reset(5);
    expect(cloud.points.geometry).not.toBe(geometry);
    expect(attribute(cloud, 'position').length).toBe(15);
  });

  test('in a race, coloured by group (the Race tab palette), a diverged particle keeping the diverged colour', () => {
    const cloud = new ParticleCloud();
    cloud.reset(3);
    cloud.setGroups(Uint8Array.from([0, 1, 1]));
    cloud.setColourBy('group', placement);
    cloud.update(frame([1, 2, 3], 1), placement, 0);
    const c = attribute(cloud, 'color');
    const byStatus = new ParticleCloud();
    byStatus.reset(3);
    byStatus.update(frame([1, 2, 3], 1), placement, 0);
    const s = attribute(byStatus, 'color');
    // Group 0 is #E69F00 and group 1 #56B4E9 (Okabe–Ito, src/renderer/group-colours.ts), in linear light.
    const linear = (hex: number[]) => Array.from(Float32Array.from(hex, (v) => srgbToLinear(v / 255)));
    expect(Array.from(c.subarray(0, 3))).toEqual(linear([0xe6, 0x9f, 0x00]));
    expect(Array.from(c.subarray(3, 6))).toEqual(linear([0x56, 0xb4, 0xe9])); // converged, still its group's
    expect(Array.from(c.subarray(6, 9))).toEqual(Array.from(s.subarray(6, 9))); // diverged: the status colour
  });
});
