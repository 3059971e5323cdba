/**
 * The trajectory export's own Web Worker: it replays the scenario from its start (./exporting.ts) so the
 * live run is not disturbed, and posts the export as bounded chunks, their buffers transferred. One export
 * per worker; the page cancels by terminating it.
 */
import { chunksInFlight, trajectoryChunks, type ExportCommand, type ExportEvent } from './exporting';

/** The worker global's part this file uses, typed by hand (see ./worker.ts for why). */
interface WorkerScope {
  postMessage(message: ExportEvent, transfer: ArrayBuffer[]): void;
  onmessage: ((event: { data: ExportCommand }) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;

let unacknowledged = 0;
let taken: (() => void) | null = null;

async function run(command: Extract<ExportCommand, { type: 'export' }>): Promise<void> {
  let reported = 0;
  const onProgress = (step: number, target: number) => {
    // A few dozen progress messages at most, not one per step.
    if (step - reported >= Math.max(1, Math.floor(target / 50))) {
      reported = step;
      scope.postMessage({ type: 'progress', step, target }, []);
    }
  };
  for await (const bytes of trajectoryChunks(command.scenario, { ...command.request, onProgress })) {
    scope.postMessage({ type: 'chunk', bytes }, [bytes.buffer as ArrayBuffer]);
    if (++unacknowledged >= chunksInFlight) await new Promise<void>((resolve) => (taken = resolve));
  }
  scope.postMessage({ type: 'done' }, []);
}

scope.onmessage = (event) => {
  if (event.data?.type === 'ack') {
    unacknowledged--;
    if (unacknowledged < chunksInFlight && taken) {
      taken();
      taken = null;
    }
    return;
  }
  if (event.data?.type !== 'export') return;
  run(event.data).catch((error: unknown) => scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) }, []));
};
