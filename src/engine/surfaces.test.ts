/**
 * The named surfaces against their documented minima (../shared/surface-catalog.ts, each from its page of
 * Surjanovic & Bingham's library). The gradients against central finite differences, at random points of
 * every surface's view, are in ./models/models.test.ts ("named surfaces").
 */
import { describe, expect, it } from 'vitest';
import { surfaceCatalog } from '../shared/surface-catalog';
import { partials, surfaceNames, surfaces } from './surfaces';

/**
 * The points as the library's pages print them (Himmelblau's from his book), where the catalogue refines them
 * (Newton's method on the exact gradient): within one unit of the last printed digit, since some pages
 * truncate (six-hump camel's −0.712656 is printed −0.7126).
 */
const printed: Record<string, { at: [number, number]; digits: number }[]> = {
  himmelblau: [
    { at: [3, 2], digits: 6 },
    { at: [-2.805118, 3.131312], digits: 6 },
    { at: [-3.77931, -3.283186], digits: 6 },
    { at: [3.584428, -1.848126], digits: 6 },
  ],
  'six-hump-camel': [
    { at: [0.0898, -0.7126], digits: 4 },
    { at: [-0.0898, 0.7126], digits: 4 },
  ],
  'styblinski-tang': [{ at: [-2.903534, -2.903534], digits: 6 }],
  'cross-in-tray': [1, 2, 3, 4].map((k) => ({ at: [k <= 2 ? 1.34941 : -1.34941, k % 2 ? 1.34941 : -1.34941], digits: 5 })),
  eggholder: [{ at: [512, 404.2319], digits: 4 }],
  'holder-table': [1, 2, 3, 4].map((k) => ({ at: [k <= 2 ? 8.05502 : -8.05502, k % 2 ? 9.66459 : -9.66459], digits: 5 })),
};

/** Half a unit of the last decimal the value is written with: how far a printed value may be from the exact one. */
function halfUlpOfPrinted(value: number): number {
  const decimals = String(value).split('.')[1]?.length ?? 0;
  return 0.5 * 10 ** -decimals;
}

describe('named surfaces at their documented minima', () => {
  it('has at least the 24 surfaces of issue 18, each with a kernel, a view inside its domain and a source', () => {
    expect(surfaceNames.length).toBeGreaterThanOrEqual(24);
    for (const name of surfaceNames) {
      const { domain, range, source } = surfaceCatalog[name];
      expect(source, name).toMatch(/\S/);
      for (const a of [0, 1]) {
        expect(range[a][0], name).toBeLessThan(range[a][1]);
        expect(range[a][0], name).toBeGreaterThanOrEqual(domain[a][0]);
        expect(range[a][1], name).toBeLessThanOrEqual(domain[a][1]);
      }
    }
  });

  it.each(surfaceNames.filter((name) => surfaceCatalog[name].minima.length > 0))('%s: f at each minimum is the documented value', (name) => {
    for (const { at, value } of surfaceCatalog[name].minima) {
      const f = surfaces[name].evaluate(at[0], at[1], partials());
      // An integer value (0, 3, −1) or a closed form (McCormick's −√3/2 − π/3) holds to rounding; a printed one to its last digit.
      const exact = Number.isInteger(value) || name === 'mccormick';
      expect(Math.abs(f - value), `${name} at ${at.join(', ')}`).toBeLessThanOrEqual(exact ? 1e-12 : halfUlpOfPrinted(value));
    }
  });

  it.each(surfaceNames.filter((name) => surfaceCatalog[name].minima.length > 0 && name !== 'eggholder'))('%s: the gradient is 0 at each minimum', (name) => {
    // Ackley's cone point and Bukin's ridge have no gradient at their minimum: the kernels give the subgradient 0 there.
    for (const { at } of surfaceCatalog[name].minima) {
      const g = partials();
      surfaces[name].evaluate(at[0], at[1], g);
      expect(Math.hypot(g.dx, g.dy), `${name} at ${at.join(', ')}`).toBeLessThan(1e-8);
    }
  });

  it('eggholder: its minimum is on the domain’s edge x = 512, where f still falls outwards (∂f/∂x < 0) and ∂f/∂y = 0', () => {
    const [{ at }] = surfaceCatalog.eggholder.minima;
    const g = partials();
    surfaces.eggholder.evaluate(at[0], at[1], g);
    expect(at[0]).toBe(surfaceCatalog.eggholder.domain[0][1]);
    expect(g.dx).toBeLessThan(0);
    expect(Math.abs(g.dy)).toBeLessThan(1e-8);
  });

  it.each(Object.keys(printed))('%s: the refined minima round to the points the library prints', (name) => {
    const minima = surfaceCatalog[name as keyof typeof surfaceCatalog].minima;
    expect(minima).toHaveLength(printed[name].length);
    printed[name].forEach(({ at, digits }, k) => {
      for (const a of [0, 1]) expect(Math.abs(minima[k].at[a] - at[a]), `${name} minimum ${k}`).toBeLessThanOrEqual(10 ** -digits + 1e-12);
    });
  });

  it('the kinks give a finite subgradient, never NaN: Ackley at its cone point, Bukin N.6 on its ridge, the tables on their creases', () => {
    const cases: [keyof typeof surfaces, number, number][] = [
      ['ackley', 0, 0],
      ['bukin6', -10, 1],
      ['bukin6', 5, 0.25],
      ['cross-in-tray', 0, 0],
      ['cross-in-tray', Math.PI, 2],
      ['holder-table', 0, 0],
      ['holder-table', 2, Math.PI / 2],
      ['eggholder', 94, 0],
      ['eggholder', -94, 0],
    ];
    for (const [name, x, y] of cases) {
      const g = partials();
      expect(Number.isFinite(surfaces[name].evaluate(x, y, g)), name).toBe(true);
      expect(Number.isFinite(g.dx) && Number.isFinite(g.dy), `${name} at ${x}, ${y}`).toBe(true);
    }
  });
});
