/**
 * The pool of experiment workers (cell-pool.ts) with hand-made workers: cells merged in cell order whatever
 * the order they come back in, progress, cancel, and every way a worker can fail ending the job with a
 * message (and every worker stopped) instead of a wait.
 */
import { describe, expect, it } from 'vitest';
import type { CellReply } from '../../shared/cell-messages';
import { CellPoolFailure, runCellPool, type PoolWorkerEvents } from './cell-pool';

/** A worker of `total` cells whose value is k², answering cell k after `delay(k)` ms; `behave` may replace an answer. */
function squares(total: number, delay: (k: number) => number, behave: (k: number, reply: CellReply) => CellReply | 'fail' | 'silent' = (_, r) => r) {
  const log = { opened: 0, terminated: 0, asked: [] as number[][] };
  const open = (events: PoolWorkerEvents) => {
    const w = log.opened++;
    log.asked.push([]);
    let live = true;
    return {
      post(message: unknown) {
        const m = message as { type?: string; k?: number };
        const answer = (reply: CellReply, ms: number) =>
          setTimeout(() => {
            if (!live) return;
            const out = m.type === 'cell' ? behave(m.k!, reply) : reply;
            if (out === 'fail') events.failed('it threw: boom');
            else if (out !== 'silent') events.message(out);
          }, ms);
        if (m.type !== 'cell') return answer({ type: 'ready', total, context: 'ctx' }, w);
        log.asked[w].push(m.k!);
        answer({ type: 'cell', k: m.k!, value: m.k! * m.k! }, delay(m.k!));
      },
      terminate() {
        if (live) log.terminated++;
        live = false;
      },
    };
  };
  return { open, log };
}

const merge = (context: string, values: number[]) => ({ context, values });

/** How a job failed (a job that gives a result fails the test). */
const failure = (job: { done: Promise<unknown> }) =>
  job.done.then(
    () => {
      throw new Error('the job gave a result');
    },
    (error: unknown) => error as CellPoolFailure,
  );

describe('the cell pool', () => {
  it('puts the cells together in cell order for 1, 2, 3 and 5 workers, however late each comes back', async () => {
    // Cell k takes (7k mod 5) ms: the workers finish out of order.
    const expected = { context: 'ctx', values: Array.from({ length: 12 }, (_, k) => k * k) };
    for (const workers of [1, 2, 3, 5]) {
      const { open, log } = squares(12, (k) => (7 * k) % 5);
      const result = await runCellPool({ workers, open, command: { go: 1 }, merge }).done;
      expect(result).toEqual(expected);
      // Every worker was used, and each cell was asked for once.
      expect(log.asked.filter((a) => a.length > 0)).toHaveLength(workers);
      expect(log.asked.flat().sort((a, b) => a - b)).toEqual(expected.values.map((_, k) => k));
      expect(log.terminated).toBe(workers);
    }
  });

  it('reports progress as cells finish, at most about a hundred times, always ending at the total', async () => {
    const few: [number, number][] = [];
    await runCellPool({ workers: 2, open: squares(5, () => 0).open, command: {}, merge, progress: (d, t) => few.push([d, t]) }).done;
    expect(few).toEqual([1, 2, 3, 4, 5].map((d) => [d, 5]));
    const many: number[] = [];
    await runCellPool({ workers: 2, open: squares(450, () => 0).open, command: {}, merge, progress: (d) => many.push(d) }).done;
    // One report every ⌊450 / 100⌋ = 4 cells, and the last: 112 reports + 1.
    expect(many.length).toBe(113);
    expect(many.at(-1)).toBe(450);
  });

  it('starts no more workers than it needs: the ones without a cell are stopped once all are ready', async () => {
    const { open, log } = squares(2, () => 0);
    const job = runCellPool({ workers: 4, open, command: {}, merge });
    expect((await job.done).values).toEqual([0, 1]);
    expect(log.asked.map((a) => a.length)).toEqual([1, 1, 0, 0]);
    expect(log.terminated).toBe(4);
  });

  it('takes a worker count that is not a number as one worker, never none', async () => {
    const { open, log } = squares(3, () => 0);
    expect((await runCellPool({ workers: NaN, open, command: {}, merge }).done).values).toEqual([0, 1, 4]);
    expect(log.opened).toBe(1);
  });

  it('cancel stops every worker at once and rejects as cancelled', async () => {
    const { open, log } = squares(10, () => 1);
    const job = runCellPool({ workers: 3, open, command: {}, merge, progress: (done) => done === 4 && job.cancel() });
    const cancelled = await failure(job);
    expect(cancelled).toBeInstanceOf(CellPoolFailure);
    expect(cancelled.cancelled).toBe(true);
    expect(log.terminated).toBe(3);
    // No cell was asked for after the cancel: 4 answered, at most one more in flight on each of the other workers.
    expect(log.asked.flat().length).toBeLessThanOrEqual(6);
  });

  it('a worker’s error message fails the job with its problem lines; its failure with its name; every worker stopped', async () => {
    const refusing = squares(
      6,
      () => 1,
      (k, r) => (k === 3 ? { type: 'error', message: 'the sweep cannot be computed', problems: ['cell 3: no'] } : r),
    );
    const refused = await failure(runCellPool({ workers: 2, open: refusing.open, command: {}, merge }));
    expect([refused.message, refused.problems, refused.cancelled]).toEqual(['the sweep cannot be computed', ['cell 3: no'], false]);
    expect(refusing.log.terminated).toBe(2);

    const crashing = squares(
      6,
      () => 1,
      (k, r) => (k === 2 ? 'fail' : r),
    );
    const crashed = await failure(runCellPool({ workers: 3, open: crashing.open, command: {}, merge }));
    expect(crashed.message).toMatch(/^worker [123] of 3 failed: it threw: boom$/);
    expect(crashing.log.terminated).toBe(3);
  });

  it('a cell answered twice, or never asked for, or a message it does not know, fails the job rather than waiting', async () => {
    const twice = squares(
      4,
      () => 0,
      (k, r) => (k === 1 ? { type: 'cell', k: 0, value: 0 } : r),
    );
    await expect(runCellPool({ workers: 1, open: twice.open, command: {}, merge }).done).rejects.toThrow(
      'worker 1 of 1 answered for cell 0, which it was not asked for',
    );
    const odd = squares(
      4,
      () => 0,
      (k, r) => (k === 2 ? ({ type: 'hello' } as unknown as CellReply) : r),
    );
    await expect(runCellPool({ workers: 1, open: odd.open, command: {}, merge }).done).rejects.toThrow('worker 1 of 1 sent a message the pool does not know');
  });

  it('a worker that cannot be started, or a merge that throws, fails the job with a message', async () => {
    const open = () => {
      throw new Error('SecurityError: no workers here');
    };
    await expect(runCellPool({ workers: 2, open, command: {}, merge }).done).rejects.toThrow('a worker could not start: SecurityError: no workers here');
    const badMerge = () => {
      throw new Error('rows missing');
    };
    await expect(runCellPool({ workers: 2, open: squares(3, () => 0).open, command: {}, merge: badMerge }).done).rejects.toThrow(
      'the result cannot be put together: rows missing',
    );
  });
});
