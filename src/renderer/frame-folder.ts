/**
 * Where a PNG sequence's frames go (issue 19). In the desktop app: main's folder dialog and main's
 * temporary folder, renamed at the end (src/main/frame-folders.ts). In a browser with `showDirectoryPicker`
 * (Chromium): the chosen folder itself when it is empty, else a new folder named after the recording inside
 * it; the browser cannot rename a folder, so the frames appear as they are written and a cancel or a failure
 * removes them. Elsewhere there is no folder to write to: the caller offers the frames as a .zip download.
 */
import type { DesktopBridge } from '../shared/desktop';
import { frameFileName } from '../shared/frame-folders';

/** A folder of numbered frames being written. Frames keep their order. */
export interface FrameFolder {
  /** The folder's name (for messages). */
  readonly name: string;
  /** Writes frame `index` (from 1) as frame-NNNNN.png; rejects once the sequence has failed. */
  writeFrame(index: number, bytes: Uint8Array): Promise<void>;
  /** Completes the sequence; rejects (keeping nothing) when any frame failed. */
  close(): Promise<void>;
  /** Abandons it: the frames written so far are removed. */
  abort(): Promise<void>;
}

export type FolderChoice = { kind: 'folder'; target: FrameFolder } | { kind: 'cancelled' } | { kind: 'download' };

/** The parts of the File System Access API used here (Chromium's), as plain shapes so tests can fake them. */
interface Writable {
  write(data: Uint8Array): Promise<void>;
  close(): Promise<void>;
}
export interface DirectoryHandle {
  readonly name: string;
  keys(): AsyncIterable<string>;
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<DirectoryHandle>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<{ createWritable(): Promise<Writable> }>;
  removeEntry(name: string, options?: { recursive?: boolean }): Promise<void>;
}
type DirectoryPicker = (options: { id?: string; mode: 'readwrite' }) => Promise<DirectoryHandle>;

export interface FolderEnvironment {
  descentDesktop?: Pick<DesktopBridge, 'beginFrames' | 'writeFrame' | 'finishFrames' | 'abortFrames'>;
  showDirectoryPicker?: DirectoryPicker;
}

/** Whether this page can write a folder of frames (else a PNG sequence is a .zip download). */
export function canWriteFolders(env: FolderEnvironment = window as unknown as FolderEnvironment): boolean {
  return !!env.descentDesktop || typeof env.showDirectoryPicker === 'function';
}

/** Asks where the frames of `name` go: main's dialog in the desktop app, else the browser's picker, else a download. */
export async function chooseFrameFolder(name: string, env: FolderEnvironment = window as unknown as FolderEnvironment): Promise<FolderChoice> {
  const desktop = env.descentDesktop;
  if (desktop) {
    const begun = await desktop.beginFrames({ name });
    if (begun.ok) return { kind: 'folder', target: desktopFolder(desktop, begun.id, begun.name) };
    if (begun.cancelled) return { kind: 'cancelled' };
    throw new Error(begun.reason);
  }
  const picker = env.showDirectoryPicker;
  if (!picker) return { kind: 'download' };
  let chosen: DirectoryHandle;
  try {
    chosen = await picker.call(env, { id: 'descent-lab-frames', mode: 'readwrite' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return { kind: 'cancelled' };
    throw error;
  }
  return { kind: 'folder', target: await browserFolder(chosen, name) };
}

/** Frames written by main: each sent at once, main keeps the order; the first failure fails the rest. */
function desktopFolder(bridge: NonNullable<FolderEnvironment['descentDesktop']>, id: number, name: string): FrameFolder {
  let failure: Error | null = null;
  return {
    name,
    async writeFrame(index, bytes) {
      if (failure) throw failure;
      const result = await bridge.writeFrame(id, index, bytes);
      if (!result.ok) throw (failure ??= new Error(result.reason));
    },
    async close() {
      if (failure) {
        await bridge.abortFrames(id);
        throw failure;
      }
      const result = await bridge.finishFrames(id);
      if (!result.ok) throw new Error(result.reason);
    },
    async abort() {
      await bridge.abortFrames(id);
    },
  };
}

/** The chosen folder when empty, else a new one inside it; `abort` removes what was written. */
export async function browserFolder(chosen: DirectoryHandle, name: string): Promise<FrameFolder> {
  let empty = true;
  const taken = new Set<string>();
  for await (const entry of chosen.keys()) {
    empty = false;
    taken.add(entry);
  }
  let folder = chosen;
  let made: string | null = null;
  if (!empty) {
    made = name;
    for (let n = 2; taken.has(made); n++) made = `${name}-${n}`;
    folder = await chosen.getDirectoryHandle(made, { create: true });
  }
  const written: string[] = [];
  // The last write: abort waits for it, so that a frame being written when the user cancels is removed too.
  let pending: Promise<unknown> = Promise.resolve();
  return {
    name: made ?? chosen.name,
    writeFrame(index, bytes) {
      const file = frameFileName(index);
      written.push(file);
      const write = (async () => {
        const stream = await (await folder.getFileHandle(file, { create: true })).createWritable();
        await stream.write(bytes);
        await stream.close();
      })();
      pending = write.catch(() => {});
      return write;
    },
    async close() {
      await pending;
    },
    async abort() {
      await pending;
      if (made) await chosen.removeEntry(made, { recursive: true }).catch(() => {});
      else for (const file of written) await folder.removeEntry(file).catch(() => {});
    },
  };
}
