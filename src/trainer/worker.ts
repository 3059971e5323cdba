/**
 * The trainer's host in a plain browser: a module Web Worker. The Trainer validates every command itself;
 * this file only wires it to the worker's message channel.
 */
import type { TrainerEvent } from '../shared/messages';
import { Trainer } from './trainer';

/**
 * The worker global's part this file uses, typed by hand: src/trainer is compiled both with the DOM lib
 * (web) and with none (node), and the WebWorker lib cannot sit beside DOM.
 */
interface WorkerScope {
  postMessage(message: TrainerEvent, transfer: ArrayBuffer[]): void;
  onmessage: ((event: { data: unknown }) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;

const trainer = new Trainer({ post: (event, transfer) => scope.postMessage(event, transfer ?? []) });
scope.onmessage = (event) => trainer.receive(event.data);
scope.postMessage({ type: 'ready' }, []);
