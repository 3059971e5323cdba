/**
 * The native menu: File (open, recent, save) and the usual roles with their usual shortcuts, so reload, zoom,
 * full screen and copy/paste in the panel's text fields work as on any desktop app. Help and About open the
 * page's own dialogs (the keys, the presets, the bundled libraries' licences). `menuTemplate` is pure, hence
 * testable.
 */
import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { sendMenuCommand } from './ipc';

export const APP_NAME = 'Descent Lab';

/** What the File menu does; main wires these to scenario-files.ts and the page. */
export interface FileMenuHandlers {
  open(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  /** Asks the page to save: to its file (Save) or to a new name (Save As, `as` true). */
  save(as: boolean): void;
}

export interface MenuHandlers extends FileMenuHandlers {
  /** Shows the About dialog: the version and the bundled libraries' licences. */
  showAbout(): void;
  /** Shows the help: the controls, the keys, what each preset teaches. */
  showHelp(): void;
}

/** A path as a menu label: '&' would otherwise mark a keyboard mnemonic on Windows and Linux. */
export function menuLabel(path: string): string {
  return path.replaceAll('&', '&&');
}

/** File › Open Recent: the list (most recent first), then Clear. */
export function recentSubmenu(recent: readonly string[], handlers: FileMenuHandlers): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = recent.length
    ? recent.map((path) => ({ label: menuLabel(path), click: () => handlers.openRecent(path) }))
    : [{ label: 'No recent files', enabled: false }];
  return [...items, { type: 'separator' }, { label: 'Clear Recent', enabled: recent.length > 0, click: () => handlers.clearRecent() }];
}

/**
 * The application menu for `platform`, with `recent` under File › Open Recent; the developer tools appear only
 * when `isDev`.
 */
export function menuTemplate(platform: NodeJS.Platform, handlers: MenuHandlers, isDev = false, recent: readonly string[] = []): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const template: MenuItemConstructorOptions[] = [];
  const fileItems: MenuItemConstructorOptions[] = [
    { label: '&Open…', accelerator: 'CmdOrCtrl+O', click: () => handlers.open() },
    { label: 'Open &Recent', submenu: recentSubmenu(recent, handlers) },
    separator,
    { label: '&Save', accelerator: 'CmdOrCtrl+S', click: () => handlers.save(false) },
    { label: 'Save &As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => handlers.save(true) },
  ];

  if (mac) {
    template.push({
      label: APP_NAME,
      submenu: [
        // Not the native panel: ours also lists the bundled libraries and their licences.
        { label: `About ${APP_NAME}`, click: () => handlers.showAbout() },
        separator,
        { role: 'services' },
        separator,
        { role: 'hide', accelerator: 'Cmd+H' },
        { role: 'hideOthers', accelerator: 'Alt+Cmd+H' },
        { role: 'unhide' },
        separator,
        { role: 'quit', accelerator: 'Cmd+Q' },
      ],
    });
    template.push({ label: '&File', submenu: fileItems });
  } else {
    template.push({ label: '&File', submenu: [...fileItems, separator, { role: 'quit', accelerator: 'Ctrl+Q' }] });
  }

  // Without an Edit menu, macOS has no copy/paste shortcuts in text fields.
  template.push({
    label: '&Edit',
    submenu: [
      { role: 'undo', accelerator: 'CmdOrCtrl+Z' },
      { role: 'redo', accelerator: mac ? 'Shift+Cmd+Z' : 'Ctrl+Y' },
      separator,
      { role: 'cut', accelerator: 'CmdOrCtrl+X' },
      { role: 'copy', accelerator: 'CmdOrCtrl+C' },
      { role: 'paste', accelerator: 'CmdOrCtrl+V' },
      { role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
    ],
  });

  template.push({
    label: '&View',
    submenu: [
      { role: 'reload', accelerator: 'CmdOrCtrl+R' },
      { role: 'forceReload', accelerator: 'Shift+CmdOrCtrl+R' },
      ...(isDev ? [{ role: 'toggleDevTools', accelerator: mac ? 'Alt+Cmd+I' : 'Ctrl+Shift+I' } as const] : []),
      separator,
      { role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
      { role: 'zoomIn', accelerator: 'CmdOrCtrl+Plus' },
      { role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
      separator,
      { role: 'togglefullscreen', accelerator: mac ? 'Ctrl+Cmd+F' : 'F11' },
    ],
  });

  template.push({
    label: '&Window',
    submenu: [{ role: 'minimize', accelerator: 'CmdOrCtrl+M' }, ...(mac ? [{ role: 'zoom' } as const] : []), { role: 'close', accelerator: 'CmdOrCtrl+W' }],
  });

  const helpItem: MenuItemConstructorOptions = { label: `${APP_NAME} &Help`, accelerator: 'F1', click: () => handlers.showHelp() };
  template.push({
    label: '&Help',
    role: 'help',
    // macOS has About in the app menu; elsewhere it closes the Help menu.
    submenu: mac ? [helpItem] : [helpItem, separator, { label: `&About ${APP_NAME}`, click: () => handlers.showAbout() }],
  });
  return template;
}

/** The About box's text: name, version and the runtime's versions. */
export function aboutDetail(version: string, versions: NodeJS.ProcessVersions): string {
  return [`Version ${version}`, `Electron ${versions.electron}`, `Chrome ${versions.chrome}`, `Node ${versions.node}`].join('\n');
}

/**
 * Installs the menu (again whenever the recent files change); `getWindow` gives the window whose page shows
 * Help and About. Without a page to show it in, About falls back to the native box.
 */
export function installMenu(isDev: boolean, getWindow: () => BrowserWindow | undefined, files: FileMenuHandlers, recent: readonly string[] = []): void {
  const nativeAbout = (): void => {
    const options = {
      type: 'info' as const,
      title: `About ${APP_NAME}`,
      message: APP_NAME,
      detail: aboutDetail(app.getVersion(), process.versions),
      buttons: ['OK'],
    };
    const window = getWindow();
    void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
  };
  const showAbout = (): void => {
    if (!sendMenuCommand(getWindow(), 'about')) nativeAbout();
  };
  const showHelp = (): void => void sendMenuCommand(getWindow(), 'help');
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, { ...files, showAbout, showHelp }, isDev, recent)));
}
