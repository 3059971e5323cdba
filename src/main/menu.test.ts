import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

const electron = vi.hoisted(() => ({
  ipcMain: {},
  app: { getVersion: vi.fn(() => '0.1.0') },
  dialog: { showMessageBox: vi.fn(async () => ({ response: 0 })) },
  Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
}));
vi.mock('electron', () => electron);

const { aboutDetail, installMenu, menuLabel, menuTemplate } = await import('./menu');
const { ipcChannels } = await import('../shared/desktop');

const showAbout = vi.fn();
const showHelp = vi.fn();
const files = { open: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn(), save: vi.fn() };
const handlers = { ...files, showAbout, showHelp };

/** Every item of a template, submenus included. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}
const byRole = (template: MenuItemConstructorOptions[], role: string) => items(template).filter((item) => item.role === role);
const roles = (template: MenuItemConstructorOptions[]) =>
  new Set(
    items(template)
      .map((item) => item.role)
      .filter(Boolean),
  );
const topLabels = (template: MenuItemConstructorOptions[]) => template.map((item) => item.label?.replace('&', ''));

describe('menuTemplate', () => {
  it.each(['darwin', 'win32', 'linux'] as const)('%s: View has reload, zoom and full screen with their shortcuts', (platform) => {
    const template = menuTemplate(platform, handlers);
    const expected: Record<string, string> = {
      reload: 'CmdOrCtrl+R',
      forceReload: 'Shift+CmdOrCtrl+R',
      resetZoom: 'CmdOrCtrl+0',
      zoomIn: 'CmdOrCtrl+Plus',
      zoomOut: 'CmdOrCtrl+-',
      togglefullscreen: platform === 'darwin' ? 'Ctrl+Cmd+F' : 'F11',
      minimize: 'CmdOrCtrl+M',
      close: 'CmdOrCtrl+W',
      copy: 'CmdOrCtrl+C',
      paste: 'CmdOrCtrl+V',
    };
    for (const [role, accelerator] of Object.entries(expected)) {
      expect(
        byRole(template, role).map((item) => item.accelerator),
        role,
      ).toEqual([accelerator]);
    }
  });

  it('on macOS starts with the app menu: about, hide, quit', () => {
    const [appMenu] = menuTemplate('darwin', handlers);
    const submenu = appMenu?.submenu as MenuItemConstructorOptions[];
    expect(appMenu?.label).toBe('Descent Lab');
    expect(submenu[0]?.label).toBe('About Descent Lab');
    expect(submenu.map((item) => item.role).filter(Boolean)).toEqual(['services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(byRole([appMenu!], 'quit')[0]?.accelerator).toBe('Cmd+Q');
    expect(topLabels(menuTemplate('darwin', handlers))).toEqual(['Descent Lab', 'File', 'Edit', 'View', 'Window', 'Help']);
  });

  it.each(['win32', 'linux'] as const)('%s: File → Quit instead of an app menu', (platform) => {
    const template = menuTemplate(platform, handlers);
    expect(topLabels(template)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(byRole(template, 'quit')).toEqual([{ role: 'quit', accelerator: 'Ctrl+Q' }]);
    expect(roles(template).has('hide')).toBe(false);
  });

  it('has no developer tools outside development', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect(roles(menuTemplate(platform, handlers)).has('toggleDevTools')).toBe(false);
      expect(roles(menuTemplate(platform, handlers, false)).has('toggleDevTools')).toBe(false);
    }
  });

  it('offers the developer tools in development', () => {
    expect(byRole(menuTemplate('linux', handlers, true), 'toggleDevTools')[0]?.accelerator).toBe('Ctrl+Shift+I');
    expect(byRole(menuTemplate('darwin', handlers, true), 'toggleDevTools')[0]?.accelerator).toBe('Alt+Cmd+I');
  });

  it.each(['darwin', 'win32', 'linux'] as const)('%s: Help → Descent Lab Help (F1) calls the help handler', (platform) => {
    const handler = vi.fn();
    const help = menuTemplate(platform, { ...handlers, showHelp: handler }).at(-1);
    expect(help?.role).toBe('help');
    const [item] = help?.submenu as MenuItemConstructorOptions[];
    expect(item?.label?.replace('&', '')).toBe('Descent Lab Help');
    expect(item?.accelerator).toBe('F1');
    (item?.click as () => void)();
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('macOS: About, in the app menu, calls the about handler rather than the native panel', () => {
    const handler = vi.fn();
    const template = menuTemplate('darwin', { ...handlers, showAbout: handler });
    expect(roles(template).has('about')).toBe(false);
    ((template[0]?.submenu as MenuItemConstructorOptions[])[0]?.click as () => void)();
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it.each(['win32', 'linux'] as const)('%s: Help → About calls the about handler', (platform) => {
    const handler = vi.fn();
    const about = (menuTemplate(platform, { ...handlers, showAbout: handler }).at(-1)?.submenu as MenuItemConstructorOptions[]).at(-1);
    expect(about?.label?.replace('&', '')).toBe('About Descent Lab');
    expect(about?.role).toBeUndefined();
    (about?.click as () => void)();
    expect(handler).toHaveBeenCalledTimes(1);
  });
});

describe('the File menu', () => {
  const fileMenu = (platform: NodeJS.Platform, recent: string[] = []) =>
    menuTemplate(platform, handlers, false, recent).find((item) => item.label === '&File')?.submenu as MenuItemConstructorOptions[];
  const labelled = (submenu: MenuItemConstructorOptions[], label: string) => submenu.find((item) => item.label === label);

  it.each(['darwin', 'win32', 'linux'] as const)('%s: Open, Open Recent, Save and Save As with their shortcuts', (platform) => {
    const submenu = fileMenu(platform);
    expect(submenu.map((item) => item.label ?? item.role ?? item.type)).toEqual([
      '&Open…',
      'Open &Recent',
      'separator',
      '&Save',
      'Save &As…',
      ...(platform === 'darwin' ? [] : ['separator', 'quit']),
    ]);
    expect(labelled(submenu, '&Open…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(labelled(submenu, '&Save')?.accelerator).toBe('CmdOrCtrl+S');
    expect(labelled(submenu, 'Save &As…')?.accelerator).toBe('CmdOrCtrl+Shift+S');
  });

  it('Open calls open; Save and Save As ask the page to save, Save As with as = true', () => {
    vi.clearAllMocks();
    const submenu = fileMenu('linux');
    (labelled(submenu, '&Open…')?.click as () => void)();
    (labelled(submenu, '&Save')?.click as () => void)();
    (labelled(submenu, 'Save &As…')?.click as () => void)();
    expect(files.open).toHaveBeenCalledTimes(1);
    expect(files.save.mock.calls).toEqual([[false], [true]]);
  });

  it('Open Recent lists the files, most recent first, then Clear', () => {
    vi.clearAllMocks();
    const recent = labelled(fileMenu('win32', ['C:\\b&w.descent.json', 'C:\\a.descent.json']), 'Open &Recent')?.submenu as MenuItemConstructorOptions[];
    expect(recent.map((item) => item.label ?? item.type)).toEqual(['C:\\b&&w.descent.json', 'C:\\a.descent.json', 'separator', 'Clear Recent']);
    (recent[1]?.click as () => void)();
    expect(files.openRecent).toHaveBeenCalledWith('C:\\a.descent.json');
    expect(recent.at(-1)?.enabled).toBe(true);
    (recent.at(-1)?.click as () => void)();
    expect(files.clearRecent).toHaveBeenCalledTimes(1);
  });

  it('Open Recent says when there is nothing to open', () => {
    const recent = labelled(fileMenu('darwin'), 'Open &Recent')?.submenu as MenuItemConstructorOptions[];
    expect(recent.map((item) => [item.label ?? item.type, item.enabled])).toEqual([
      ['No recent files', false],
      ['separator', undefined],
      ['Clear Recent', false],
    ]);
  });

  it('escapes & in paths so it is not taken for a mnemonic', () => {
    expect(menuLabel('/home/r&d/a.json')).toBe('/home/r&&d/a.json');
  });
});

describe('the About box', () => {
  it('names the version and the Electron, Chrome and Node versions', () => {
    const detail = aboutDetail('0.1.0', { electron: '45.4.1', chrome: '152.0.1', node: '24.1.0' } as NodeJS.ProcessVersions);
    expect(detail.split('\n')).toEqual(['Version 0.1.0', 'Electron 45.4.1', 'Chrome 152.0.1', 'Node 24.1.0']);
  });

  /** The installed menu's item with this label (whichever menu the platform running the test puts it in). */
  function installedItem(label: string): () => void {
    const template = electron.Menu.buildFromTemplate.mock.calls.at(-1)?.[0] as MenuItemConstructorOptions[];
    const item = items(template).find((entry) => entry.label?.replace('&', '') === label);
    return item?.click as () => void;
  }
  const pageWindow = (loading = false) => ({ isDestroyed: () => false, webContents: { isLoading: () => loading, send: vi.fn() } });

  it('asks the page to open its About dialog on the menu-command channel', () => {
    vi.clearAllMocks();
    const window = pageWindow();
    installMenu(false, () => window as never, files);
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    installedItem('About Descent Lab')();
    expect(window.webContents.send.mock.calls).toEqual([[ipcChannels.menuCommand, { command: 'about' }]]);
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('asks the page for its help on Help → Descent Lab Help', () => {
    vi.clearAllMocks();
    const window = pageWindow();
    installMenu(false, () => window as never, files);
    installedItem('Descent Lab Help')();
    expect(window.webContents.send.mock.calls).toEqual([[ipcChannels.menuCommand, { command: 'help' }]]);
  });

  it('falls back to the native box, for the window, while the page is loading', async () => {
    vi.clearAllMocks();
    const window = pageWindow(true);
    installMenu(false, () => window as never, files);
    installedItem('About Descent Lab')();
    await vi.waitFor(() => expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1));
    expect(window.webContents.send).not.toHaveBeenCalled();
    expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ message: 'Descent Lab', detail: expect.stringContaining('Version 0.1.0') }),
    );
  });

  it('falls back to the native box without a window', async () => {
    vi.clearAllMocks();
    installMenu(false, () => undefined, files);
    installedItem('About Descent Lab')();
    await vi.waitFor(() => expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1));
  });
});
