/**
 * The lab's one window, locked down: the page gets no Node, runs sandboxed behind context isolation, and can
 * neither navigate away, open windows nor obtain permissions (camera, notifications…). It needs none of them.
 */
import { BrowserWindow, session } from 'electron';
import path from 'node:path';

export interface MainWindowOptions {
  /** The built app's folder (out/): holds preload/index.cjs and renderer/index.html. */
  readonly outDir: string;
  /** electron-vite's dev-server URL; when absent, the built page is loaded from disk. */
  readonly rendererUrl?: string;
}

/** Creates, hardens and loads the main window. */
export function createMainWindow({ outDir, rendererUrl }: MainWindowOptions): BrowserWindow {
  // Deny every permission request: a gradient-descent lab needs no device, notification or clipboard read.
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));

  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    title: 'Descent Lab',
    show: false,
    backgroundColor: '#0f1216',
    webPreferences: {
      preload: path.join(outDir, 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  // Show once painted, so the window does not flash white before the dark page arrives.
  win.once('ready-to-show', () => win.show());

  const { webContents } = win;
  // Popups (window.open, target=_blank) would be new, unhardened windows: refuse them all.
  webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // The page must never leave the app's own document (a link or a script could otherwise load a remote site
  // into a window that has our preload); a reload of the same URL stays allowed.
  webContents.on('will-navigate', (event) => {
    if (event.url !== webContents.getURL()) event.preventDefault();
  });

  if (rendererUrl) void win.loadURL(rendererUrl);
  else void win.loadFile(path.join(outDir, 'renderer', 'index.html'));
  return win;
}
