import { describe, expect, test } from 'vitest';
import { farLimit, Layout, sceneSize } from './layout';

describe('Layout', () => {
  const layout = new Layout(
    [
      [-3, 5],
      [-2, 6],
    ],
    129,
  );

  test('the range fills the square footprint: a along +x, b along −z', () => {
    expect(layout.x(-3)).toBe(-sceneSize / 2);
    expect(layout.x(5)).toBe(sceneSize / 2);
    expect(layout.z(-2)).toBe(sceneSize / 2);
    expect(layout.z(6)).toBe(-sceneSize / 2);
  });

  test('a and b invert x and z', () => {
    expect(layout.a(layout.x(1.25))).toBeCloseTo(1.25, 12);
    expect(layout.b(layout.z(-0.5))).toBeCloseTo(-0.5, 12);
  });

  test('grid coordinates and scene coordinates agree', () => {
    expect(layout.u(1)).toBe(64);
    expect(layout.xOfU(layout.u(2.5))).toBeCloseTo(layout.x(2.5), 12);
    expect(layout.zOfV(layout.v(2.5))).toBeCloseTo(layout.z(2.5), 12);
  });

  test('a coordinate is always a finite number', () => {
    expect(layout.x(Infinity)).toBe(1e30);
    expect(layout.z(Infinity)).toBe(-1e30);
    expect(layout.x(Number.NaN)).toBe(0);
  });

  test('the rim pulls a far point in along its direction, and leaves a near one', () => {
    expect(layout.rim(3, -4)).toBe(1);
    const k = layout.rim(40, -20);
    expect(40 * k).toBe(farLimit);
    expect(-20 * k).toBe(-farLimit / 2);
  });
});
