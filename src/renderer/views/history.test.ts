import { describe, expect, it } from 'vitest';
import { LossHistory } from './history';

function pushSteps(history: LossHistory, from: number, to: number): void {
  for (let step = from; step <= to; step++) history.push(step, [step * 10, -step]);
}

describe('LossHistory', () => {
  it('keeps every point while there is room', () => {
    const h = new LossHistory(2, 8);
    pushSteps(h, 0, 7);
    expect(h.x).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(h.series[0]).toEqual([0, 10, 20, 30, 40, 50, 60, 70]);
    expect(h.series[1]).toEqual([-0, -1, -2, -3, -4, -5, -6, -7]);
  });

  it('halves when full, then keeps every second point, always ending at the latest', () => {
    const h = new LossHistory(2, 8);
    pushSteps(h, 0, 8); // 9 points > 8: halve
    expect(h.x).toEqual([0, 2, 4, 6, 8]);
    pushSteps(h, 9, 9);
    expect(h.x).toEqual([0, 2, 4, 6, 8, 9]); // 9 is only the latest...
    pushSteps(h, 10, 10);
    expect(h.x).toEqual([0, 2, 4, 6, 8, 10]); // ...and 10 replaces it
    expect(h.series[0]).toEqual([0, 20, 40, 60, 80, 100]);
    pushSteps(h, 11, 13);
    expect(h.x).toEqual([0, 2, 4, 6, 8, 10, 12, 13]);
    pushSteps(h, 14, 15); // 14 makes 9 points: halve again, now one in four, with 15 as the latest
    expect(h.x).toEqual([0, 4, 8, 12, 15]);
  });

  it('stays within its capacity however long it runs, spanning the whole run evenly', () => {
    const h = new LossHistory(1, 100);
    pushSteps(h, 0, 123_456);
    expect(h.length).toBeLessThanOrEqual(101);
    expect(h.length).toBeGreaterThan(50);
    expect(h.x[0]).toBe(0);
    expect(h.lastX).toBe(123_456);
    const gaps = new Set(h.x.slice(1, -1).map((x, i) => x - h.x[i]));
    expect(gaps.size).toBe(1); // one stride between all kept points
    expect(h.series[0]).toEqual(h.x.map((x) => x * 10));
  });

  it('replaces the point of a repeated x instead of adding one', () => {
    const h = new LossHistory(1, 8);
    h.push(0, [5]);
    h.push(3, [4]);
    h.push(3, [2]);
    expect(h.x).toEqual([0, 3]);
    expect(h.series[0]).toEqual([5, 2]);
  });

  it('holds null for a missing value and forgets everything on clear', () => {
    const h = new LossHistory(2, 8);
    h.push(0, [null, 1]);
    expect(h.series[0]).toEqual([null]);
    h.clear();
    expect(h.length).toBe(0);
    expect(h.lastX).toBeNull();
    pushSteps(h, 0, 8);
    expect(h.x).toEqual([0, 2, 4, 6, 8]);
  });

  it('forgets the points after a step, and goes on from it (a replayed run that changed)', () => {
    const h = new LossHistory(1, 100);
    for (let x = 0; x <= 10; x++) h.push(x, [10 - x]);
    h.truncateAfter(4);
    expect(h.x).toEqual([0, 1, 2, 3, 4]);
    expect(h.series[0]).toEqual([10, 9, 8, 7, 6]);
    h.push(5, [0.5]);
    expect(h.x).toEqual([0, 1, 2, 3, 4, 5]);
    expect(h.series[0].at(-1)).toBe(0.5);
  });
});
