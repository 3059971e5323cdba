/**
 * The sandboxed preload (emitted as CommonJS: a sandboxed preload cannot be an ES module). The page gets a few
 * read-only facts and a few typed calls on fixed channels, never ipcRenderer itself; the trainer's port, which
 * cannot cross contextBridge, is relayed with window.postMessage to the page's own origin.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  ipcChannels,
  isMenuCommand,
  type MenuCommand,
  TRAINER_LOST_MESSAGE,
  TRAINER_PORT_MESSAGE,
  type DesktopBridge,
  type OpenedFile,
  type SaveRequest,
  type SaveResult,
  type TrainerLostMessage,
  type TrainerPortMessage,
} from '../shared/desktop';
import type { Preferences } from '../shared/preferences';
import type { BeginFrames, BeginFramesResult } from '../shared/frame-folders';
import type { BeginSave, BeginSaveResult, SaveStepResult } from '../shared/saving';

// The node tsconfig has no DOM library; these are the only page globals the preload touches.
declare const window: {
  readonly location: { readonly origin: string };
  postMessage(message: unknown, targetOrigin: string, transfer?: readonly unknown[]): void;
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// A file can arrive before the page listens (a file given on the command line): the latest one waits for it.
let openListener: ((file: OpenedFile) => void) | null = null;
let waitingFile: OpenedFile | null = null;
let saveListener: ((as: boolean) => void) | null = null;
let menuListener: ((command: MenuCommand) => void) | null = null;

const bridge: DesktopBridge = Object.freeze({
  platform: process.platform,
  versions: Object.freeze({ electron: process.versions.electron }),
  // No parameters on purpose: whatever the page passes stays in the page.
  connectTrainer: () => ipcRenderer.send(ipcChannels.connectTrainer),
  onOpenScenario: (listener: (file: OpenedFile) => void) => {
    if (typeof listener !== 'function') return;
    openListener = listener;
    const file = waitingFile;
    waitingFile = null;
    if (file) listener(file);
  },
  onSaveRequest: (listener: (as: boolean) => void) => {
    if (typeof listener === 'function') saveListener = listener;
  },
  saveScenario: (request: SaveRequest): Promise<SaveResult> => {
    // Only the two fields, checked: main checks them again.
    if (!isRecord(request) || typeof request.text !== 'string' || typeof request.as !== 'boolean') {
      return Promise.resolve({ ok: false, reason: 'A save request needs { text: string, as: boolean }.' });
    }
    return ipcRenderer.invoke(ipcChannels.saveScenario, { text: request.text, as: request.as }) as Promise<SaveResult>;
  },
  rememberExperiment: (scenarioText: string) => {
    if (typeof scenarioText === 'string') ipcRenderer.send(ipcChannels.rememberExperiment, scenarioText);
  },
  // No parameters: main answers with what it kept, the page checks it against the schema.
  loadPreferences: (): Promise<unknown> => ipcRenderer.invoke(ipcChannels.loadPreferences) as Promise<unknown>,
  rememberPreferences: (preferences: Preferences) => {
    // Structured clone drops anything but data; main checks the shape against the schema.
    if (isRecord(preferences)) ipcRenderer.send(ipcChannels.rememberPreferences, preferences);
  },
  onMenuCommand: (listener: (command: MenuCommand) => void) => {
    if (typeof listener === 'function') menuListener = listener;
  },
  // Saves: fresh objects of the expected fields only; main checks each against its schema.
  beginSave: (request: BeginSave): Promise<BeginSaveResult> => {
    if (!isRecord(request) || typeof request.name !== 'string' || typeof request.kind !== 'string') {
      return Promise.resolve({ ok: false, cancelled: false, reason: 'A save needs { name: string, kind: string }.' });
    }
    return ipcRenderer.invoke(ipcChannels.beginSave, { name: request.name, kind: request.kind }) as Promise<BeginSaveResult>;
  },
  writeSave: (id: number, bytes: Uint8Array, position?: number): Promise<SaveStepResult> => {
    if (typeof id !== 'number' || !(bytes instanceof Uint8Array) || (position !== undefined && typeof position !== 'number')) {
      return Promise.resolve({ ok: false, reason: 'A write needs an id, a Uint8Array and an optional position.' });
    }
    return ipcRenderer.invoke(ipcChannels.writeSave, position === undefined ? { id, bytes } : { id, bytes, position }) as Promise<SaveStepResult>;
  },
  finishSave: (id: number): Promise<SaveStepResult> => ipcRenderer.invoke(ipcChannels.finishSave, { id }) as Promise<SaveStepResult>,
  abortSave: (id: number): Promise<SaveStepResult> => ipcRenderer.invoke(ipcChannels.abortSave, { id }) as Promise<SaveStepResult>,
  // PNG sequences: the same care; main names each frame from its number.
  beginFrames: (request: BeginFrames): Promise<BeginFramesResult> => {
    if (!isRecord(request) || typeof request.name !== 'string') {
      return Promise.resolve({ ok: false, cancelled: false, reason: 'A PNG sequence needs { name: string }.' });
    }
    return ipcRenderer.invoke(ipcChannels.beginFrames, { name: request.name }) as Promise<BeginFramesResult>;
  },
  writeFrame: (id: number, index: number, bytes: Uint8Array): Promise<SaveStepResult> => {
    if (typeof id !== 'number' || typeof index !== 'number' || !(bytes instanceof Uint8Array)) {
      return Promise.resolve({ ok: false, reason: 'A frame needs an id, a frame number and a Uint8Array.' });
    }
    return ipcRenderer.invoke(ipcChannels.writeFrame, { id, index, bytes }) as Promise<SaveStepResult>;
  },
  finishFrames: (id: number): Promise<SaveStepResult> => ipcRenderer.invoke(ipcChannels.finishFrames, { id }) as Promise<SaveStepResult>,
  abortFrames: (id: number): Promise<SaveStepResult> => ipcRenderer.invoke(ipcChannels.abortFrames, { id }) as Promise<SaveStepResult>,
  copyScenario: (scenarioText: string): Promise<boolean> => {
    if (typeof scenarioText !== 'string') return Promise.resolve(false);
    return ipcRenderer.invoke(ipcChannels.copyScenario, scenarioText) as Promise<boolean>;
  },
});
contextBridge.exposeInMainWorld('descentDesktop', bridge);

ipcRenderer.on(ipcChannels.openScenario, (_event, payload: unknown) => {
  if (!isRecord(payload) || typeof payload.name !== 'string' || typeof payload.text !== 'string') return;
  const file: OpenedFile = { name: payload.name, text: payload.text };
  if (openListener) openListener(file);
  else waitingFile = file;
});

ipcRenderer.on(ipcChannels.menuCommand, (_event, payload: unknown) => {
  if (isRecord(payload) && isMenuCommand(payload.command)) menuListener?.(payload.command);
});

ipcRenderer.on(ipcChannels.saveRequest, (_event, payload: unknown) => {
  if (!isRecord(payload) || typeof payload.as !== 'boolean') return;
  saveListener?.(payload.as);
});

ipcRenderer.on(ipcChannels.trainerPort, (event, payload: unknown) => {
  if (!isRecord(payload) || event.ports.length !== 1) return;
  const { notice } = payload;
  if (notice !== null && typeof notice !== 'string') return;
  const message: TrainerPortMessage = { type: TRAINER_PORT_MESSAGE, notice };
  // The page's own origin, never '*': the port must not reach a frame showing anything else.
  window.postMessage(message, window.location.origin, event.ports);
});

ipcRenderer.on(ipcChannels.trainerLost, (_event, payload: unknown) => {
  if (!isRecord(payload) || typeof payload.reason !== 'string') return;
  const message: TrainerLostMessage = { type: TRAINER_LOST_MESSAGE, reason: payload.reason };
  window.postMessage(message, window.location.origin);
});
