/**
 * The trainer inside Electron's utility process (out/main/trainer.js). Two channels: the control channel
 * (`process.parentPort`, to main's supervisor: pings, the replayed load/speed/play, checkpoints back) and
 * the page's port (a MessagePortMain that main passes once with `{type: 'connect'}`; then page and trainer
 * talk directly and main steps aside). A pong goes back on the channel its ping came from: control pings are
 * answered here, so a pong means "the event loop runs"; the page's pings go through the Trainer.
 */
import type { TrainerEvent } from '../shared/messages';
import type { PoolHost } from './pool/pool';
import { Trainer } from './trainer';

/** The part of Electron's MessagePortMain the host uses. */
export interface PagePort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  start(): void;
  close(): void;
}

/** The part of Electron's `process.parentPort` the host uses. */
export interface ControlPort {
  on(event: 'message', listener: (event: { data: unknown; ports: PagePort[] }) => void): unknown;
  postMessage(message: unknown): void;
}

/** Events the trainer sends before a page is connected ("loaded" after a restart): delivered on connect. */
const maxWaiting = 32;

/** `pool`: the threads the trainer may step a big cloud on (./pool/node-threads.ts); none, it steps on its own. */
export function startUtilityHost(control: ControlPort, pool?: PoolHost): Trainer {
  let page: PagePort | null = null;
  const waiting: TrainerEvent[] = [];

  const trainer = new Trainer(
    {
      // MessagePortMain can transfer only ports: typed arrays are cloned whatever `transfer` says, at once.
      copies: true,
      post: (event) => {
        if (page) return page.postMessage(event);
        // A frame is built for the page that asked; with none, it is stale (and its arrays are reused).
        if (event.type === 'frame') return;
        waiting.push(event);
        if (waiting.length > maxWaiting) waiting.shift();
      },
      report: (event) => control.postMessage(event),
    },
    {},
    pool,
  );

  const connect = (port: PagePort): void => {
    // A reloaded page asks again: the newest port wins, the old one is closed so nothing leaks to it.
    page?.close();
    page = port;
    port.on('message', ({ data }) => {
      if (page === port) trainer.receive(data);
    });
    port.start();
    for (const event of waiting.splice(0)) port.postMessage(event);
  };

  control.on('message', ({ data, ports }) => {
    const { type, id } = (data ?? {}) as { type?: unknown; id?: unknown };
    if (type === 'connect' && ports?.[0]) return connect(ports[0]);
    if (type === 'ping' && Number.isInteger(id)) return control.postMessage({ type: 'pong', id });
    trainer.receive(data);
  });
  return trainer;
}
