/**
 * Electron's main process: thin by design. It serves the page (protocol.ts), builds the menu, opens the
 * hardened window (window.ts), answers the page's IPC (ipc.ts) and leaves the trainer to trainer-link.ts.
 */
import { app, BrowserWindow } from 'electron';
import path from 'node:path';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { devServerOrigin, hardenWebContents } from './navigation';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { connectTrainer, disposeTrainer } from './trainer-link';
import { createMainWindow } from './window';

// This file is emitted as out/main/index.js; the preload and the page are built beside it in out/.
const outDir = path.join(import.meta.dirname, '..');
// Only an unpackaged (development) app follows electron-vite's dev-server URL, and only to this machine: a
// packaged app must never load a page an environment variable points at.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const devOrigin = devServerOrigin(devServerUrl);

// Both must happen before 'ready': privileged schemes are fixed at startup, and sandboxing every renderer
// covers any webContents created later, not just ours.
registerAppScheme();
app.enableSandbox();

// Any webContents, including ones nobody planned (a devtools extension, a future dialog), gets the same guards.
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, devOrigin));

let mainWindow: BrowserWindow | undefined;

function openWindow(): void {
  const win = createMainWindow({ outDir, devServerUrl });
  const stopIpc = registerIpc(win, { connectTrainer }, { devOrigin });
  mainWindow = win;
  win.on('closed', () => {
    stopIpc();
    disposeTrainer();
    if (mainWindow === win) mainWindow = undefined;
  });
}

app.whenReady().then(() => {
  handleAppProtocol(path.join(outDir, 'renderer'));
  installMenu(!app.isPackaged, () => mainWindow);
  openWindow();
  // macOS keeps apps alive without windows; clicking the dock icon should bring one back.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
}, (error: unknown) => {
  console.error('Descent Lab could not start:', error);
  app.exit(1);
});

// Quit when the last window closes, except on macOS where apps conventionally stay in the dock.
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
