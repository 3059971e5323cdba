/**
 * Electron's main process: thin by design. It opens the window (./window.ts) and follows the platform's
 * conventions for quitting; the trainer's utility process is started here from the next issue on.
 */
import { app, BrowserWindow } from 'electron';
import path from 'node:path';
import { createMainWindow } from './window';

// This file is emitted as out/main/index.js; the preload and the page are built beside it in out/.
const outDir = path.join(import.meta.dirname, '..');

function openWindow(): void {
  // Only an unpackaged (development) app follows electron-vite's dev-server URL: a packaged app must never
  // load a page an environment variable points at.
  const rendererUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  createMainWindow({ outDir, rendererUrl });
}

app.whenReady().then(() => {
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
