/** What the capture machinery offers the dialog (./ui.ts) and the API (./index.ts): its own file, so neither imports the other back. */
import type { SaveTarget } from '../saving';
import type { RecordSettings } from './options';

/** What the dialog adds to a recording: a file to stream into, progress, cancel. */
export interface RecordRun {
  file?: SaveTarget;
  onProgress?: (framesDone: number, frames: number) => void;
  signal?: AbortSignal;
}

/** The capture machinery shared by the API and the dialog. */
export interface Capturer {
  /** The scene's size in device pixels (the default picture size). */
  canvasSize(): { width: number; height: number };
  screenshot(options?: unknown): Promise<Blob>;
  /** Checks the options (throwing a message that names the one at fault) without starting anything. */
  recordSettings(options?: unknown): RecordSettings;
  record(options: unknown, run?: RecordRun): Promise<Blob | null>;
}
