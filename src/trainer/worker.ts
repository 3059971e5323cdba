/**
 * The trainer's host in a plain browser: a module Web Worker. The Trainer validates every command itself;
 * this file only wires it to the worker's message channel, and, where the page is cross-origin isolated
 * (workers may then share memory), gives it threads: Web Workers nested in this one (./pool-worker.ts).
 */
import type { TrainerEvent } from '../shared/messages';
import { poolThreadName } from './pool/messages';
import type { PoolHost } from './pool/pool';
import { Trainer } from './trainer';

/**
 * The worker global's part this file uses, typed by hand: src/trainer is compiled both with the DOM lib
 * (web) and with none (node), and the WebWorker lib cannot sit beside DOM.
 */
interface WorkerScope {
  postMessage(message: TrainerEvent, transfer: ArrayBuffer[]): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  crossOriginIsolated?: boolean;
  navigator?: { hardwareConcurrency?: number };
  Worker: new (url: URL, options: { type: 'module'; name: string }) => NestedWorker;
}

interface NestedWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: { data: never }) => void) | null;
  onerror: ((event: { message?: string; preventDefault(): void }) => void) | null;
  onmessageerror: (() => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
const Worker = scope.Worker;

/** Nested workers, one a core at most; none where memory cannot be shared (the trainer then steps on its own). */
function browserPool(): PoolHost | undefined {
  if (scope.crossOriginIsolated !== true || typeof Worker !== 'function') return undefined;
  return {
    cores: Math.max(1, scope.navigator?.hardwareConcurrency ?? 1),
    spawn(listener) {
      const worker = new Worker(new URL('./pool-worker.ts', import.meta.url), { type: 'module', name: poolThreadName });
      worker.onmessage = (event) => listener.message(event.data);
      worker.onerror = (event) => {
        event.preventDefault(); // the trainer recovers: no uncaught error for the page's console
        listener.failed(event.message || 'its script could not run');
      };
      worker.onmessageerror = () => listener.failed('a message from it could not be read');
      return { post: (message) => worker.postMessage(message), terminate: () => worker.terminate() };
    },
  };
}

const trainer = new Trainer({ post: (event, transfer) => scope.postMessage(event, transfer ?? []) }, {}, browserPool());
scope.onmessage = (event) => trainer.receive(event.data);
scope.postMessage({ type: 'ready' }, []);
