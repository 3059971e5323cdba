/** A tab's one job at a time (job.ts) with plain objects for the controls, and a job's pool of fake Web Workers. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JobRunner, startPoolJob, type JobControls } from './job';

/** A Web Worker whose answers the test sends by hand; `terminated` says whether the job stopped it. */
function fakeWorker() {
  const worker = {
    onmessage: null as ((message: MessageEvent) => void) | null,
    onmessageerror: null as (() => void) | null,
    onerror: null as ((event: ErrorEvent) => void) | null,
    posted: [] as unknown[],
    terminated: false,
    postMessage(command: unknown) {
      this.posted.push(command);
    },
    terminate() {
      this.terminated = true;
    },
    emit(data: unknown) {
      this.onmessage?.({ data } as MessageEvent);
    },
    fail(message: string) {
      this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
    },
  };
  return worker;
}

/** A job of `cells` cells on fake workers (as many as the stubbed cores), the result the cells' values in order. */
function fakeJob(cells: number, onProgress: (done: number, total: number) => void = () => {}) {
  const workers: ReturnType<typeof fakeWorker>[] = [];
  const job = startPoolJob<string, number, number[]>(
    'basins',
    {
      open: () => {
        const worker = fakeWorker();
        workers.push(worker);
        return worker as unknown as Worker;
      },
      command: { go: 1 },
      cells,
      merge: (_, values) => values,
    },
    onProgress,
  );
  /** Every worker says it is ready for `cells` cells. */
  const ready = () => workers.forEach((w) => w.emit({ type: 'ready', total: cells, context: 'ctx' }));
  /** Answers each worker's last request with value 10·k. */
  const answer = () =>
    workers.forEach((w) => {
      const last = w.posted.at(-1) as { type: string; k: number };
      if (last.type === 'cell') w.emit({ type: 'cell', k: last.k, value: 10 * last.k });
    });
  return { job, workers, ready, answer };
}

function controls() {
  const attributes: Record<string, string> = {};
  const withAttributes = { setAttribute: (name: string, value: string) => void (attributes[name] = value) };
  const ui = {
    compute: { type: '', disabled: false },
    stop: { type: '', disabled: false },
    progress: { max: 0, value: 0.5, hidden: false },
    status: { textContent: '', ...withAttributes },
    canvas: withAttributes,
  };
  return { ui, attributes, asControls: ui as unknown as JobControls };
}

/** The browser's core count as the job sees it (Node's test environment has no navigator). */
function cores(count: number) {
  vi.stubGlobal('navigator', { hardwareConcurrency: count });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('JobRunner', () => {
  it('is idle at first: Cancel disabled, no progress bar, the status line a live region', () => {
    const { ui, attributes, asControls } = controls();
    new JobRunner(asControls, 'basins');
    expect([ui.stop.disabled, ui.progress.hidden, ui.progress.max, ui.progress.value]).toEqual([true, true, 1, 0]);
    expect([ui.compute.type, ui.stop.type, attributes.role]).toEqual(['button', 'button', 'status']);
  });

  it('is busy while a job runs, follows its progress, and hands over its result', async () => {
    cores(1);
    const { ui, attributes, asControls } = controls();
    const runner = new JobRunner<number[]>(asControls, 'basins');
    let fake: ReturnType<typeof fakeJob> | null = null;
    const results: number[][] = [];
    const running = runner.run(
      (onProgress) => (fake = fakeJob(4, onProgress)).job,
      'Starting…',
      (done, total) => `${done} of ${total}`,
      (result) => results.push(result),
    );
    expect([ui.compute.disabled, ui.stop.disabled, ui.progress.hidden, attributes['aria-busy'], runner.running]).toEqual([true, false, false, 'true', true]);
    expect(ui.status.textContent).toBe('Starting…');
    const { ready, answer, workers } = fake!;
    ready();
    answer();
    expect([ui.progress.value, ui.status.textContent]).toEqual([0.25, '1 of 4']);
    for (let k = 1; k < 4; k++) answer();
    await running;
    expect(results).toEqual([[0, 10, 20, 30]]);
    expect([ui.compute.disabled, ui.stop.disabled, ui.progress.hidden, ui.progress.value, attributes['aria-busy'], runner.running]).toEqual([
      false,
      true,
      true,
      0,
      'false',
      false,
    ]);
    expect(workers.map((w) => w.terminated)).toEqual([true]);
  });

  it('says "Cancelled." when cancelled, and a failure’s message when a worker fails', async () => {
    cores(2);
    const { ui, asControls } = controls();
    const runner = new JobRunner<number[]>(asControls, 'basins');
    let first: ReturnType<typeof fakeJob> | null = null;
    const cancelled = runner.run(
      (onProgress) => (first = fakeJob(3, onProgress)).job,
      '…',
      () => '',
      () => {},
    );
    runner.cancel();
    await cancelled;
    expect([ui.status.textContent, first!.workers.map((w) => w.terminated), runner.running]).toEqual(['Cancelled.', [true, true], false]);
    let second: ReturnType<typeof fakeJob> | null = null;
    const refused = runner.run(
      (onProgress) => (second = fakeJob(3, onProgress)).job,
      '…',
      () => '',
      () => {},
    );
    second!.workers[1].emit({ type: 'error', message: 'the basins cannot be computed', problems: ['resolution: must be at least 2'] });
    await refused;
    expect(ui.status.textContent).toBe('basins: the basins cannot be computed:\n  resolution: must be at least 2');
    let third: ReturnType<typeof fakeJob> | null = null;
    const crashed = runner.run(
      (onProgress) => (third = fakeJob(3, onProgress)).job,
      '…',
      () => '',
      () => {},
    );
    third!.ready();
    third!.workers[1].fail('Uncaught RangeError: out of memory');
    await crashed;
    expect(ui.status.textContent).toBe('basins: worker 2 of 2 failed: Uncaught RangeError: out of memory');
    expect(third!.workers.map((w) => w.terminated)).toEqual([true, true]);
  });

  it('a new run cancels the one before, which then leaves the controls to the new one', async () => {
    cores(1);
    const { ui, asControls } = controls();
    const runner = new JobRunner<number[]>(asControls, 'basins');
    const fakes: ReturnType<typeof fakeJob>[] = [];
    const first = runner.run(
      (onProgress) => (fakes[0] = fakeJob(1, onProgress)).job,
      'A',
      () => '',
      () => {},
    );
    const second = runner.run(
      (onProgress) => (fakes[1] = fakeJob(1, onProgress)).job,
      'B',
      () => '',
      () => {},
    );
    await first;
    expect(fakes[0].workers[0].terminated).toBe(true);
    // The first job's cancellation does not overwrite the second's status line, nor free the controls.
    expect([ui.status.textContent, ui.compute.disabled, runner.running]).toEqual(['B', true, true]);
    fakes[1].ready();
    fakes[1].answer();
    await second;
    expect([ui.compute.disabled, runner.running]).toEqual([false, false]);
  });
});

describe('startPoolJob', () => {
  it('starts one worker a core, but no more than the job has cells, each sent the command first', () => {
    cores(4);
    expect(fakeJob(10).workers).toHaveLength(4);
    const small = fakeJob(2);
    expect(small.workers).toHaveLength(2);
    expect(small.workers.map((w) => w.posted)).toEqual([[{ go: 1 }], [{ go: 1 }]]);
    // A cell count the workers will refuse (an empty field) still starts one worker, to hear why.
    expect(fakeJob(NaN).workers).toHaveLength(1);
  });
});
