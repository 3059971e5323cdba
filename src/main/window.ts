/**
 * The lab's one window, locked down: the page gets no Node, runs sandboxed behind context isolation, is served
 * from app://lab (never a remote origin), can neither navigate away, open windows nor attach webviews, and
 * obtains no permission (camera, notifications…). It needs none of them.
 */
import { BrowserWindow, session, type Session, type WebPreferences } from 'electron';
import path from 'node:path';
import { APP_ENTRY_URL, devServerOrigin, hardenWebContents } from './navigation';

export interface MainWindowOptions {
  /** The built app's folder (out/): holds preload/index.cjs. */
  readonly outDir: string;
  /**
   * A PNG of the app's icon for the window on Linux, where the window manager takes the icon from the window
   * (macOS and Windows take the app bundle's or the executable's).
   */
  readonly icon?: string;
  readonly platform?: NodeJS.Platform;
  /**
   * electron-vite's dev-server URL (development only); ignored unless it is http on this machine
   * (navigation.devServerOrigin). Without it the built page is loaded from app://lab.
   */
  readonly devServerUrl?: string;
}

/** Electron's security checklist, as webPreferences (https://www.electronjs.org/docs/latest/tutorial/security). */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
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
  };
}

/** Refuses every permission, whether the page asks (request) or merely probes (check), and every device. */
export function denyAllPermissions(ses: Session): void {
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

/** Creates, hardens and loads the main window. */
export function createMainWindow({ outDir, devServerUrl, icon, platform = process.platform }: MainWindowOptions): BrowserWindow {
  const devOrigin = devServerOrigin(devServerUrl);
  denyAllPermissions(session.defaultSession);

  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    title: 'Descent Lab',
    show: false,
    backgroundColor: '#0f1216',
    ...(platform === 'linux' && icon ? { icon } : {}),
    webPreferences: secureWebPreferences(path.join(outDir, 'preload', 'index.cjs')),
  });
  // Show once painted, so the window does not flash white before the dark page arrives.
  win.once('ready-to-show', () => win.show());
  hardenWebContents(win.webContents, devOrigin);

  void win.loadURL(devOrigin && devServerUrl ? devServerUrl : APP_ENTRY_URL);
  return win;
}
