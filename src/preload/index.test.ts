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
      invoke: vi.fn(async () => ({ ok: true, name: 'saved.descent.json' })),
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
  electron.ipcRenderer.invoke.mockClear();
});

function deliver(channel: string, payload: unknown, ports: unknown[] = []): void {
  const listener = electron.listeners.get(channel);
  if (!listener) throw new Error(`no listener on ${channel}`);
  listener({ ports }, payload);
}

describe('the bridge', () => {
  it('exposes exactly platform, versions, connectTrainer, the file calls, the four save calls, the four PNG-sequence calls, Copy scenario, the two preference calls and the menu', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(Object.keys(exposed).sort()).toEqual([
      'abortFrames',
      'abortSave',
      'beginFrames',
      'beginSave',
      'connectTrainer',
      'copyScenario',
      'finishFrames',
      'finishSave',
      'loadPreferences',
      'onMenuCommand',
      'onOpenScenario',
      'onSaveRequest',
      'platform',
      'rememberExperiment',
      'rememberPreferences',
      'saveScenario',
      'versions',
      'writeFrame',
      'writeSave',
    ]);
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

  it('listens only on the trainer, file and menu channels', () => {
    expect([...electron.listeners.keys()].sort()).toEqual(
      [ipcChannels.trainerLost, ipcChannels.trainerPort, ipcChannels.openScenario, ipcChannels.saveRequest, ipcChannels.menuCommand].sort(),
    );
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

// These run in order: the first file arrives before the page has a listener.
describe('opened files', () => {
  const listener = vi.fn();
  const onOpenScenario = () => exposed.onOpenScenario as (listener: (file: unknown) => void) => void;

  it('keeps the latest file that arrives before the page listens, and hands it over when it does', () => {
    deliver(ipcChannels.openScenario, { name: 'first.json', text: '1' });
    deliver(ipcChannels.openScenario, { name: 'cli.descent.json', text: '{}' });
    onOpenScenario()(listener);
    expect(listener.mock.calls).toEqual([[{ name: 'cli.descent.json', text: '{}' }]]);
  });

  it('passes later files straight to the listener, copying only name and text', () => {
    listener.mockClear();
    deliver(ipcChannels.openScenario, { name: 'b.json', text: '{"a":1}', path: '/secret/b.json' });
    expect(listener.mock.calls).toEqual([[{ name: 'b.json', text: '{"a":1}' }]]);
  });

  it('drops malformed files', () => {
    listener.mockClear();
    for (const payload of [undefined, null, 'text', [], {}, { name: 'a' }, { text: '{}' }, { name: 1, text: '{}' }, { name: 'a', text: {} }]) {
      deliver(ipcChannels.openScenario, payload);
    }
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('saving', () => {
  it('passes save requests from the menu to the listener as a boolean', () => {
    const listener = vi.fn();
    (exposed.onSaveRequest as (listener: (as: boolean) => void) => void)(listener);
    deliver(ipcChannels.saveRequest, { as: false });
    deliver(ipcChannels.saveRequest, { as: true });
    for (const payload of [undefined, null, true, {}, { as: 'yes' }, { as: 1 }]) deliver(ipcChannels.saveRequest, payload);
    expect(listener.mock.calls).toEqual([[false], [true]]);
  });

  it('saveScenario invokes the save channel with exactly text and as', async () => {
    const save = exposed.saveScenario as (request: unknown) => Promise<unknown>;
    await expect(save({ text: '{}', as: true, extra: 'dropped' })).resolves.toEqual({ ok: true, name: 'saved.descent.json' });
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([[ipcChannels.saveScenario, { text: '{}', as: true }]]);
  });

  it('saveScenario refuses a malformed request without sending it', async () => {
    const save = exposed.saveScenario as (request: unknown) => Promise<unknown>;
    for (const request of [undefined, null, '{}', {}, { text: '{}' }, { text: 1, as: true }, { text: '{}', as: 'no' }]) {
      await expect(save(request)).resolves.toMatchObject({ ok: false });
    }
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('rememberExperiment sends a string, and nothing else', () => {
    const remember = exposed.rememberExperiment as (text: unknown) => void;
    remember('{"version":1}');
    for (const value of [undefined, null, 42, {}, ['{}']]) remember(value);
    expect(electron.ipcRenderer.send.mock.calls).toEqual([[ipcChannels.rememberExperiment, '{"version":1}']]);
  });

  it('loadPreferences asks main with no payload, whatever the page passes', async () => {
    await (exposed.loadPreferences as (...args: unknown[]) => Promise<unknown>)({ path: '/etc/passwd' });
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([[ipcChannels.loadPreferences]]);
  });

  it('rememberPreferences sends an object, and nothing else (main checks its shape)', () => {
    const remember = exposed.rememberPreferences as (preferences: unknown) => void;
    const preferences = { panel: { hidden: true, closedFolders: [] } };
    remember(preferences);
    for (const value of [undefined, null, 42, 'prefs', ['{}']]) remember(value);
    expect(electron.ipcRenderer.send.mock.calls).toEqual([[ipcChannels.rememberPreferences, preferences]]);
  });

  it('hands the page only the known menu commands', () => {
    const heard: unknown[] = [];
    (exposed.onMenuCommand as (listener: (command: unknown) => void) => void)((command) => heard.push(command));
    for (const payload of [{ command: 'help' }, { command: 'about' }, { command: 'alert(1)' }, { command: 7 }, 'help', null, {}])
      deliver(ipcChannels.menuCommand, payload);
    expect(heard).toEqual(['help', 'about']);
  });
});

describe('saving a file the page made', () => {
  it('sends only the expected fields, as fresh objects, on the save channels', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    await (exposed.beginSave as (r: unknown) => Promise<unknown>)({ name: 'a.csv', kind: 'csv', path: '/etc/passwd' });
    await (exposed.writeSave as (...a: unknown[]) => Promise<unknown>)(7, bytes);
    await (exposed.writeSave as (...a: unknown[]) => Promise<unknown>)(7, bytes, 40);
    await (exposed.finishSave as (id: unknown) => Promise<unknown>)(7);
    await (exposed.abortSave as (id: unknown) => Promise<unknown>)(8);
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      [ipcChannels.beginSave, { name: 'a.csv', kind: 'csv' }],
      [ipcChannels.writeSave, { id: 7, bytes }],
      [ipcChannels.writeSave, { id: 7, bytes, position: 40 }],
      [ipcChannels.finishSave, { id: 7 }],
      [ipcChannels.abortSave, { id: 8 }],
    ]);
  });

  it('answers a malformed call itself, without sending it', async () => {
    expect(await (exposed.beginSave as (r: unknown) => Promise<unknown>)('a.csv')).toMatchObject({ ok: false, cancelled: false });
    expect(await (exposed.writeSave as (...a: unknown[]) => Promise<unknown>)(7, 'text')).toMatchObject({ ok: false });
    expect(await (exposed.copyScenario as (t: unknown) => Promise<unknown>)({ text: 'x' })).toBe(false);
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('sends only the expected fields on the PNG-sequence channels, and answers a malformed call itself', async () => {
    const bytes = new Uint8Array([137, 80, 78, 71]);
    await (exposed.beginFrames as (r: unknown) => Promise<unknown>)({ name: 'run-frames', path: '/etc' });
    await (exposed.writeFrame as (...a: unknown[]) => Promise<unknown>)(3, 1, bytes, 'extra');
    await (exposed.finishFrames as (id: unknown) => Promise<unknown>)(3);
    await (exposed.abortFrames as (id: unknown) => Promise<unknown>)(4);
    expect(await (exposed.beginFrames as (r: unknown) => Promise<unknown>)('run-frames')).toMatchObject({ ok: false, cancelled: false });
    expect(await (exposed.writeFrame as (...a: unknown[]) => Promise<unknown>)(3, '1', bytes)).toMatchObject({ ok: false });
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      [ipcChannels.beginFrames, { name: 'run-frames' }],
      [ipcChannels.writeFrame, { id: 3, index: 1, bytes }],
      [ipcChannels.finishFrames, { id: 3 }],
      [ipcChannels.abortFrames, { id: 4 }],
    ]);
  });

  it('hands Copy scenario its text on the clipboard channel', async () => {
    await (exposed.copyScenario as (t: unknown) => Promise<unknown>)('{"version":1}');
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([[ipcChannels.copyScenario, '{"version":1}']]);
  });
});
