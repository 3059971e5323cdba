/** The stability map's own Web Worker (./sweep.ts): one sweep, then the page terminates it. */
import { runSweepJob, type SweepEvent } from './sweep';

/** The worker global's part this file uses, typed by hand (see ./worker.ts for why). */
interface WorkerScope {
  postMessage(message: SweepEvent): void;
  onmessage: ((event: { data: unknown }) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
  void runSweepJob(event.data, (message) => scope.postMessage(message));
};
