import { beforeEach, describe, expect, it, vi } from 'vitest';

// A stand-in for Electron's main-process API, recording what the window module asks of it.
const electron = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  const state = { windows: [] as FakeWindow[] };
  class FakeWebContents {
    listeners = new Map<string, Listener[]>();
    windowOpenHandler: undefined | ((details: unknown) => unknown);
    setWindowOpenHandler(handler: (details: unknown) => unknown): void {
      this.windowOpenHandler = handler;
    }
    on(event: string, listener: Listener): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    /** Emits a navigation-style event; returns whether a listener prevented it. */
    emit(event: string, url: string): boolean {
      const details = { url, preventDefault: vi.fn() };
      for (const listener of this.listeners.get(event) ?? []) listener(details, url);
      return details.preventDefault.mock.calls.length > 0;
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
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    },
  };
  return { state, FakeWindow, session };
});

vi.mock('electron', () => ({ BrowserWindow: electron.FakeWindow, session: electron.session }));

const { createMainWindow } = await import('./window');

function openWindow(devServerUrl?: string) {
  createMainWindow({ outDir: '/app/out', devServerUrl });
  const win = electron.state.windows.at(-1);
  if (!win) throw new Error('no BrowserWindow was created');
  return win;
}

describe('createMainWindow', () => {
  beforeEach(() => {
    electron.state.windows.length = 0;
    vi.clearAllMocks();
  });

  it('opens one 1280×800 window titled Descent Lab', () => {
    const win = openWindow();
    expect(electron.state.windows).toHaveLength(1);
    expect(win.options).toMatchObject({ width: 1280, height: 800, title: 'Descent Lab' });
  });

  it("uses exactly Electron's secure webPreferences", () => {
    const { webPreferences } = openWindow().options;
    expect(webPreferences).toEqual({
      preload: expect.stringMatching(/[\\/]app[\\/]out[\\/]preload[\\/]index\.cjs$/),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    });
  });

  it('gives the window the app icon on Linux only (macOS and Windows take the bundle’s or the executable’s)', () => {
    const options = (platform: NodeJS.Platform) => {
      electron.state.windows.length = 0;
      createMainWindow({ outDir: '/app/out', icon: '/app/out/main/256x256.png', platform });
      return electron.state.windows[0].options;
    };
    expect(options('linux').icon).toBe('/app/out/main/256x256.png');
    expect(options('darwin')).not.toHaveProperty('icon');
    expect(options('win32')).not.toHaveProperty('icon');
  });

  it('loads the built page from app://lab, never from disk', () => {
    const win = openWindow();
    expect(win.loadURL).toHaveBeenCalledWith('app://lab/index.html');
    expect(win.loadFile).not.toHaveBeenCalled();
  });

  it('loads the dev-server URL when given a local one', () => {
    const win = openWindow('http://localhost:5173/');
    expect(win.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
  });

  it('ignores a dev-server URL that is not http on this machine', () => {
    for (const url of ['https://evil.com/', 'http://evil.com:5173/', 'file:///tmp/index.html']) {
      expect(openWindow(url).loadURL, url).toHaveBeenCalledWith('app://lab/index.html');
    }
  });

  it('denies every window.open', () => {
    const handler = openWindow().webContents.windowOpenHandler;
    for (const url of ['https://example.com/', 'app://lab/index.html']) expect(handler?.({ url })).toEqual({ action: 'deny' });
  });

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s: stays on the app', (event) => {
    const win = openWindow();
    expect(win.webContents.emit(event, 'https://example.com/')).toBe(true);
    expect(win.webContents.emit(event, 'file:///etc/passwd')).toBe(true);
    expect(win.webContents.emit(event, 'http://localhost:5173/')).toBe(true);
    expect(win.webContents.emit(event, 'app://lab/index.html')).toBe(false);
  });

  it('in development also allows the dev server, and only it', () => {
    const win = openWindow('http://localhost:5173/');
    expect(win.webContents.emit('will-navigate', 'http://localhost:5173/')).toBe(false);
    expect(win.webContents.emit('will-navigate', 'http://localhost:5174/')).toBe(true);
  });

  it('denies <webview>', () => {
    const win = openWindow();
    const event = { preventDefault: vi.fn() };
    for (const listener of win.webContents.listeners.get('will-attach-webview') ?? []) listener(event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('answers every permission request, check and device request with false', () => {
    openWindow();
    const { setPermissionRequestHandler, setPermissionCheckHandler, setDevicePermissionHandler } = electron.session.defaultSession;
    const request = setPermissionRequestHandler.mock.calls[0]?.[0] as (wc: unknown, permission: string, callback: (granted: boolean) => void) => void;
    const check = setPermissionCheckHandler.mock.calls[0]?.[0] as (wc: unknown, permission: string) => boolean;
    const device = setDevicePermissionHandler.mock.calls[0]?.[0] as (details: unknown) => boolean;
    // fileSystem and clipboard-sanitized-write too: the page saves and copies through main (file-saves.ts).
    for (const permission of [
      'media',
      'notifications',
      'geolocation',
      'clipboard-read',
      'clipboard-sanitized-write',
      'fileSystem',
      'fullscreen',
      'openExternal',
      'hid',
      'serial',
      'usb',
    ]) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(check({}, permission), permission).toBe(false);
    }
    expect(device({ deviceType: 'usb', origin: 'app://lab' })).toBe(false);
  });
});
