import { beforeEach, describe, expect, it, vi } from 'vitest';

// A stand-in for Electron's main-process API, recording what the window module asks of it.
const electron = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  const state = {
    windows: [] as FakeWindow[],
    permissionHandler: undefined as undefined | ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void),
  };
  class FakeWebContents {
    url = 'file:///app/out/renderer/index.html';
    listeners = new Map<string, Listener[]>();
    windowOpenHandler: undefined | ((details: unknown) => unknown);
    setWindowOpenHandler(handler: (details: unknown) => unknown): void {
      this.windowOpenHandler = handler;
    }
    on(event: string, listener: Listener): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    emit(event: string, ...args: unknown[]): void {
      for (const listener of this.listeners.get(event) ?? []) listener(...args);
    }
    getURL(): string {
      return this.url;
    }
  }
  class FakeWindow {
    webContents = new FakeWebContents();
    loadURL = vi.fn(async () => undefined);
    loadFile = vi.fn(async () => undefined);
    once = vi.fn();
    show = vi.fn();
    constructor(public options: { webPreferences: Record<string, unknown> } & Record<string, unknown>) {
      state.windows.push(this);
    }
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: vi.fn((handler: NonNullable<typeof state.permissionHandler>) => {
        state.permissionHandler = handler;
      }),
    },
  };
  return { state, FakeWindow, session };
});

vi.mock('electron', () => ({ BrowserWindow: electron.FakeWindow, session: electron.session }));

const { createMainWindow } = await import('./window');

function openWindow(rendererUrl?: string) {
  createMainWindow({ outDir: '/app/out', rendererUrl });
  const win = electron.state.windows.at(-1);
  if (!win) throw new Error('no BrowserWindow was created');
  return win;
}

function navigate(win: ReturnType<typeof openWindow>, url: string): boolean {
  const event = { url, preventDefault: vi.fn() };
  win.webContents.emit('will-navigate', event, url);
  return event.preventDefault.mock.calls.length > 0;
}

describe('createMainWindow', () => {
  beforeEach(() => {
    electron.state.windows.length = 0;
    electron.state.permissionHandler = undefined;
  });

  it('opens one 1280×800 window titled Descent Lab', () => {
    const win = openWindow();
    expect(electron.state.windows).toHaveLength(1);
    expect(win.options).toMatchObject({ width: 1280, height: 800, title: 'Descent Lab' });
  });

  it('isolates and sandboxes the page, without Node, with web security on', () => {
    const { webPreferences } = openWindow().options;
    expect(webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(webPreferences.preload).toMatch(/[\\/]preload[\\/]index\.cjs$/);
  });

  it('loads the built page from disk without a dev-server URL', () => {
    const win = openWindow();
    expect(win.loadFile).toHaveBeenCalledWith(expect.stringMatching(/[\\/]renderer[\\/]index\.html$/));
    expect(win.loadURL).not.toHaveBeenCalled();
  });

  it('loads the dev-server URL when given one', () => {
    const win = openWindow('http://localhost:5173/');
    expect(win.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    expect(win.loadFile).not.toHaveBeenCalled();
  });

  it('denies every window.open', () => {
    const handler = openWindow().webContents.windowOpenHandler;
    expect(handler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('prevents navigation to another URL', () => {
    const win = openWindow();
    expect(navigate(win, 'https://example.com/')).toBe(true);
    expect(navigate(win, 'file:///etc/passwd')).toBe(true);
  });

  it('lets the page reload its own URL', () => {
    const win = openWindow();
    expect(navigate(win, win.webContents.getURL())).toBe(false);
  });

  it('answers every permission request with false', () => {
    openWindow();
    const handler = electron.state.permissionHandler;
    expect(handler).toBeDefined();
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      handler?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
  });
});
