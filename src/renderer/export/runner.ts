/** Runs one trajectory export in its own worker (../../trainer/export-worker.ts) and hands each chunk to a sink. */
import type { ExportCommand, ExportEvent } from '../../shared/export-messages';

export interface ExportJob {
  /** Settles once the last chunk has been taken (or the export failed or was cancelled). */
  readonly done: Promise<void>;
  /** Stops the worker; `done` rejects with "export cancelled". */
  cancel(): void;
}

export interface ExportSink {
  /** Takes one chunk; the next waits until it resolves (a file writer's back-pressure). */
  write(bytes: Uint8Array): void | Promise<void>;
  progress?(step: number, target: number): void;
}

export function startExport(command: Extract<ExportCommand, { type: 'export' }>, sink: ExportSink): ExportJob {
  const worker = new Worker(new URL('../../trainer/export-worker.ts', import.meta.url), { type: 'module', name: 'export' });
  let fail: (error: Error) => void = () => {};
  let writing: Promise<void> = Promise.resolve();
  const done = new Promise<void>((resolve, reject) => {
    let settled = false;
    const end = (error?: Error) => {
      if (settled) return;
      settled = true;
      worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    fail = end;
    worker.onmessage = (message: MessageEvent<ExportEvent>) => {
      const event = message.data;
      if (event.type === 'chunk') {
        writing = writing
          .then(() => (settled ? undefined : sink.write(event.bytes)))
          .then(() => worker.postMessage({ type: 'ack' } satisfies ExportCommand))
          .catch((error: unknown) => end(asError(error)));
      } else if (event.type === 'progress') sink.progress?.(event.step, event.target);
      else if (event.type === 'done')
        writing.then(
          () => end(),
          (error: unknown) => end(asError(error)),
        );
      else end(new Error(`export: ${event.message}`));
    };
    worker.onerror = (event) => end(new Error(`export: the export worker failed${event.message ? `: ${event.message}` : ''}`));
  });
  worker.postMessage(command satisfies ExportCommand);
  return { done, cancel: () => fail(new Error('export cancelled')) };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
