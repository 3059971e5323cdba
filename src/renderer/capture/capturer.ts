/** What the capture machinery offers the dialog (./ui.ts) and the API (./index.ts): its own file, so neither imports the other back. */
import type { FrameFolder } from '../frame-folder';
import type { SaveTarget } from '../saving';
import type { CameraPose } from './camera';
import type { RecordSettings } from './options';

/** What the dialog adds to a recording: a file to stream into, progress, cancel. */
export interface RecordRun {
  file?: SaveTarget;
  /** A PNG sequence's folder (else the frames come back as a .zip). */
  folder?: FrameFolder;
  onProgress?: (framesDone: number, frames: number) => void;
  signal?: AbortSignal;
}

/** The capture machinery shared by the API and the dialog. */
export interface Capturer {
  /** The scene's size in device pixels (the default picture size). */
  canvasSize(): { width: number; height: number };
  /** Where the 3D camera stands now (the studio's keyframes and ready-made paths start from it). */
  cameraPose(): CameraPose;
  screenshot(options?: unknown): Promise<Blob>;
  /** Checks the options (throwing a message that names the one at fault) without starting anything. */
  recordSettings(options?: unknown): RecordSettings;
  record(options: unknown, run?: RecordRun): Promise<Blob | null>;
}
