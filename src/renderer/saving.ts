/**
 * Where the page's files go (trajectory exports, recordings, screenshots, the loss curve). In the desktop app:
 * main's save dialog and main's atomic write (src/main/file-saves.ts), never the page's `showSaveFilePicker`,
 * which Electron lets pick a file but not write it (the session refuses `fileSystem`), and which empties the
 * picked file before a byte is written. In a browser: `showSaveFilePicker` where it exists, else a download.
 */
import type { DesktopBridge } from '../shared/desktop';
import { saveKinds, saveLimits, type SaveKind } from '../shared/saving';
import { element } from './dom';

/** A file being written, wherever it goes. Writes keep their order. */
export interface SaveTarget {
  /** The file's name as chosen (for messages). */
  readonly name: string;
  /** Writes bytes at `position`, or after the furthest byte written; rejects once the file has failed. */
  write(bytes: Uint8Array, position?: number): Promise<void>;
  /** Completes the file; rejects (and keeps nothing, in the desktop) when any write failed. */
  close(): Promise<void>;
  /** Abandons the file. */
  abort(): Promise<void>;
}

/** A file to write to, the user's cancel, or no picker at all (the caller downloads a Blob at the end). */
export type SaveChoice = { kind: 'file'; target: SaveTarget } | { kind: 'cancelled' } | { kind: 'download' };

const mimeTypes: Record<SaveKind, string> = {
  csv: 'text/csv',
  json: 'application/json',
  webm: 'video/webm',
  mp4: 'video/mp4',
  gif: 'image/gif',
  png: 'image/png',
};

interface WritableStream {
  write(data: Uint8Array | { type: 'write'; data: Uint8Array; position: number }): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}
type SavePicker = (options: {
  suggestedName: string;
  types: { description: string; accept: Record<string, string[]> }[];
}) => Promise<{ name: string; createWritable(): Promise<WritableStream> }>;

/** What the page offers: the preload's bridge in the desktop app, the File System Access picker in a browser. */
export interface SaveEnvironment {
  descentDesktop?: Pick<DesktopBridge, 'beginSave' | 'writeSave' | 'finishSave' | 'abortSave'>;
  showSaveFilePicker?: SavePicker;
}

/** Asks where `name` goes: main's dialog in the desktop app, else the browser's picker, else a download. */
export async function chooseSaveTarget(name: string, kind: SaveKind, env: SaveEnvironment = window as unknown as SaveEnvironment): Promise<SaveChoice> {
  const desktop = env.descentDesktop;
  if (desktop) {
    const begun = await desktop.beginSave({ name, kind });
    if (begun.ok) return { kind: 'file', target: desktopTarget(desktop, begun.id, begun.name) };
    if (begun.cancelled) return { kind: 'cancelled' };
    throw new Error(begun.reason);
  }
  const picker = env.showSaveFilePicker;
  if (!picker) return { kind: 'download' };
  try {
    const { description, extension } = saveKinds[kind];
    const handle = await picker.call(env, { suggestedName: name, types: [{ description, accept: { [mimeTypes[kind]]: [`.${extension}`] } }] });
    return { kind: 'file', target: streamTarget(await handle.createWritable(), handle.name) };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return { kind: 'cancelled' };
    throw error;
  }
}

/** A file written by main: each write is sent at once (the bytes are copied then), main keeps the order. */
export function desktopTarget(bridge: NonNullable<SaveEnvironment['descentDesktop']>, id: number, name: string): SaveTarget {
  let failure: Error | null = null;
  let pending: Promise<unknown> = Promise.resolve();
  let ended = false;
  const abort = async (): Promise<void> => {
    ended = true;
    await pending;
    await bridge.abortSave(id);
  };
  return {
    name,
    write(bytes, position) {
      if (failure) return Promise.reject(failure);
      if (ended) return Promise.reject(new Error(`${name} is already closed`));
      const sent = bridge.writeSave(id, bytes, position).then((result) => {
        if (!result.ok) failure ??= new Error(result.reason);
      });
      pending = Promise.all([pending, sent]).catch((error: unknown) => (failure ??= error instanceof Error ? error : new Error(String(error))));
      return sent.then(() => {
        if (failure) throw failure;
      });
    },
    async close() {
      ended = true;
      await pending;
      if (failure) {
        await bridge.abortSave(id);
        throw failure;
      }
      const result = await bridge.finishSave(id);
      if (!result.ok) throw new Error(result.reason);
    },
    abort,
  };
}

/** A FileSystemWritableFileStream (a browser's picker) as a SaveTarget; positions as a muxer writes them (Mediabunny's WebM goes back to fill in sizes). */
export function streamTarget(stream: WritableStream, name: string): SaveTarget {
  return {
    name,
    write: (bytes, position) => stream.write(position === undefined ? bytes : { type: 'write', data: bytes, position }),
    close: () => stream.close(),
    abort: () => stream.abort(),
  };
}

/**
 * Saves a finished Blob (a screenshot, the loss curve): through main in the desktop app, as a download in a
 * browser. Resolves with the name saved under, or null when the user cancelled.
 */
export async function saveBlob(blob: Blob, name: string, kind: SaveKind, env: SaveEnvironment = window as unknown as SaveEnvironment): Promise<string | null> {
  if (!env.descentDesktop) {
    download(blob, name);
    return name;
  }
  const choice = await chooseSaveTarget(name, kind, { descentDesktop: env.descentDesktop });
  if (choice.kind !== 'file') return null;
  const { target } = choice;
  try {
    for (let start = 0; start < blob.size; start += saveLimits.maxChunkBytes) {
      await target.write(new Uint8Array(await blob.slice(start, start + saveLimits.maxChunkBytes).arrayBuffer()));
    }
    await target.close();
  } catch (error) {
    await target.abort().catch(() => {});
    throw error;
  }
  return target.name;
}

/** Offers a Blob as a download (a browser without a file picker). */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = element('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has its own reference by the next task.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
