/**
 * The trainer in a Node child process (child_process.fork): the stand-in for Electron's utility process in
 * tests. Fork it with `serialization: 'advanced'` so frames arrive as typed arrays. Everything goes over the
 * one IPC channel: events to the page and checkpoints to the supervisor alike; pings are answered here, not
 * by the Trainer, so a pong means "the event loop runs" even while the Trainer's queue is busy.
 *
 * With DESCENT_TRAINER_FAULTS=1 (tests only) `{type: 'fault', kind}` makes it fail on purpose: `exit`,
 * `throw`, `abort`, `oom`, `hang`; `memory` answers `{type: 'memory', rss, heapUsed, arrayBuffers}` (after a GC when
 * forked with --expose-gc). Without the variable those messages reach the Trainer, which refuses them.
 */
import { isMainThread, parentPort as threadPort, workerData } from 'node:worker_threads';
import { isPoolThread, nodePoolHost, serveNodeThread } from './pool/node-threads';
import { Trainer } from './trainer';

const send = (message: unknown): void => {
  // Once the parent has gone the channel is closed; there is nobody left to tell.
  if (process.connected) process.send!(message);
};

// The trainer's threads run this same script (./pool/node-threads.ts).
const trainer = isPoolThread(isMainThread, workerData) ? serveNodeThread(threadPort!) : startHost();
const faultsEnabled = process.env.DESCENT_TRAINER_FAULTS === '1';

function startHost(): Trainer {
  if (!process.send) throw new Error('node-host.ts must be started with child_process.fork');
  // process.send serializes the message before it returns: the trainer may reuse its frame arrays.
  const host = new Trainer({ post: (event) => send(event), report: (event) => send(event), copies: true }, {}, nodePoolHost(new URL(import.meta.url)));
  process.on('message', (message: unknown) => {
    const { type, id, kind } = (message ?? {}) as { type?: unknown; id?: unknown; kind?: unknown };
    if (type === 'ping' && Number.isInteger(id)) return send({ type: 'pong', id });
    if (type === 'fault' && faultsEnabled) return fault(kind);
    host.receive(message);
  });
  // Closing the window ends the trainer: an orphaned trainer would keep a core busy for nobody.
  process.on('disconnect', () => process.exit(0));
  return host;
}

function fault(kind: unknown): void {
  switch (kind) {
    case 'exit':
      return process.exit(3);
    case 'throw':
      // From a timer, so that it is a true uncaught exception and not a rejected message.
      setTimeout(() => {
        throw new Error('injected fault');
      });
      return;
    case 'abort':
      return process.abort();
    case 'oom': {
      // Kept reachable so that V8 cannot free any of it: it dies at --max-old-space-size.
      const hoard: number[][] = [];
      for (;;) hoard.push(new Array(100_000).fill(hoard.length + 0.5));
    }
    case 'hang':
      for (;;);
    case 'memory':
      return void reportMemory();
    default:
      trainer?.receive({ type: 'fault', kind });
  }
}

/** Memory after two full GCs a moment apart: the second lets V8 free array buffers the first one swept. */
async function reportMemory(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  gc();
  await new Promise((resolve) => setTimeout(resolve, 20));
  gc();
  const { rss, heapUsed, arrayBuffers } = process.memoryUsage();
  send({ type: 'memory', rss, heapUsed, arrayBuffers });
}
