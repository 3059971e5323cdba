/** A worker's side of the pool (cells.ts): a job that throws, as it prepares or in a cell, answers with an error message. */
import { describe, expect, it } from 'vitest';
import { runInProcess } from './cells.testing';
import type { Prepared } from './cells';

/** A job of 4 cells whose value is 10·k, throwing at cell `bad`. */
const tens = (bad: number) => (): Promise<Prepared<null, number>> =>
  Promise.resolve({
    ok: true,
    job: {
      total: 4,
      context: null,
      run: (k) => {
        if (k === bad) throw new Error(`cell ${k} overflowed`);
        return 10 * k;
      },
    },
  });

describe('a worker of the pool', () => {
  it('answers each cell with its value, in any order the pool puts together', async () => {
    expect(await runInProcess(tens(-1), {}, 2, (_, values) => values).done).toEqual([0, 10, 20, 30]);
  });

  it('answers a cell that throws with "the job cannot be computed" and the reason, and the pool stops', async () => {
    const job = runInProcess(tens(2), {}, 2, (_, values) => values);
    await expect(job.done).rejects.toMatchObject({ message: 'the job cannot be computed', problems: ['cell 2 overflowed'] });
    expect(job.terminated).toBe(2);
  });

  it('answers a preparation that throws (a model that cannot be built) the same way', async () => {
    const failing = () => Promise.reject(new Error('the data could not be read'));
    await expect(runInProcess(failing, {}, 3, () => 0).done).rejects.toMatchObject({
      message: 'the job cannot be computed',
      problems: ['the data could not be read'],
    });
  });
});
