/**
 * The page's saves and its Copy scenario, on main's side: each message must come from our window's main frame
 * showing our page (ipc.ts isTrustedSender) and match its zod schema (src/shared/saving.ts) before anything
 * happens; a refused one gets an answer that says so, never a throw, so the page never waits.
 */
import { BrowserWindow, clipboard, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { ipcChannels } from '../shared/desktop';
import { beginFramesSchema, endFramesSchema, writeFrameSchema, type BeginFramesResult } from '../shared/frame-folders';
import { beginSaveSchema, endSaveSchema, saveKinds, writeSaveSchema, type BeginSaveResult, type SaveKind, type SaveStepResult } from '../shared/saving';
import type { ChooseSavePath, FileSaves } from './file-saves';
import type { ChooseFolder, FrameFolders } from './frame-folders';
import { isScenarioText, isTrustedSender, type IpcOptions } from './ipc';
import { refusal } from './scenario-files';

/** Electron's save dialog, attached to `window`, filtered to the kind's extension; null when cancelled. */
export function electronSaveDialog(getWindow: () => BrowserWindow | undefined): ChooseSavePath {
  return async (defaultPath: string, kind: SaveKind) => {
    const { description, extension } = saveKinds[kind];
    const options = {
      title: 'Save',
      defaultPath,
      filters: [{ name: description, extensions: [extension] }],
      properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
    };
    const window = getWindow();
    const result = await (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options));
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}

/** Electron's folder dialog for a PNG sequence, attached to `window`, with New Folder; null when cancelled. */
export function electronFolderDialog(getWindow: () => BrowserWindow | undefined): ChooseFolder {
  return async (defaultPath: string) => {
    const options = {
      title: 'Choose a folder for the frames',
      buttonLabel: 'Save frames here',
      defaultPath,
      properties: ['openDirectory' as const, 'createDirectory' as const],
    };
    const window = getWindow();
    const result = await (window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options));
    return result.canceled || result.filePaths.length !== 1 ? null : result.filePaths[0];
  };
}

/**
 * Answers the save channels, the PNG-sequence channels and Copy scenario for `window`, with `saves` and
 * `folders` as that window's files. Returns the function that stops answering (call it when the window
 * closes, after `saves.abortAll()` and `folders.abortAll()`).
 */
export function registerSaveIpc(window: BrowserWindow, saves: FileSaves, folders: FrameFolders, options: IpcOptions = {}): () => void {
  const warn = options.warn ?? ((text: string) => console.warn(text));
  const reported = new Set<string>();
  const refuse = (reason: string): void => {
    if (reported.has(reason)) return;
    reported.add(reason);
    warn(`Descent Lab refused an IPC message: ${reason}`);
  };
  const channels: string[] = [];

  /** One invoke channel: sender checked, exactly one argument parsed by `schema`, else `refused`. */
  function handle<S extends z.ZodType, R>(channel: string, schema: S, refused: (why: string) => R, act: (payload: z.output<S>) => Promise<R>): void {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<R> => {
      if (!isTrustedSender(event, window, options.devOrigin)) {
        refuse(`${channel} from a foreign sender`);
        return refused('Refused: the request did not come from the Descent Lab page.');
      }
      const parsed = args.length === 1 ? schema.safeParse(args[0]) : null;
      if (!parsed?.success) {
        refuse(`${channel} with a malformed payload`);
        return refused(`Refused: a malformed ${channel} request.`);
      }
      return act(parsed.data);
    });
    channels.push(channel);
  }

  const stepRefused = (reason: string): SaveStepResult => ({ ok: false, reason });
  handle(
    ipcChannels.beginSave,
    beginSaveSchema,
    (reason): BeginSaveResult => ({ ok: false, cancelled: false, reason }),
    (request) => saves.begin(request),
  );
  handle(ipcChannels.writeSave, writeSaveSchema, stepRefused, (request) => saves.write(request));
  handle(ipcChannels.finishSave, endSaveSchema, stepRefused, ({ id }) => saves.finish(id));
  handle(ipcChannels.abortSave, endSaveSchema, stepRefused, ({ id }) => saves.abort(id));
  handle(
    ipcChannels.beginFrames,
    beginFramesSchema,
    (reason): BeginFramesResult => ({ ok: false, cancelled: false, reason }),
    (request) => folders.begin(request),
  );
  handle(ipcChannels.writeFrame, writeFrameSchema, stepRefused, (request) => folders.write(request));
  handle(ipcChannels.finishFrames, endFramesSchema, stepRefused, ({ id }) => folders.finish(id));
  handle(ipcChannels.abortFrames, endFramesSchema, stepRefused, ({ id }) => folders.abort(id));
  // Only a valid scenario goes on the clipboard: the page cannot use this to write arbitrary text.
  ipcMain.handle(ipcChannels.copyScenario, async (event, ...args: unknown[]): Promise<boolean> => {
    if (!isTrustedSender(event, window, options.devOrigin)) {
      refuse(`${ipcChannels.copyScenario} from a foreign sender`);
      return false;
    }
    const text = args[0];
    if (args.length !== 1 || !isScenarioText(text) || refusal(text) !== null) {
      refuse(`${ipcChannels.copyScenario} with a malformed payload`);
      return false;
    }
    clipboard.writeText(text);
    return true;
  });
  channels.push(ipcChannels.copyScenario);

  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
