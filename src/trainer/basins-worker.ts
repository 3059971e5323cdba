/** The basins of attraction's own Web Worker (./basins.ts): one job, then the page terminates it. */
import { runBasins, type BasinsEvent } from './basins';

/** The worker global's part this file uses, typed by hand (see ./worker.ts for why). */
interface WorkerScope {
  postMessage(message: BasinsEvent, transfer: ArrayBuffer[]): void;
  onmessage: ((event: { data: unknown }) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
  void runBasins(event.data, (message, transfer = []) => scope.postMessage(message, transfer));
};
