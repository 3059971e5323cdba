/**
 * The page's end of the trainer, over either host: a module Web Worker in a plain browser, or, in the
 * desktop app, the MessagePort the preload hands over (again after each restart of the trainer). Every
 * event is checked against the message contract on arrival; a malformed one is dropped and logged.
 *
 * Flow control: one frame request at most is outstanding. A requestAnimationFrame loop asks for the next
 * frame only once the previous one has arrived, so the trainer never runs ahead of what the page can draw.
 */
import { TRAINER_LOST_MESSAGE, type DesktopBridge } from '../shared/desktop';
import { eventSchema, messageProblems, type TrainerCommand, type TrainerEvent } from '../shared/messages';
import { desktopMessage } from './desktop-messages';
import { Emitter } from './emitter';

export interface ClientEvents extends Record<string, unknown> {
  /** A well-formed event from the trainer. */
  event: TrainerEvent;
  /** The trainer was replaced by a new one (desktop): the notice to show. */
  restarted: string;
  /** The trainer is gone for good: the reason to show. */
  lost: string;
  /** Something to tell the user that is not an answer to a command (a worker that failed to start). */
  notice: string;
}

/** One way of talking to a trainer. */
interface Host {
  post(command: TrainerCommand): void;
  close(): void;
}

export class TrainerClient {
  readonly events = new Emitter<ClientEvents>();
  readonly runtime: 'worker' | 'desktop';
  private host: Host | null = null;
  /** Commands sent before the desktop's first port arrived, in order. */
  private backlog: TrainerCommand[] = [];
  /** Whether this host's trainer has a scenario: before that, a frame request would only be refused. */
  private loaded = false;
  private frameRequested = false;
  private gone = false;

  constructor() {
    const desktop = (window as Window & { descentDesktop?: Partial<DesktopBridge> }).descentDesktop;
    // A desktop build whose preload cannot hand over a port still trains, in a worker like the browser.
    if (desktop && typeof desktop.connectTrainer === 'function') {
      this.runtime = 'desktop';
      this.connectDesktop(() => desktop.connectTrainer!());
    } else {
      this.runtime = 'worker';
      this.attach(this.startWorker());
    }
    requestAnimationFrame(this.tick);
  }

  send(command: TrainerCommand): void {
    if (this.gone) return;
    if (this.host) this.host.post(command);
    else this.backlog.push(command);
  }

  private readonly tick = (): void => {
    if (this.host && this.loaded && !this.frameRequested) {
      this.frameRequested = true;
      this.host.post({ type: 'request-frame' });
    }
    requestAnimationFrame(this.tick);
  };

  private arrive(data: unknown): void {
    const parsed = eventSchema.safeParse(data);
    if (!parsed.success) {
      const problems = messageProblems(eventSchema, data) ?? [];
      console.error(`Dropped a malformed message from the trainer:\n  ${problems.join('\n  ')}`);
      return;
    }
    const event = parsed.data;
    if (event.type === 'loaded') this.loaded = true;
    if (event.type === 'frame') this.frameRequested = false;
    this.events.emit('event', event);
  }

  private attach(host: Host): void {
    this.host?.close();
    this.host = host;
    this.loaded = false;
    this.frameRequested = false;
    const backlog = this.backlog;
    this.backlog = [];
    for (const command of backlog) host.post(command);
  }

  private startWorker(): Host {
    const worker = new Worker(new URL('../trainer/worker.ts', import.meta.url), { type: 'module', name: 'trainer' });
    worker.onmessage = (event: MessageEvent<unknown>) => this.arrive(event.data);
    worker.onmessageerror = () => console.error('A message from the trainer could not be read.');
    worker.onerror = (event: ErrorEvent) => {
      console.error('The trainer failed:', event.message);
      this.events.emit('notice', `The trainer failed: ${event.message || 'its script could not run'}`);
    };
    return { post: (command) => worker.postMessage(command), close: () => worker.terminate() };
  }

  private connectDesktop(connect: () => void): void {
    window.addEventListener('message', (event: MessageEvent<unknown>) => {
      // Only the preload, which posts from this very window to its own origin, may hand over a port.
      if (event.source !== window || event.origin !== location.origin) return;
      const message = desktopMessage(event.data);
      if (!message) return;
      if (message.type === TRAINER_LOST_MESSAGE) {
        this.host?.close();
        this.host = null;
        this.gone = true;
        this.events.emit('lost', message.reason);
        return;
      }
      const port = event.ports[0];
      if (!port || this.gone) return;
      const replacing = this.host !== null;
      port.onmessage = (portEvent: MessageEvent<unknown>) => this.arrive(portEvent.data);
      this.attach({ post: (command) => port.postMessage(command), close: () => port.close() });
      // Only a replacement loses calls in flight; a first port takes the backlog, so its calls go on.
      if (replacing) this.events.emit('restarted', message.notice ?? 'The trainer was restarted.');
      else if (message.notice) this.events.emit('notice', message.notice);
    });
    connect();
  }
}
