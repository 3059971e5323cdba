import { describe, expect, it } from 'vitest';
import { LossHistory } from './history';

describe('LossHistory', () => {
  it('drops the points after a frame that goes back (a reset) and replaces one at the same step', () => {
    const h = new LossHistory();
    for (const step of [0, 1, 2, 3]) h.add(step, step, step);
    h.add(3, 9, 9);
    expect(h.all.map((p) => [p.step, p.meanLoss])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 9],
    ]);
    h.add(0, 5, 5);
    expect(h.all).toEqual([{ step: 0, meanLoss: 5, bestLoss: 5 }]);
  });

  it('stays within its limit, keeping the first and the latest point', () => {
    const h = new LossHistory(10);
    for (let step = 0; step <= 100; step++) h.add(step, 1, 1);
    expect(h.all.length).toBeLessThanOrEqual(10);
    expect(h.all[0].step).toBe(0);
    expect(h.all.at(-1)!.step).toBe(100);
  });
});
