/** The map's hit-testing: which cell is under a canvas pixel (the first row drawn at the bottom). */
import { describe, expect, it } from 'vitest';
import type { SweepResult } from '../../../shared/sweep-messages';
import { cellAt, cellColour } from './heatmap';

const cell = { converged: 0, diverged: 0, medianSteps: null };
// 2 rows (vs values) × 4 columns (alphas) in a plot box 100 wide and 50 high at (10, 20).
const result: SweepResult = {
  alpha: [0.1, 0.2, 0.4, 0.8],
  vs: { field: 'optimizer.beta', values: [0.5, 0.9] },
  cells: [Array(4).fill(cell), Array(4).fill(cell)],
};
const box = { left: 10, top: 20, width: 100, height: 50 };

describe('cellAt', () => {
  it('puts the first row at the bottom and alpha left to right', () => {
    expect(cellAt(result, box, 11, 69)).toEqual([0, 0]); // bottom left
    expect(cellAt(result, box, 109, 21)).toEqual([1, 3]); // top right
    expect(cellAt(result, box, 10 + 25 * 2.5, 20 + 12.5)).toEqual([1, 2]);
  });

  it('is null outside the plot', () => {
    expect(cellAt(result, box, 9, 30)).toBeNull();
    expect(cellAt(result, box, 110, 30)).toBeNull(); // the right edge belongs to no cell
    expect(cellAt(result, box, 50, 70)).toBeNull();
  });
});

describe('cellColour', () => {
  it('tells a fully diverged cell from a fully converged one and from one still running', () => {
    const colours = new Set([cellColour(1, 0), cellColour(0, 1), cellColour(0, 0)]);
    expect(colours.size).toBe(3);
  });
});
