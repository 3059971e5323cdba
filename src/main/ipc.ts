/**
 * Main's side of the IPC contract in src/shared/desktop.ts. Every message is checked twice before it is acted
 * on: it must come from the main frame of our own window, showing our own page, and carry the expected payload.
 */
import { ipcMain, type BrowserWindow, type IpcMainEvent, type MessagePortMain } from 'electron';
import { ipcChannels } from '../shared/desktop';
import { isAppUrl } from './navigation';

/** What main does for each page → main message. */
export interface IpcHandlers {
  connectTrainer(window: BrowserWindow): void;
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
export function isTrustedSender(event: IpcMainEvent, window: BrowserWindow, devOrigin?: string): boolean {
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
  return () => {
    ipcMain.removeListener(ipcChannels.connectTrainer, onConnectTrainer);
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
