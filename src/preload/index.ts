/**
 * The sandboxed preload (emitted as CommonJS: a sandboxed preload cannot be an ES module). The page gets a few
 * read-only facts and one call, never ipcRenderer itself; the trainer's port, which cannot cross contextBridge,
 * is relayed with window.postMessage to the page's own origin.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  ipcChannels,
  TRAINER_LOST_MESSAGE,
  TRAINER_PORT_MESSAGE,
  type DesktopBridge,
  type TrainerLostMessage,
  type TrainerPortMessage,
} from '../shared/desktop';

// The node tsconfig has no DOM library; these are the only page globals the preload touches.
declare const window: {
  readonly location: { readonly origin: string };
  postMessage(message: unknown, targetOrigin: string, transfer?: readonly unknown[]): void;
};

const bridge: DesktopBridge = Object.freeze({
  platform: process.platform,
  versions: Object.freeze({ electron: process.versions.electron }),
  // No parameters on purpose: whatever the page passes stays in the page.
  connectTrainer: () => ipcRenderer.send(ipcChannels.connectTrainer),
});
contextBridge.exposeInMainWorld('descentDesktop', bridge);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
