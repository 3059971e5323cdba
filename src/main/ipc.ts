/**
 * Main's side of the IPC contract in src/shared/desktop.ts. Every message is checked twice before it is acted
 * on: it must come from the main frame of our own window, showing our own page, and carry the expected payload.
 */
import { ipcMain, type BrowserWindow, type IpcMainEvent, type IpcMainInvokeEvent, type MessagePortMain } from 'electron';
import { ipcChannels, type MenuCommand, type OpenedFile, type SaveRequest, type SaveResult } from '../shared/desktop';
import { limits } from '../shared/limits';
import { preferencesSchema, type Preferences } from '../shared/preferences';
import { isAppUrl } from './navigation';

/** What main does for each page → main message; a channel without a handler is not listened on. */
export interface IpcHandlers {
  connectTrainer(window: BrowserWindow): void;
  /** The page's answer to File › Save / Save As (payload already checked). */
  saveScenario?(request: SaveRequest): Promise<SaveResult>;
  /** The experiment as it stands, as scenario JSON (payload already checked). */
  rememberExperiment?(scenarioText: string): void;
  /** The page's stored preferences, or null. */
  loadPreferences?(): Preferences | null;
  /** The page's preferences as they now stand (payload already checked against the schema). */
  rememberPreferences?(preferences: Preferences): void;
}

export interface IpcOptions {
  /** The dev server's origin in development (its pages are then ours too); undefined when packaged. */
  readonly devOrigin?: string;
  /** Where refusals are reported; console.warn by default. */
  readonly warn?: (message: string) => void;
}

/**
 * True when `event` was sent by the main frame of `window`'s own webContents while it shows an app page:
 * not another window, not an iframe, not a frame that navigated elsewhere, not a frame already gone.
 */
export function isTrustedSender(event: IpcMainEvent | IpcMainInvokeEvent, window: BrowserWindow, devOrigin?: string): boolean {
  try {
    if (window.isDestroyed() || event.sender !== window.webContents) return false;
    const frame = event.senderFrame;
    const main = window.webContents.mainFrame;
    if (!frame || !main) return false;
    // WebFrameMain objects are compared by their ids: the same frame may be represented by another object.
    if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
    return isAppUrl(frame.url, devOrigin);
  } catch {
    // Reading a frame that was disposed mid-navigation throws: such a sender is not trusted.
    return false;
  }
}

/** `connectTrainer` takes no payload: nothing at all, or an empty plain object. */
export function isEmptyPayload(payload: unknown): boolean {
  if (payload === undefined) return true;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return false;
  const prototype = Object.getPrototypeOf(payload) as unknown;
  return (prototype === Object.prototype || prototype === null) && Reflect.ownKeys(payload).length === 0;
}

/** Scenario text within the size cap (counted in UTF-8 bytes, as in a file). */
export function isScenarioText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= limits.maxScenarioBytes && Buffer.byteLength(value, 'utf8') <= limits.maxScenarioBytes;
}

/** `saveScenario`'s payload: a plain object with exactly `text` (scenario text) and `as` (a boolean). */
export function isSaveRequest(payload: unknown): payload is SaveRequest {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return false;
  const prototype = Object.getPrototypeOf(payload) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return false;
  const keys = Reflect.ownKeys(payload);
  if (keys.length !== 2 || !keys.includes('text') || !keys.includes('as')) return false;
  const { text, as } = payload as Record<string, unknown>;
  return typeof as === 'boolean' && isScenarioText(text);
}

/**
 * Listens for the page's messages on behalf of `window`; returns the function that stops listening (call it
 * when the window closes). A refused message is dropped, never thrown on, and each kind of refusal is
 * reported once, so a misbehaving page cannot flood the log.
 */
export function registerIpc(window: BrowserWindow, handlers: IpcHandlers, options: IpcOptions = {}): () => void {
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const reported = new Set<string>();
  const refuse = (reason: string): void => {
    if (reported.has(reason)) return;
    reported.add(reason);
    warn(`Descent Lab refused an IPC message: ${reason}`);
  };

  const onConnectTrainer = (event: IpcMainEvent, ...args: unknown[]): void => {
    if (!isTrustedSender(event, window, options.devOrigin)) return refuse(`${ipcChannels.connectTrainer} from a foreign sender`);
    if (args.length > 1 || !isEmptyPayload(args[0])) return refuse(`${ipcChannels.connectTrainer} with a payload`);
    handlers.connectTrainer(window);
  };
  ipcMain.on(ipcChannels.connectTrainer, onConnectTrainer);
  const stops: (() => void)[] = [() => ipcMain.removeListener(ipcChannels.connectTrainer, onConnectTrainer)];

  const { saveScenario, rememberExperiment, loadPreferences, rememberPreferences } = handlers;
  if (saveScenario) {
    // An invoke always gets an answer, so the page never waits on a refused request.
    ipcMain.handle(ipcChannels.saveScenario, async (event, ...args: unknown[]): Promise<SaveResult> => {
      if (!isTrustedSender(event, window, options.devOrigin)) {
        refuse(`${ipcChannels.saveScenario} from a foreign sender`);
        return { ok: false, reason: 'Refused: the request did not come from the Descent Lab page.' };
      }
      const request = args[0];
      if (args.length !== 1 || !isSaveRequest(request)) {
        refuse(`${ipcChannels.saveScenario} with a malformed payload`);
        return { ok: false, reason: `Refused: a save request must be { text, as } with text under ${limits.maxScenarioBytes / 1048576} MiB.` };
      }
      // A copy of exactly the checked fields: nothing else of the page's object goes further.
      return saveScenario({ text: request.text, as: request.as });
    });
    stops.push(() => ipcMain.removeHandler(ipcChannels.saveScenario));
  }
  if (rememberExperiment) {
    const onRemember = (event: IpcMainEvent, ...args: unknown[]): void => {
      if (!isTrustedSender(event, window, options.devOrigin)) return refuse(`${ipcChannels.rememberExperiment} from a foreign sender`);
      if (args.length !== 1 || !isScenarioText(args[0])) return refuse(`${ipcChannels.rememberExperiment} with a malformed payload`);
      rememberExperiment(args[0]);
    };
    ipcMain.on(ipcChannels.rememberExperiment, onRemember);
    stops.push(() => ipcMain.removeListener(ipcChannels.rememberExperiment, onRemember));
  }
  if (loadPreferences) {
    ipcMain.handle(ipcChannels.loadPreferences, (event, ...args: unknown[]): Preferences | null => {
      if (!isTrustedSender(event, window, options.devOrigin)) {
        refuse(`${ipcChannels.loadPreferences} from a foreign sender`);
        return null;
      }
      if (args.length > 1 || !isEmptyPayload(args[0])) {
        refuse(`${ipcChannels.loadPreferences} with a payload`);
        return null;
      }
      return loadPreferences();
    });
    stops.push(() => ipcMain.removeHandler(ipcChannels.loadPreferences));
  }
  if (rememberPreferences) {
    const onRemember = (event: IpcMainEvent, ...args: unknown[]): void => {
      if (!isTrustedSender(event, window, options.devOrigin)) return refuse(`${ipcChannels.rememberPreferences} from a foreign sender`);
      // The schema is strict and its strings short: what passes is small, and a fresh object.
      const parsed = args.length === 1 ? preferencesSchema.safeParse(args[0]) : null;
      if (!parsed?.success) return refuse(`${ipcChannels.rememberPreferences} with a malformed payload`);
      rememberPreferences(parsed.data);
    };
    ipcMain.on(ipcChannels.rememberPreferences, onRemember);
    stops.push(() => ipcMain.removeListener(ipcChannels.rememberPreferences, onRemember));
  }
  return () => {
    for (const stop of stops) stop();
  };
}

/**
 * Hands the page one end of a channel to the trainer (the preload relays it to the page); `notice` is shown
 * after a restart, null on first connect. Returns false, and closes the port, when the window is gone.
 */
export function sendTrainerPort(window: BrowserWindow, port: MessagePortMain, notice: string | null): boolean {
  if (window.isDestroyed()) {
    port.close();
    return false;
  }
  window.webContents.postMessage(ipcChannels.trainerPort, { notice }, [port]);
  return true;
}

/** Tells the page the trainer is gone for good (`reason` is shown to the user). */
export function sendTrainerLost(window: BrowserWindow, reason: string): boolean {
  if (window.isDestroyed()) return false;
  window.webContents.send(ipcChannels.trainerLost, { reason });
  return true;
}

/** Hands the page a scenario file to load (it validates it and shows any problem). */
export function sendOpenScenario(window: BrowserWindow, file: OpenedFile): boolean {
  if (window.isDestroyed()) return false;
  window.webContents.send(ipcChannels.openScenario, { name: file.name, text: file.text });
  return true;
}

/** Asks the page to save (File › Save, or Save As when `as`); it answers on saveScenario. */
export function sendSaveRequest(window: BrowserWindow, as: boolean): boolean {
  if (window.isDestroyed()) return false;
  window.webContents.send(ipcChannels.saveRequest, { as });
  return true;
}

/** Asks the page to open one of its dialogs (Help, About); false when there is no page to ask. */
export function sendMenuCommand(window: BrowserWindow | undefined, command: MenuCommand): boolean {
  if (!window || window.isDestroyed() || window.webContents.isLoading()) return false;
  window.webContents.send(ipcChannels.menuCommand, { command });
  return true;
}
