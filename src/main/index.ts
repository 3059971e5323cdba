/**
 * Electron's main process: thin by design. It serves the page (protocol.ts), builds the menu, opens the
 * hardened window (window.ts), answers the page's IPC (ipc.ts), leaves the trainer to trainer-link.ts, scenario
 * files to scenario-files.ts and the settings file to settings.ts.
 */
import { app, BrowserWindow, dialog, screen } from 'electron';
import path from 'node:path';
import { registerIpc, sendOpenScenario, sendSaveRequest } from './ipc';
import { installMenu, type FileMenuHandlers } from './menu';
import { devServerOrigin, hardenWebContents } from './navigation';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { addRecent, existingRecent, removeRecent } from './recent';
import { FileRequests } from './file-requests';
import { FileSaves } from './file-saves';
import { FrameFolders } from './frame-folders';
import { electronFolderDialog, electronSaveDialog, registerSaveIpc } from './save-ipc';
import { electronDialogs, ScenarioFiles, scenarioPathFromArgv } from './scenario-files';
import { loadSettings, SettingsStore, visibleBounds } from './settings';
import { claimSingleInstance } from './single-instance';
import { connectTrainer, disposeTrainer } from './trainer-link';
// electron-vite copies the PNG beside the built main and gives its path (the window's icon on Linux).
import windowIcon from '../../build/icons/256x256.png?asset';
import { createMainWindow } from './window';

// This file is emitted as out/main/index.js; the preload and the page are built beside it in out/.
const outDir = path.join(import.meta.dirname, '..');
// Only an unpackaged (development) app follows electron-vite's dev-server URL, and only to this machine: a
// packaged app must never load a page an environment variable points at.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const devOrigin = devServerOrigin(devServerUrl);
const isDev = !app.isPackaged;

// End-to-end tests give each launch its own settings folder; a packaged app never reads this variable. It
// must come first: the settings file and the single-instance lock both live in the userData folder.
if (isDev && process.env.DESCENT_LAB_USER_DATA) app.setPath('userData', process.env.DESCENT_LAB_USER_DATA);

// Both must happen before 'ready': privileged schemes are fixed at startup, and sandboxing every renderer
// covers any webContents created later, not just ours.
registerAppScheme();
app.enableSandbox();

// Any webContents, including ones nobody planned (a devtools extension, a future dialog), gets the same guards.
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, devOrigin));

let mainWindow: BrowserWindow | undefined;
let store: SettingsStore | undefined;
let files: ScenarioFiles | undefined;
// macOS delivers a double-clicked file with 'open-file', possibly before 'ready', possibly with no window open.
const fileRequests = new FileRequests({
  hasWindow: () => mainWindow !== undefined,
  openWindow: () => {
    if (store && files) openWindow(store, files, null);
  },
});
// A second launch hands its file to this lab and quits (before 'ready', so it never opens a window).
const isPrimary = claimSingleInstance(app, {
  isPackaged: app.isPackaged,
  argv: process.argv,
  cwd: process.cwd(),
  focus: () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  },
  open: (file) => fileRequests.open(file),
});
app.on('open-file', (event, file) => {
  event.preventDefault();
  fileRequests.open(file);
});

const fileMenu: FileMenuHandlers = {
  open: () => void files?.openDialog(),
  openRecent: (file) => void files?.open(file),
  clearRecent: () => {
    store?.update({ recent: [] });
    app.clearRecentDocuments();
    rebuildMenu();
  },
  save: (as) => void (mainWindow && sendSaveRequest(mainWindow, as)),
};

function rebuildMenu(): void {
  installMenu(isDev, () => mainWindow, fileMenu, store?.settings.recent ?? []);
}

function setRecent(recent: string[]): void {
  store?.update({ recent });
  rebuildMenu();
}

function openWindow(settings: SettingsStore, scenarioFiles: ScenarioFiles, notice: string | null): void {
  const win = createMainWindow({ outDir, devServerUrl, icon: windowIcon });
  restoreBounds(win, settings);
  let pageConnected = false;
  const onConnect = (window: BrowserWindow): void => {
    connectTrainer(window);
    if (pageConnected) return;
    pageConnected = true;
    // A file from the command line or the Finder wins; otherwise the experiment the user last had comes back.
    void scenarioFiles.pageConnected().then((opened) => {
      const text = settings.settings.lastScenario;
      if (!opened && text !== null) sendOpenScenario(window, { name: 'last experiment', text });
    });
  };
  const stopIpc = registerIpc(
    win,
    {
      connectTrainer: onConnect,
      saveScenario: (request) => scenarioFiles.save(request),
      rememberExperiment: (text) => settings.update({ lastScenario: text }),
      loadPreferences: () => settings.settings.preferences,
      rememberPreferences: (preferences) => settings.update({ preferences }),
    },
    { devOrigin },
  );
  // Exports, recordings and screenshots: main's dialog, then an atomic file (file-saves.ts says why).
  const saves = new FileSaves({ chooseSavePath: electronSaveDialog(() => mainWindow), defaultFolder: () => app.getPath('downloads') });
  // PNG sequences: main's folder dialog, then a temporary folder renamed at the end (frame-folders.ts).
  const folders = new FrameFolders({ chooseFolder: electronFolderDialog(() => mainWindow), defaultFolder: () => app.getPath('downloads') });
  const stopSaveIpc = registerSaveIpc(win, saves, folders, { devOrigin });
  // A reload or a navigation: the next page connects afresh and gets its experiment back; its half-written
  // files are abandoned (the new page cannot finish them).
  win.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) {
      pageConnected = false;
      scenarioFiles.pageGone();
      void saves.abortAll();
      void folders.abortAll();
    }
  });
  if (notice) {
    win.once('ready-to-show', () => void dialog.showMessageBox(win, { type: 'warning', title: 'Descent Lab', message: notice, buttons: ['OK'] }));
  }
  mainWindow = win;
  win.on('closed', () => {
    stopIpc();
    stopSaveIpc();
    void saves.abortAll();
    void folders.abortAll();
    disposeTrainer();
    scenarioFiles.pageGone();
    if (mainWindow === win) mainWindow = undefined;
  });
}

/** Puts the window where it was (on a display that still exists), and remembers where it goes. */
function restoreBounds(win: BrowserWindow, settings: SettingsStore): void {
  const saved = settings.settings.window;
  if (saved) {
    win.setBounds(visibleBounds(saved, screen.getDisplayMatching(saved).workArea));
    if (saved.maximized) win.once('ready-to-show', () => win.maximize());
  }
  const remember = (): void => {
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
    settings.update({ window: { ...win.getNormalBounds(), maximized: win.isMaximized() } });
  };
  win.on('resize', remember);
  win.on('move', remember);
  win.on('maximize', remember);
  win.on('unmaximize', remember);
  win.on('close', () => {
    remember();
    settings.flush();
  });
}

if (isPrimary)
  app.whenReady().then(
    () => {
      const { settings, notice } = loadSettings(app.getPath('userData'));
      const settingsStore = new SettingsStore(app.getPath('userData'), { ...settings, recent: existingRecent(settings.recent) });
      store = settingsStore;
      const scenarioFiles = new ScenarioFiles({
        dialogs: electronDialogs(() => mainWindow),
        send: (file) => (mainWindow ? sendOpenScenario(mainWindow, file) : false),
        remember: (file) => {
          app.addRecentDocument(file);
          settingsStore.update({ lastFile: file });
          setRecent(addRecent(settingsStore.settings.recent, file));
        },
        forget: (file) => setRecent(removeRecent(settingsStore.settings.recent, file)),
        lastFile: settings.lastFile,
      });
      files = scenarioFiles;

      handleAppProtocol(path.join(outDir, 'renderer'));
      rebuildMenu();
      openWindow(settingsStore, scenarioFiles, notice);
      // Opened once the page connects: a file double-clicked in the Finder, or named on the command line.
      const initial = fileRequests.ready(scenarioFiles) ?? scenarioPathFromArgv(process.argv, app.isPackaged);
      if (initial) void scenarioFiles.open(initial);
      // macOS keeps apps alive without windows; clicking the dock icon should bring one back.
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openWindow(settingsStore, scenarioFiles, null);
      });
    },
    (error: unknown) => {
      console.error('Descent Lab could not start:', error);
      app.exit(1);
    },
  );

// Settings changed in the last moment before quitting are written now, not lost with the debounce.
app.on('will-quit', () => store?.flush());

// Quit when the last window closes, except on macOS where apps conventionally stay in the dock.
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
