import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannels, TRAINER_LOST_MESSAGE, TRAINER_PORT_MESSAGE } from '../shared/desktop';

// The two modules a sandboxed preload may use, recorded; and a page window reduced to what the preload touches.
const electron = vi.hoisted(() => {
  const listeners = new Map<string, (event: { ports: unknown[] }, ...args: unknown[]) => void>();
  return {
    listeners,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: {
      send: vi.fn(),
      on: vi.fn((channel: string, listener: (event: { ports: unknown[] }, ...args: unknown[]) => void) => {
        listeners.set(channel, listener);
      }),
    },
  };
});
vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

const page = { location: { origin: 'app://lab' }, postMessage: vi.fn() };
let exposed: Record<string, unknown>;

beforeAll(async () => {
  vi.stubGlobal('window', page);
  await import('./index');
  const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
  expect(name).toBe('descentDesktop');
  exposed = api as Record<string, unknown>;
});

beforeEach(() => {
  page.postMessage.mockClear();
  electron.ipcRenderer.send.mockClear();
});

function deliver(channel: string, payload: unknown, ports: unknown[] = []): void {
  const listener = electron.listeners.get(channel);
  if (!listener) throw new Error(`no listener on ${channel}`);
  listener({ ports }, payload);
}

describe('the bridge', () => {
  it('exposes exactly platform, versions and connectTrainer', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(Object.keys(exposed).sort()).toEqual(['connectTrainer', 'platform', 'versions']);
    expect(exposed.platform).toBe(process.platform);
    expect(exposed.versions).toEqual({ electron: process.versions.electron });
    expect(typeof exposed.connectTrainer).toBe('function');
  });

  it('is frozen, so nothing can be added to what crosses the bridge', () => {
    expect(Object.isFrozen(exposed)).toBe(true);
    expect(Object.isFrozen(exposed.versions)).toBe(true);
  });

  it('connectTrainer sends on the connect channel with no payload, whatever the page passes', () => {
    const connect = exposed.connectTrainer as (...args: unknown[]) => void;
    connect();
    connect({ evil: true }, 'extra');
    expect(electron.ipcRenderer.send.mock.calls).toEqual([[ipcChannels.connectTrainer], [ipcChannels.connectTrainer]]);
  });

  it('listens only on the trainer channels', () => {
    expect([...electron.listeners.keys()].sort()).toEqual([ipcChannels.trainerLost, ipcChannels.trainerPort].sort());
  });
});

describe('relaying the trainer port', () => {
  it("posts the port to the page's own origin, with its notice", () => {
    const port = { name: 'port' };
    deliver(ipcChannels.trainerPort, { notice: null }, [port]);
    deliver(ipcChannels.trainerPort, { notice: 'The trainer was restarted.' }, [port]);
    expect(page.postMessage.mock.calls).toEqual([
      [{ type: TRAINER_PORT_MESSAGE, notice: null }, 'app://lab', [port]],
      [{ type: TRAINER_PORT_MESSAGE, notice: 'The trainer was restarted.' }, 'app://lab', [port]],
    ]);
  });

  it('copies only the notice, never other fields of the payload', () => {
    deliver(ipcChannels.trainerPort, { notice: null, type: 'something-else', extra: 1 }, [{}]);
    expect(page.postMessage.mock.calls[0]?.[0]).toEqual({ type: TRAINER_PORT_MESSAGE, notice: null });
  });

  it('drops malformed payloads and messages without exactly one port', () => {
    for (const payload of [undefined, null, 42, 'notice', [], {}, { notice: 42 }, { notice: {} }, { notice: ['x'] }]) {
      deliver(ipcChannels.trainerPort, payload, [{}]);
    }
    deliver(ipcChannels.trainerPort, { notice: null }, []);
    deliver(ipcChannels.trainerPort, { notice: null }, [{}, {}]);
    expect(page.postMessage).not.toHaveBeenCalled();
  });
});

describe('relaying the loss of the trainer', () => {
  it("posts the reason to the page's own origin, without ports", () => {
    deliver(ipcChannels.trainerLost, { reason: 'crashed three times' });
    expect(page.postMessage).toHaveBeenCalledWith({ type: TRAINER_LOST_MESSAGE, reason: 'crashed three times' }, 'app://lab');
  });

  it('drops malformed payloads', () => {
    for (const payload of [undefined, null, 42, 'reason', [], {}, { reason: 42 }, { reason: null }]) deliver(ipcChannels.trainerLost, payload);
    expect(page.postMessage).not.toHaveBeenCalled();
  });
});
