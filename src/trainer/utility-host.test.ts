/** The trainer's end of the utility process without Electron: the host (./utility-host.ts) against a fake parentPort and page port. */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { findPreset } from '../shared/presets';
import { startUtilityHost, type PagePort } from './utility-host';

class FakePort extends EventEmitter implements PagePort {
  sent: unknown[] = [];
  started = false;
  closed = false;
  postMessage(message: unknown) {
    this.sent.push(message);
  }
  start() {
    this.started = true;
  }
  close() {
    this.closed = true;
  }
  /** What the other end would send. */
  send(data: unknown, ports: unknown[] = []) {
    this.emit('message', { data, ports });
  }
  types() {
    return this.sent.map((m) => (m as { type: string }).type);
  }
}

describe('startUtilityHost', () => {
  const scenario = findPreset('bowl')!.scenario;

  it('answers control pings on the control channel, and a page’s pings on the page’s port', async () => {
    const control = new FakePort();
    const page = new FakePort();
    const trainer = startUtilityHost(control);
    control.send({ type: 'connect' }, [page]);
    expect(page.started).toBe(true);
    control.send({ type: 'ping', id: 1 });
    page.send({ type: 'ping', id: 2 });
    await trainer.idle();
    expect(control.sent).toEqual([{ type: 'pong', id: 1 }]);
    expect(page.sent).toEqual([{ type: 'pong', id: 2 }]);
  });

  it('sends the page’s events to the page and checkpoints to the supervisor', async () => {
    const control = new FakePort();
    const page = new FakePort();
    const trainer = startUtilityHost(control);
    control.send({ type: 'connect' }, [page]);
    page.send({ type: 'load', scenario });
    page.send({ type: 'request-frame' });
    await trainer.idle();
    // After `loaded`, how many threads step the cloud (one here: no pool was given), then the frame asked for.
    expect(page.types()).toEqual(['loaded', 'threads', 'frame']);
    expect((page.sent[2] as { positions: unknown }).positions).toBeInstanceOf(Uint16Array);
    expect(control.types()).toEqual(['checkpoint']);
  });

  it('keeps what the trainer says before a page connects (a replayed load) and delivers it on connect', async () => {
    const control = new FakePort();
    const trainer = startUtilityHost(control);
    control.send({ type: 'load', scenario });
    control.send({ type: 'speed', stepsPerFrame: 3 });
    await trainer.idle();
    expect(control.types()).toEqual(['checkpoint', 'checkpoint']);
    const page = new FakePort();
    control.send({ type: 'connect' }, [page]);
    expect(page.types()).toEqual(['loaded', 'threads']);
  });

  it('drops a frame built with no page to take it (stale, and its arrays are reused), keeping the rest', async () => {
    const control = new FakePort();
    const trainer = startUtilityHost(control);
    control.send({ type: 'load', scenario });
    control.send({ type: 'request-frame' });
    await trainer.idle();
    const page = new FakePort();
    control.send({ type: 'connect' }, [page]);
    expect(page.types()).toEqual(['loaded', 'threads']);
  });

  it('switches to a newer page port and closes the old one', async () => {
    const control = new FakePort();
    const [first, second] = [new FakePort(), new FakePort()];
    const trainer = startUtilityHost(control);
    control.send({ type: 'connect' }, [first]);
    control.send({ type: 'connect' }, [second]);
    first.send({ type: 'ping', id: 1 }); // a late message from the closed port is not answered
    second.send({ type: 'ping', id: 2 });
    await trainer.idle();
    expect(first.closed).toBe(true);
    expect(first.sent).toEqual([]);
    expect(second.sent).toEqual([{ type: 'pong', id: 2 }]);
  });
});
