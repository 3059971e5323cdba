import { describe, expect, it } from 'vitest';
import { partials, surfaces } from '../surfaces';
import { scenarioOf } from '../testing';
import { cellCentre, computeBasins, divergedLabel, rastriginMinima, unsettledLabel } from './basins';

const himmelblau = scenarioOf('himmelblau');

describe('basins of attraction', () => {
  it('finds all four of Himmelblau’s minima, each with a non-empty basin', async () => {
    const result = (await computeBasins(himmelblau, { resolution: 60 }))!;
    // The four minima listed in surfaces.ts (Himmelblau 1972).
    expect(result.minima).toEqual(surfaces.himmelblau.minima.map(([x, y]) => [x, y]));
    expect(result.minimaSource).toBe('known');
    for (const count of result.counts) expect(count).toBeGreaterThan(0);
    expect(result.counts.reduce((a, b) => a + b, 0) + result.diverged + result.unsettled).toBe(60 * 60);
    // α = 0.01 for 500 steps is stable on the square [−5, 5]²: (nearly) every start settles in a basin.
    expect(result.diverged).toBe(0);
    expect(result.unsettled).toBeLessThan(0.01 * 60 * 60);
  });

  it('puts a start very close to each minimum in that minimum’s basin', async () => {
    for (const [k, [x, y]] of surfaces.himmelblau.minima.entries()) {
      const range = [
        [x - 1e-3, x + 1e-3],
        [y - 1e-3, y + 1e-3],
      ] as const;
      const result = (await computeBasins(himmelblau, { resolution: 2, range }))!;
      expect([...result.labels]).toEqual([k, k, k, k]);
    }
  });

  it('labels the start at (ix, iy) from its own cell centre: the first of 4 cells over [−5, 5] is at −3.75', async () => {
    // Row-major, x fastest: the last label is the top right cell, centred at (3.75, 3.75), nearest (3, 2).
    expect(cellCentre(-5, 5, 4, 0)).toBe(-3.75);
    const result = (await computeBasins(himmelblau, { resolution: 4 }))!;
    expect(result.labels[15]).toBe(0);
  });

  it('is deterministic: the same scenario gives the same labels', async () => {
    const a = (await computeBasins(himmelblau, { resolution: 30 }))!;
    const b = (await computeBasins(himmelblau, { resolution: 30 }))!;
    expect(b.labels).toEqual(a.labels);
  });

  it('changes with momentum: heavy momentum carries some starts into another basin', async () => {
    const gd = (await computeBasins(himmelblau, { resolution: 40 }))!;
    const momentum = (await computeBasins(scenarioOf({ ...findHimmelblauInput(), optimizer: { kind: 'momentum', alpha: 0.01, beta: 0.9 } }), {
      resolution: 40,
    }))!;
    let moved = 0;
    for (let i = 0; i < gd.labels.length; i++) if (gd.labels[i] >= 0 && momentum.labels[i] >= 0 && gd.labels[i] !== momentum.labels[i]) moved++;
    expect(moved).toBeGreaterThan(0);
  });

  it('marks every start diverged on the bowl when α > 1 (gradient descent multiplies the distance by |1 − 2α| > 1)', async () => {
    const bowl = scenarioOf({
      version: 1,
      name: 'b',
      model: { kind: 'surface', fn: 'bowl' },
      init: { points: [[0, 0]] },
      optimizer: { kind: 'gd', alpha: 1.2 },
      epochs: 2000,
    });
    // 4 cells over [−3, 5] × [−2, 6]: no start sits exactly on the minimum (1, 2), which would never move.
    const result = (await computeBasins(bowl, { resolution: 4 }))!;
    expect([...result.labels].every((label) => label === divergedLabel)).toBe(true);
  });

  it('leaves a start that has not arrived unsettled: 3 steps of α = 0.01 on the bowl', async () => {
    // Each step multiplies the distance to (1, 2) by 1 − 2α = 0.98: after 3 steps 94 % of it remains.
    const bowl = scenarioOf({
      version: 1,
      name: 'b',
      model: { kind: 'surface', fn: 'bowl' },
      init: { points: [[0, 0]] },
      optimizer: { kind: 'gd', alpha: 0.01 },
      epochs: 3,
    });
    const result = (await computeBasins(bowl, {
      resolution: 4,
      range: [
        [-3, -1],
        [-3, -1],
      ],
    }))!;
    expect([...result.labels].every((label) => label === unsettledLabel)).toBe(true);
  });

  it('derives Rastrigin’s lattice of minima: 11 × 11 in its range, each a zero of the gradient', () => {
    const minima = rastriginMinima(surfaces.rastrigin.range);
    expect(minima).toHaveLength(121);
    const g = partials();
    for (const [x, y] of minima) {
      surfaces.rastrigin.evaluate(x, y, g);
      expect(Math.abs(g.dx) + Math.abs(g.dy)).toBeLessThan(1e-9);
    }
    expect(minima).toContainEqual([0, 0]);
  });

  it('clusters the end points of a typed formula: (x² − 1)² + y² has its two minima at (±1, 0)', async () => {
    const scenario = scenarioOf({
      version: 1,
      name: 'w',
      model: { kind: 'surface', expr: '(x^2 - 1)^2 + y^2' },
      init: { dist: 'uniform', min: [-2, -1], max: [2, 1], count: 10 },
      optimizer: { kind: 'gd', alpha: 0.05 },
      epochs: 400,
    });
    const result = (await computeBasins(scenario, { resolution: 20 }))!;
    expect(result.minimaSource).toBe('clustered');
    expect(result.minima).toHaveLength(2);
    const xs = result.minima.map(([x]) => Math.round(x * 1e6) / 1e6).sort();
    expect(xs).toEqual([-1, 1]);
    // x < 0 starts end at −1 and x > 0 at +1 (the grid has no start on x = 0).
    const left = result.labels[0];
    const right = result.labels[19];
    expect(result.minima[left][0]).toBeCloseTo(-1, 6);
    expect(result.minima[right][0]).toBeCloseTo(1, 6);
  });

  it('stops when cancelled and reports progress up to the epochs', async () => {
    const seen: number[] = [];
    const result = await computeBasins(himmelblau, { resolution: 10, onProgress: (done) => seen.push(done), cancelled: () => seen.length >= 3 });
    expect(result).toBeNull();
    const done: number[] = [];
    await computeBasins(himmelblau, { resolution: 10, onProgress: (d, total) => done.push(d / total) });
    expect(done.at(-1)).toBe(1);
  });
});

function findHimmelblauInput() {
  return { ...himmelblau } as Parameters<typeof scenarioOf>[0] & object;
}
