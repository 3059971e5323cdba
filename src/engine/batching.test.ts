/** Epochs, batches, shuffling and drop-last. */
import { describe, expect, it } from 'vitest';
import { Batcher } from './batching';

const spec = (size: number | null, shuffle = true, dropLast = false) => ({ size, shuffle, dropLast });

function epochRows(batcher: Batcher): number[][] {
  const batches: number[][] = [];
  do {
    const b = batcher.advance();
    batches.push([...b.order.subarray(b.start, b.end)]);
  } while (!batcher.epochDone);
  return batches;
}

describe('Batcher', () => {
  it('full batch: one step per epoch over every row, in order', () => {
    const b = new Batcher(5, spec(null), 0);
    expect(b.batchesPerEpoch).toBe(1);
    expect(epochRows(b)).toEqual([[0, 1, 2, 3, 4]]);
  });

  it('mini-batches of 4 over 10 rows: 3 steps, the last one short, every row once per epoch', () => {
    const b = new Batcher(10, spec(4), 1);
    const batches = epochRows(b);
    expect(batches.map((r) => r.length)).toEqual([4, 4, 2]);
    expect(batches.flat().sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('drop-last skips the short batch: 2 steps of 4, 2 rows unused that epoch', () => {
    const b = new Batcher(10, spec(4, true, true), 1);
    expect(b.batchesPerEpoch).toBe(2);
    expect(epochRows(b).map((r) => r.length)).toEqual([4, 4]);
  });

  it('stochastic (size 1): one row per step, n steps per epoch', () => {
    const b = new Batcher(6, spec(1), 2);
    expect(epochRows(b).map((r) => r.length)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('shuffles anew each epoch, from the seed', () => {
    const one = new Batcher(20, spec(5), 9);
    const first = epochRows(one).flat();
    const second = epochRows(one).flat();
    expect(first).not.toEqual(second);
    const again = new Batcher(20, spec(5), 9);
    expect(epochRows(again).flat()).toEqual(first);
    expect(epochRows(new Batcher(20, spec(5), 10)).flat()).not.toEqual(first);
  });

  it('without shuffle the order is the data’s own', () => {
    expect(epochRows(new Batcher(6, spec(4, false), 0))).toEqual([
      [0, 1, 2, 3],
      [4, 5],
    ]);
  });

  it('a new batch size takes effect at the next epoch, never mid-epoch', () => {
    const b = new Batcher(8, spec(2, false), 0);
    b.advance();
    b.configure(spec(4, false));
    const rest = [];
    while (!b.epochDone) rest.push(b.advance().end - b.batch.start);
    expect(rest).toEqual([2, 2, 2]);
    expect(epochRows(b)).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
    ]);
  });
});
