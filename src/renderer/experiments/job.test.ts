/** A tab's one job at a time (job.ts), with a fake worker and plain objects for the controls. */
import { describe, expect, it } from 'vitest';
import { JobRunner, startJob, type JobControls } from './job';

/** A worker whose messages the test sends by hand; `terminated` says whether the job stopped it. */
function fakeWorker() {
  const worker = {
    onmessage: null as ((message: MessageEvent) => void) | null,
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
  };
  return worker;
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

describe('JobRunner', () => {
  it('is idle at first: Cancel disabled, no progress bar, the status line a live region', () => {
    const { ui, attributes, asControls } = controls();
    new JobRunner(asControls, 'basins');
    expect([ui.stop.disabled, ui.progress.hidden, ui.progress.max, ui.progress.value]).toEqual([true, true, 1, 0]);
    expect([ui.compute.type, ui.stop.type, attributes.role]).toEqual(['button', 'button', 'status']);
  });

  it('is busy while a job runs, follows its progress, and hands over its result', async () => {
    const { ui, attributes, asControls } = controls();
    const runner = new JobRunner<number>(asControls, 'basins');
    const worker = fakeWorker();
    const results: number[] = [];
    const running = runner.run((onProgress) => startJob(worker as unknown as Worker, 'basins', { go: 1 }, onProgress), 'Starting…', (done, total) => `${done} of ${total}`, (result) => results.push(result));
    expect([ui.compute.disabled, ui.stop.disabled, ui.progress.hidden, attributes['aria-busy'], runner.running]).toEqual([true, false, false, 'true', true]);
    expect(ui.status.textContent).toBe('Starting…');
    worker.emit({ type: 'progress', done: 1, total: 4 });
    expect([ui.progress.value, ui.status.textContent]).toEqual([0.25, '1 of 4']);
    worker.emit({ type: 'result', result: 42 });
    await running;
    expect(results).toEqual([42]);
    expect([ui.compute.disabled, ui.stop.disabled, ui.progress.hidden, ui.progress.value, attributes['aria-busy'], runner.running]).toEqual([false, true, true, 0, 'false', false]);
    expect(worker.terminated).toBe(true);
  });

  it('says "Cancelled." when cancelled, and a failure’s message when the worker fails', async () => {
    const { ui, asControls } = controls();
    const runner = new JobRunner<number>(asControls, 'sweep');
    const first = fakeWorker();
    const cancelled = runner.run((onProgress) => startJob(first as unknown as Worker, 'sweep', {}, onProgress), '…', () => '', () => {});
    runner.cancel();
    await cancelled;
    expect([ui.status.textContent, first.terminated, runner.running]).toEqual(['Cancelled.', true, false]);
    const second = fakeWorker();
    const failed = runner.run((onProgress) => startJob(second as unknown as Worker, 'sweep', {}, onProgress), '…', () => '', () => {});
    second.emit({ type: 'error', message: 'alpha.min: must be > 0', problems: [] });
    await failed;
    expect(ui.status.textContent).toBe('sweep: alpha.min: must be > 0');
  });

  it('a new run cancels the one before, which then leaves the controls to the new one', async () => {
    const { ui, asControls } = controls();
    const runner = new JobRunner<number>(asControls, 'basins');
    const [a, b] = [fakeWorker(), fakeWorker()];
    const first = runner.run((onProgress) => startJob(a as unknown as Worker, 'basins', {}, onProgress), 'A', () => '', () => {});
    const second = runner.run((onProgress) => startJob(b as unknown as Worker, 'basins', {}, onProgress), 'B', () => '', () => {});
    await first;
    expect(a.terminated).toBe(true);
    // The first job's cancellation does not overwrite the second's status line, nor free the controls.
    expect([ui.status.textContent, ui.compute.disabled, runner.running]).toEqual(['B', true, true]);
    b.emit({ type: 'result', result: 1 });
    await second;
    expect([ui.compute.disabled, runner.running]).toEqual([false, false]);
  });
});
