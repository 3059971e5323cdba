/**
 * What the sandboxed preload and the page agree on in Electron. A MessagePort cannot cross contextBridge,
 * so the preload forwards the trainer's port with window.postMessage to the page's own origin; the page
 * asks for one (again, after a restart) through `descentDesktop.connectTrainer()`.
 */

/** IPC channels between the preload and main. */
export const ipcChannels = {
  /** page → main: "give me a trainer port" (main checks the sender is the app's own frame). */
  connectTrainer: 'trainer:connect',
  /** main → preload: a port to the trainer, with a notice to show (after a restart) or null. */
  trainerPort: 'trainer:port',
  /** main → preload: the trainer is gone for good (three crashes in five minutes). */
  trainerLost: 'trainer:lost',
} as const;

/** The window message the preload posts to the page with the port in `ports[0]`. */
export const TRAINER_PORT_MESSAGE = 'descent-lab:trainer-port';
export const TRAINER_LOST_MESSAGE = 'descent-lab:trainer-lost';

export interface TrainerPortMessage {
  type: typeof TRAINER_PORT_MESSAGE;
  /** "The trainer stopped unexpectedly (exit code 3) and was restarted with your scenario.", or null on first connect. */
  notice: string | null;
}

export interface TrainerLostMessage {
  type: typeof TRAINER_LOST_MESSAGE;
  reason: string;
}

/** `window.descentDesktop`, exposed by the preload (absent in a plain browser). */
export interface DesktopBridge {
  readonly platform: string;
  readonly versions: { readonly electron: string };
  /** Asks main for a trainer port; it arrives as a TrainerPortMessage on window. */
  connectTrainer(): void;
}
