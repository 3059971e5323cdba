import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, IpcMainEvent, MessagePortMain } from 'electron';
import { ipcChannels } from '../shared/desktop';

// ipcMain as a recorder: which channels main listens on, and with what.
const electron = vi.hoisted(() => {
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  const handlers = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  const ipcMain = {
    handle: vi.fn((channel: string, handler: (...args: unknown[]) => Promise<unknown>) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
    }),
    removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((l) => l !== listener),
      );
    }),
  };
  return { ipcMain, listeners, handlers };
});
vi.mock('electron', () => ({ ipcMain: electron.ipcMain }));

const { isEmptyPayload, isSaveRequest, isTrustedSender, registerIpc, sendOpenScenario, sendSaveRequest, sendTrainerLost, sendTrainerPort } =
  await import('./ipc');
const { limits } = await import('../shared/limits');
const { defaultPreferences } = await import('../shared/preferences');

interface FakeFrame {
  processId: number;
  routingId: number;
  url: string;
}

function fakeWindow(processId = 4, routingId = 1, url = 'app://lab/index.html') {
  const mainFrame: FakeFrame = { processId, routingId, url };
  const webContents = { mainFrame, postMessage: vi.fn(), send: vi.fn() };
  let destroyed = false;
  const window = { webContents, isDestroyed: () => destroyed, destroy: () => (destroyed = true) };
  return { window, asWindow: window as unknown as BrowserWindow, webContents, mainFrame };
}

function eventFrom(sender: unknown, senderFrame: FakeFrame | null | undefined): IpcMainEvent {
  return { sender, senderFrame } as unknown as IpcMainEvent;
}

/** Sends `args` on `channel` as ipcRenderer.send would deliver them. */
function send(channel: string, event: IpcMainEvent, ...args: unknown[]): void {
  for (const listener of electron.listeners.get(channel) ?? []) listener(event, ...args);
}

describe('isTrustedSender', () => {
  it("trusts the main frame of our window's own webContents showing the app", () => {
    const ours = fakeWindow();
    expect(isTrustedSender(eventFrom(ours.webContents, ours.mainFrame), ours.asWindow)).toBe(true);
    // The same frame as another WebFrameMain object: compared by ids, not by identity.
    expect(isTrustedSender(eventFrom(ours.webContents, { ...ours.mainFrame }), ours.asWindow)).toBe(true);
  });

  it('refuses another webContents, even with the same ids', () => {
    const ours = fakeWindow();
    const other = fakeWindow();
    expect(isTrustedSender(eventFrom(other.webContents, other.mainFrame), ours.asWindow)).toBe(false);
  });

  it('refuses a subframe of our window', () => {
    const ours = fakeWindow();
    const subframe = { processId: 4, routingId: 2, url: 'app://lab/index.html' };
    expect(isTrustedSender(eventFrom(ours.webContents, subframe), ours.asWindow)).toBe(false);
    expect(isTrustedSender(eventFrom(ours.webContents, { ...subframe, processId: 5, routingId: 1 }), ours.asWindow)).toBe(false);
  });

  it('refuses our main frame once it shows another page', () => {
    for (const url of ['https://evil.com/', 'file:///etc/passwd', 'about:blank', 'data:text/html,x', 'http://localhost:5173/']) {
      const ours = fakeWindow(4, 1, url);
      expect(isTrustedSender(eventFrom(ours.webContents, ours.mainFrame), ours.asWindow), url).toBe(false);
    }
  });

  it('trusts the dev server only when told its origin', () => {
    const ours = fakeWindow(4, 1, 'http://localhost:5173/');
    expect(isTrustedSender(eventFrom(ours.webContents, ours.mainFrame), ours.asWindow, 'http://localhost:5173')).toBe(true);
  });

  it('refuses a missing or disposed sender frame, and a closed window', () => {
    const ours = fakeWindow();
    expect(isTrustedSender(eventFrom(ours.webContents, null), ours.asWindow)).toBe(false);
    expect(isTrustedSender(eventFrom(ours.webContents, undefined), ours.asWindow)).toBe(false);
    const disposed = eventFrom(ours.webContents, null);
    Object.defineProperty(disposed, 'senderFrame', {
      get: () => {
        throw new Error('Render frame was disposed');
      },
    });
    expect(isTrustedSender(disposed, ours.asWindow)).toBe(false);
    ours.window.destroy();
    expect(isTrustedSender(eventFrom(ours.webContents, ours.mainFrame), ours.asWindow)).toBe(false);
  });
});

describe('isEmptyPayload', () => {
  it('accepts nothing, or an empty plain object', () => {
    expect(isEmptyPayload(undefined)).toBe(true);
    expect(isEmptyPayload({})).toBe(true);
    expect(isEmptyPayload(Object.create(null))).toBe(true);
  });

  it('refuses anything else', () => {
    const malformed: unknown[] = [
      null,
      0,
      1,
      Number.NaN,
      '',
      'connect',
      true,
      false,
      10n,
      Symbol('x'),
      () => undefined,
      [],
      [1],
      { a: 1 },
      { notice: null },
      { __proto__: { polluted: true } },
      JSON.parse('{"__proto__":{"polluted":true}}'),
      { [Symbol('hidden')]: 1 },
      Object.defineProperty({}, 'hidden', { value: 1, enumerable: false }),
      new Date(0),
      new Map(),
      new Uint8Array(1),
    ];
    for (const payload of malformed) expect(isEmptyPayload(payload), String(payload)).toBe(false);
  });
});

describe('registerIpc', () => {
  const connectTrainer = vi.fn();
  const warn = vi.fn();

  beforeEach(() => {
    electron.listeners.clear();
    connectTrainer.mockClear();
    warn.mockClear();
  });

  it(`listens on ${ipcChannels.connectTrainer} and connects the trusted page`, () => {
    const ours = fakeWindow();
    registerIpc(ours.asWindow, { connectTrainer }, { warn });
    send(ipcChannels.connectTrainer, eventFrom(ours.webContents, ours.mainFrame));
    send(ipcChannels.connectTrainer, eventFrom(ours.webContents, ours.mainFrame), {});
    expect(connectTrainer).toHaveBeenCalledTimes(2);
    expect(connectTrainer).toHaveBeenCalledWith(ours.window);
    expect(warn).not.toHaveBeenCalled();
  });

  it('refuses foreign senders without calling the handler, and says so once', () => {
    const ours = fakeWindow();
    const other = fakeWindow();
    registerIpc(ours.asWindow, { connectTrainer }, { warn });
    send(ipcChannels.connectTrainer, eventFrom(other.webContents, other.mainFrame));
    send(ipcChannels.connectTrainer, eventFrom(ours.webContents, { processId: 4, routingId: 9, url: 'app://lab/' }));
    send(ipcChannels.connectTrainer, eventFrom(ours.webContents, { processId: 4, routingId: 1, url: 'https://evil.com/' }));
    send(ipcChannels.connectTrainer, eventFrom(ours.webContents, null));
    expect(connectTrainer).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('refuses malformed payloads from the trusted page, without throwing', () => {
    const ours = fakeWindow();
    registerIpc(ours.asWindow, { connectTrainer }, { warn });
    const event = eventFrom(ours.webContents, ours.mainFrame);
    for (const payload of [42, 'connect', null, [], ['x'], { extra: 1 }, { __proto__: { x: 1 } }, JSON.parse('{"__proto__":1}')]) {
      expect(() => send(ipcChannels.connectTrainer, event, payload)).not.toThrow();
    }
    expect(() => send(ipcChannels.connectTrainer, event, undefined, 'second argument')).not.toThrow();
    expect(connectTrainer).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/payload/);
  });

  it('stops listening when disposed', () => {
    const ours = fakeWindow();
    const stop = registerIpc(ours.asWindow, { connectTrainer }, { warn });
    stop();
    send(ipcChannels.connectTrainer, eventFrom(ours.webContents, ours.mainFrame));
    expect(connectTrainer).not.toHaveBeenCalled();
  });
});

describe('sending to the page', () => {
  const port = () => ({ close: vi.fn() }) as unknown as MessagePortMain & { close: ReturnType<typeof vi.fn> };

  it('hands over a trainer port with its notice', () => {
    const ours = fakeWindow();
    const trainerPort = port();
    expect(sendTrainerPort(ours.asWindow, trainerPort, null)).toBe(true);
    expect(ours.webContents.postMessage).toHaveBeenCalledWith(ipcChannels.trainerPort, { notice: null }, [trainerPort]);
    sendTrainerPort(ours.asWindow, trainerPort, 'restarted');
    expect(ours.webContents.postMessage).toHaveBeenLastCalledWith(ipcChannels.trainerPort, { notice: 'restarted' }, [trainerPort]);
  });

  it('closes the port instead when the window is gone', () => {
    const ours = fakeWindow();
    ours.window.destroy();
    const trainerPort = port();
    expect(sendTrainerPort(ours.asWindow, trainerPort, null)).toBe(false);
    expect(trainerPort.close).toHaveBeenCalled();
    expect(ours.webContents.postMessage).not.toHaveBeenCalled();
  });

  it('tells the page the trainer is lost', () => {
    const ours = fakeWindow();
    expect(sendTrainerLost(ours.asWindow, 'crashed three times')).toBe(true);
    expect(ours.webContents.send).toHaveBeenCalledWith(ipcChannels.trainerLost, { reason: 'crashed three times' });
    ours.window.destroy();
    expect(sendTrainerLost(ours.asWindow, 'again')).toBe(false);
  });
});

describe('the file channels', () => {
  const connectTrainer = vi.fn();
  const saveScenario = vi.fn(async () => ({ ok: true as const, name: 'a.descent.json' }));
  const rememberExperiment = vi.fn();
  const warn = vi.fn();
  const over = 'x'.repeat(limits.maxScenarioBytes + 1);
  // Under the cap in characters, over it in UTF-8 bytes.
  const overInBytes = 'é'.repeat(limits.maxScenarioBytes / 2 + 1);
  const malformedRequests: unknown[] = [
    undefined,
    null,
    42,
    'text',
    [],
    {},
    { text: '{}' },
    { as: true },
    { text: 42, as: false },
    { text: '{}', as: 'yes' },
    { text: '{}', as: false, extra: 1 },
    { text: over, as: false },
    { text: overInBytes, as: true },
    JSON.parse('{"text":"{}","as":false,"__proto__":{"polluted":true}}'),
    Object.assign(Object.create({ inherited: 1 }), { text: '{}', as: false }),
    { text: '{}', as: false, [Symbol('hidden')]: 1 },
    new Map<string, unknown>([
      ['text', '{}'],
      ['as', false],
    ]),
  ];

  beforeEach(() => {
    electron.listeners.clear();
    electron.handlers.clear();
    vi.clearAllMocks();
  });

  const invoke = (channel: string, event: IpcMainEvent, ...args: unknown[]) => {
    const handler = electron.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, ...args);
  };

  it('isSaveRequest accepts exactly { text, as }', () => {
    expect(isSaveRequest({ text: '{}', as: false })).toBe(true);
    expect(isSaveRequest({ as: true, text: 'x'.repeat(limits.maxScenarioBytes) })).toBe(true);
    for (const payload of malformedRequests) expect(isSaveRequest(payload), String(payload)).toBe(false);
  });

  it(`${ipcChannels.saveScenario}: passes a checked copy of the trusted page's request and returns the result`, async () => {
    const ours = fakeWindow();
    registerIpc(ours.asWindow, { connectTrainer, saveScenario, rememberExperiment }, { warn });
    await expect(invoke(ipcChannels.saveScenario, eventFrom(ours.webContents, ours.mainFrame), { text: '{"a":1}', as: true })).resolves.toEqual({
      ok: true,
      name: 'a.descent.json',
    });
    expect(saveScenario).toHaveBeenCalledWith({ text: '{"a":1}', as: true });
    expect(warn).not.toHaveBeenCalled();
  });

  it(`${ipcChannels.saveScenario}: answers foreign senders with a refusal, without saving`, async () => {
    const ours = fakeWindow();
    const other = fakeWindow();
    registerIpc(ours.asWindow, { connectTrainer, saveScenario }, { warn });
    for (const event of [
      eventFrom(other.webContents, other.mainFrame),
      eventFrom(ours.webContents, { processId: 4, routingId: 7, url: 'app://lab/' }),
      eventFrom(ours.webContents, { processId: 4, routingId: 1, url: 'https://evil.com/' }),
    ]) {
      await expect(invoke(ipcChannels.saveScenario, event, { text: '{}', as: false })).resolves.toEqual({
        ok: false,
        reason: expect.stringMatching(/^Refused: /),
      });
    }
    expect(saveScenario).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it(`${ipcChannels.saveScenario}: answers malformed payloads with a refusal, without saving`, async () => {
    const ours = fakeWindow();
    registerIpc(ours.asWindow, { connectTrainer, saveScenario }, { warn });
    const event = eventFrom(ours.webContents, ours.mainFrame);
    for (const payload of malformedRequests) {
      await expect(invoke(ipcChannels.saveScenario, event, payload), String(payload)).resolves.toEqual({
        ok: false,
        reason: expect.stringMatching(/^Refused: a save request must be/),
      });
    }
    await expect(invoke(ipcChannels.saveScenario, event, { text: '{}', as: false }, 'second')).resolves.toMatchObject({ ok: false });
    await expect(invoke(ipcChannels.saveScenario, event)).resolves.toMatchObject({ ok: false });
    expect(saveScenario).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it(`${ipcChannels.rememberExperiment}: stores the trusted page's scenario text`, () => {
    const ours = fakeWindow();
    registerIpc(ours.asWindow, { connectTrainer, rememberExperiment }, { warn });
    send(ipcChannels.rememberExperiment, eventFrom(ours.webContents, ours.mainFrame), '{"version":1}');
    expect(rememberExperiment).toHaveBeenCalledWith('{"version":1}');
  });

  it(`${ipcChannels.rememberExperiment}: refuses foreign senders and anything but one string under the cap`, () => {
    const ours = fakeWindow();
    const other = fakeWindow();
    registerIpc(ours.asWindow, { connectTrainer, rememberExperiment }, { warn });
    send(ipcChannels.rememberExperiment, eventFrom(other.webContents, other.mainFrame), '{}');
    send(ipcChannels.rememberExperiment, eventFrom(ours.webContents, null), '{}');
    const event = eventFrom(ours.webContents, ours.mainFrame);
    for (const payload of [undefined, null, 42, {}, ['{}'], { text: '{}' }, over, overInBytes]) {
      expect(() => send(ipcChannels.rememberExperiment, event, payload)).not.toThrow();
    }
    send(ipcChannels.rememberExperiment, event, '{}', 'second');
    expect(rememberExperiment).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(2); // one foreign, one malformed
  });

  it('registers the file channels only with their handlers, and removes them when disposed', () => {
    const ours = fakeWindow();
    registerIpc(ours.asWindow, { connectTrainer }, { warn });
    expect(electron.handlers.has(ipcChannels.saveScenario)).toBe(false);
    expect(electron.listeners.get(ipcChannels.rememberExperiment) ?? []).toEqual([]);
    electron.listeners.clear();
    const stop = registerIpc(ours.asWindow, { connectTrainer, saveScenario, rememberExperiment }, { warn });
    stop();
    expect(electron.handlers.has(ipcChannels.saveScenario)).toBe(false);
    expect(electron.listeners.get(ipcChannels.rememberExperiment)).toEqual([]);
    // A second window's registration after the first closed does not collide.
    expect(() => registerIpc(ours.asWindow, { connectTrainer, saveScenario }, { warn })).not.toThrow();
  });

  it('sends opened files and save requests to the page', () => {
    const ours = fakeWindow();
    expect(sendOpenScenario(ours.asWindow, { name: 'a.json', text: '{}' })).toBe(true);
    expect(ours.webContents.send).toHaveBeenCalledWith(ipcChannels.openScenario, { name: 'a.json', text: '{}' });
    expect(sendSaveRequest(ours.asWindow, true)).toBe(true);
    expect(ours.webContents.send).toHaveBeenLastCalledWith(ipcChannels.saveRequest, { as: true });
    ours.window.destroy();
    expect(sendOpenScenario(ours.asWindow, { name: 'a.json', text: '{}' })).toBe(false);
    expect(sendSaveRequest(ours.asWindow, false)).toBe(false);
  });
});

describe('the preference channels', () => {
  const connectTrainer = vi.fn();
  const warn = vi.fn();
  const kept = defaultPreferences();
  const loadPreferences = vi.fn(() => kept);
  const rememberPreferences = vi.fn();

  beforeEach(() => {
    electron.listeners.clear();
    electron.handlers.clear();
    vi.clearAllMocks();
  });

  it(`${ipcChannels.loadPreferences}: answers the trusted page with what main kept, and others with null`, async () => {
    const ours = fakeWindow();
    const other = fakeWindow();
    registerIpc(ours.asWindow, { connectTrainer, loadPreferences }, { warn });
    const handler = electron.handlers.get(ipcChannels.loadPreferences)!;
    // ipcMain.handle wraps a plain return value in a promise for the page; the handler itself answers at once.
    expect(await handler(eventFrom(ours.webContents, ours.mainFrame))).toBe(kept);
    expect(await handler(eventFrom(other.webContents, other.mainFrame))).toBeNull();
    expect(await handler(eventFrom(ours.webContents, ours.mainFrame), { path: '/etc/passwd' })).toBeNull();
    expect(loadPreferences).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it(`${ipcChannels.rememberPreferences}: keeps a checked copy of valid preferences from the trusted page only`, () => {
    const ours = fakeWindow();
    const other = fakeWindow();
    registerIpc(ours.asWindow, { connectTrainer, rememberPreferences }, { warn });
    const event = eventFrom(ours.webContents, ours.mainFrame);
    const valid = { ...kept, panel: { hidden: true, closedFolders: ['Optimizer'] } };
    send(ipcChannels.rememberPreferences, event, valid);
    expect(rememberPreferences).toHaveBeenCalledWith(valid);
    expect(rememberPreferences.mock.calls[0][0]).not.toBe(valid);
    send(ipcChannels.rememberPreferences, eventFrom(other.webContents, other.mainFrame), valid);
    const malformed: unknown[] = [
      undefined,
      null,
      'prefs',
      [],
      {},
      { panel: kept.panel },
      { ...kept, extra: 1 },
      { ...kept, recording: { ...kept.recording, fps: 1000 } },
      { ...kept, panel: { hidden: true, closedFolders: ['x'.repeat(101)] } },
    ];
    for (const payload of malformed) expect(() => send(ipcChannels.rememberPreferences, event, payload)).not.toThrow();
    send(ipcChannels.rememberPreferences, event, valid, 'second');
    expect(rememberPreferences).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(2); // one foreign, one malformed
  });
});
