/**
 * What the sandboxed preload and the page agree on in Electron. A MessagePort cannot cross contextBridge,
 * so the preload forwards the trainer's port with window.postMessage to the page's own origin; the page
 * asks for one (again, after a restart) through `descentDesktop.connectTrainer()`.
 */
import type { Preferences } from './preferences';
import type { BeginFrames, BeginFramesResult } from './frame-folders';
import type { BeginSave, BeginSaveResult, SaveStepResult } from './saving';

/** IPC channels between the preload and main. */
export const ipcChannels = {
  /** page → main: "give me a trainer port" (main checks the sender is the app's own frame). */
  connectTrainer: 'trainer:connect',
  /** main → preload: a port to the trainer, with a notice to show (after a restart) or null. */
  trainerPort: 'trainer:port',
  /** main → preload: the trainer is gone for good (three crashes in five minutes). */
  trainerLost: 'trainer:lost',
  /** main → page: a scenario file the user opened (File › Open, a recent file, the command line): OpenedFile. */
  openScenario: 'file:open',
  /** main → page: File › Save (as: false) or Save As (as: true) was chosen: the page answers with saveScenario. */
  saveRequest: 'file:save-request',
  /** page → main (invoke): SaveRequest → SaveResult. Main writes the file atomically. */
  saveScenario: 'file:save',
  /** page → main: the experiment as it stands (scenario JSON), kept in the settings to restore after a restart. */
  rememberExperiment: 'settings:experiment',
  /** page → main (invoke, no payload): the page's stored preferences (Preferences) or null. */
  loadPreferences: 'settings:preferences',
  /** page → main: the page's preferences as they now stand (Preferences), kept in the settings file. */
  rememberPreferences: 'settings:remember-preferences',
  /** main → page: a menu item that opens one of the page's dialogs: { command: MenuCommand }. */
  menuCommand: 'menu:command',
  /** page → main (invoke): BeginSave → BeginSaveResult. Main shows its save dialog (src/shared/saving.ts). */
  beginSave: 'save:begin',
  /** page → main (invoke): WriteSave → SaveStepResult, bytes of a file being saved. */
  writeSave: 'save:write',
  /** page → main (invoke): { id } → SaveStepResult; the file is complete and takes its name. */
  finishSave: 'save:finish',
  /** page → main (invoke): { id } → SaveStepResult; the save is abandoned and nothing is kept. */
  abortSave: 'save:abort',
  /** page → main (invoke): BeginFrames → BeginFramesResult. Main shows its folder dialog (src/shared/frame-folders.ts). */
  beginFrames: 'frames:begin',
  /** page → main (invoke): WriteFrame → SaveStepResult, one frame of a PNG sequence. */
  writeFrame: 'frames:write',
  /** page → main (invoke): { id } → SaveStepResult; the sequence is complete and its folder takes its name. */
  finishFrames: 'frames:finish',
  /** page → main (invoke): { id } → SaveStepResult; the sequence is abandoned and nothing is kept. */
  abortFrames: 'frames:abort',
  /** page → main (invoke): scenario text → boolean, put on the clipboard by main (Copy scenario). */
  copyScenario: 'clipboard:copy-scenario',
} as const;

/** The page's dialogs the native menu can open. */
export const menuCommands = ['help', 'about'] as const;
export type MenuCommand = (typeof menuCommands)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (menuCommands as readonly string[]).includes(value);
}

/** A scenario file's contents, read by main (size-capped) for the page to validate and load. */
export interface OpenedFile {
  /** The file's name, for titles and messages (not a path the page can use). */
  name: string;
  text: string;
}

export interface SaveRequest {
  /** The scenario as JSON text (validated by the page before sending; main validates it again). */
  text: string;
  /** Save As: always ask for a file name. */
  as: boolean;
}

export type SaveResult = { ok: true; name: string } | { ok: false; reason: string };

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
  /** A file opened from the menu, a recent file or the command line. */
  onOpenScenario(listener: (file: OpenedFile) => void): void;
  /** The menu asks the page to save (Save or Save As). */
  onSaveRequest(listener: (as: boolean) => void): void;
  /** Writes the scenario to its file (asking for a name when it has none, or for Save As). */
  saveScenario(request: SaveRequest): Promise<SaveResult>;
  /** Remembers the experiment as it stands, to reopen it after a restart or a crash. */
  rememberExperiment(scenarioText: string): void;
  /** The preferences kept in the settings file (null when none yet); the page checks them again. */
  loadPreferences(): Promise<unknown>;
  /** Keeps the page's preferences (the panel as left, the Record dialog's choices) in the settings file. */
  rememberPreferences(preferences: Preferences): void;
  /** The menu asks the page to open a dialog (Help, About). */
  onMenuCommand(listener: (command: MenuCommand) => void): void;
  /** Asks main's save dialog for a file to write `name` to; the file exists under that name only once finished. */
  beginSave(request: BeginSave): Promise<BeginSaveResult>;
  /** Writes bytes of a file begun with beginSave, at `position` or after the furthest byte written. */
  writeSave(id: number, bytes: Uint8Array, position?: number): Promise<SaveStepResult>;
  /** The file is complete: it takes the chosen name. */
  finishSave(id: number): Promise<SaveStepResult>;
  /** Abandons the file: nothing is left on disk. */
  abortSave(id: number): Promise<SaveStepResult>;
  /** Asks main's folder dialog where a PNG sequence goes; its folder exists under its name only once finished. */
  beginFrames(request: BeginFrames): Promise<BeginFramesResult>;
  /** Writes frame `index` (from 1) of a sequence begun with beginFrames, as frame-NNNNN.png. */
  writeFrame(id: number, index: number, bytes: Uint8Array): Promise<SaveStepResult>;
  /** The sequence is complete: its folder takes its name. */
  finishFrames(id: number): Promise<SaveStepResult>;
  /** Abandons the sequence: nothing is left on disk. */
  abortFrames(id: number): Promise<SaveStepResult>;
  /** Puts the scenario's text on the clipboard (the page's own clipboard access is refused in the app). */
  copyScenario(scenarioText: string): Promise<boolean>;
}
