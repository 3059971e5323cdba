/**
 * Main's side of a PNG sequence (src/shared/frame-folders.ts): the folder dialog, then a temporary folder
 * beside the sequence's own, which takes its name only once the page says the last frame is written. Until
 * then the frames are `<name>.<pid>.<random>.tmp/frame-00001.png …`; a cancel, a failed write or a window
 * that goes away removes that temporary folder, so no half sequence is ever left under the real name.
 * The chosen folder is used itself when it is empty (a folder made for the frames in the dialog), else the
 * sequence goes into a new folder inside it, named after the recording.
 */
import { mkdir, open, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { frameFileName, frameFolderLimits, type BeginFrames, type BeginFramesResult, type WriteFrame } from '../shared/frame-folders';
import type { SaveStepResult } from '../shared/saving';
import { fsyncFolder, temporaryPathFor } from './atomic-write';

/** The native folder dialog (injected: Electron's in the app, a fake in tests). Null when cancelled. */
export type ChooseFolder = (defaultPath: string) => Promise<string | null>;

export interface FrameFoldersOptions {
  chooseFolder: ChooseFolder;
  /** The folder the first dialog opens in (the user's Downloads); later ones open where the last sequence went. */
  defaultFolder: () => string;
  /** Writes one frame file (replaceable in tests to make the disk fail). */
  writeFile?: (path: string, bytes: Uint8Array) => Promise<void>;
}

interface OpenSequence {
  /** Where the frames go once complete. */
  target: string;
  /** Where they are written until then: beside `target`, on the same file system (a rename is atomic only there). */
  temp: string;
  queue: Promise<unknown>;
  failed: string | null;
}

/** Writes `bytes` as a new file and makes it durable before the folder is renamed. */
async function writeDurably(path: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(path, 'wx', 0o666);
  try {
    for (let done = 0; done < bytes.byteLength;) done += (await handle.write(bytes, done, bytes.byteLength - done)).bytesWritten;
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The PNG sequences being written for one window. */
export class FrameFolders {
  private readonly open = new Map<number, OpenSequence>();
  private nextId = 1;
  private folder: string | null = null;

  constructor(private readonly options: FrameFoldersOptions) {}

  /** How many sequences are under way. */
  get count(): number {
    return this.open.size;
  }

  /** Asks for a folder; on one, starts the temporary folder (nothing appears under the real name yet). */
  async begin({ name }: BeginFrames): Promise<BeginFramesResult> {
    if (this.open.size >= frameFolderLimits.maxOpenFolders)
      return { ok: false, cancelled: false, reason: `At most ${frameFolderLimits.maxOpenFolders} PNG sequences can be saved at once.` };
    const chosen = await this.options.chooseFolder(this.folder ?? this.options.defaultFolder());
    if (!chosen) return { ok: false, cancelled: true };
    const folder = resolve(chosen);
    let entries: string[];
    try {
      entries = await readdir(folder);
    } catch (error) {
      return { ok: false, cancelled: false, reason: `The folder “${basename(folder)}” cannot be read: ${message(error)}` };
    }
    const target = entries.length === 0 ? folder : freeName(folder, basename(name));
    if (!target) return { ok: false, cancelled: false, reason: `The folder “${basename(folder)}” already has too many folders named “${basename(name)}”.` };
    const temp = temporaryPathFor(target);
    try {
      await mkdir(temp);
    } catch (error) {
      return { ok: false, cancelled: false, reason: `No folder can be made beside “${basename(target)}”: ${message(error)}` };
    }
    this.folder = dirname(target);
    const id = this.nextId++;
    this.open.set(id, { target, temp, queue: Promise.resolve(), failed: null });
    return { ok: true, id, name: basename(target) };
  }

  /** Writes frame `index` as frame-NNNNN.png; after a failed write, every later one is refused and only abort remains. */
  write({ id, index, bytes }: WriteFrame): Promise<SaveStepResult> {
    const sequence = this.open.get(id);
    if (!sequence) return Promise.resolve(unknownSequence(id));
    return this.enqueue(sequence, async () => {
      if (sequence.failed) return { ok: false, reason: sequence.failed };
      const file = frameFileName(index);
      try {
        await (this.options.writeFile ?? writeDurably)(join(sequence.temp, file), bytes);
        return { ok: true };
      } catch (error) {
        sequence.failed = `“${file}” could not be written: ${message(error)}`;
        return { ok: false, reason: sequence.failed };
      }
    });
  }

  /** The last frame is written: the temporary folder takes the sequence's name. A failed sequence is removed instead. */
  finish(id: number): Promise<SaveStepResult> {
    const sequence = this.open.get(id);
    if (!sequence) return Promise.resolve(unknownSequence(id));
    return this.enqueue(sequence, async () => {
      this.open.delete(id);
      if (sequence.failed) {
        await removeQuietly(sequence.temp);
        return { ok: false, reason: sequence.failed };
      }
      const name = basename(sequence.target);
      try {
        // The target is the empty folder the user chose (or nothing): an empty folder gives way; one that
        // gained files meanwhile refuses (ENOTEMPTY), and the user's files stay as they are.
        await rmdir(sequence.target).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        });
        await rename(sequence.temp, sequence.target);
      } catch (error) {
        await removeQuietly(sequence.temp);
        return { ok: false, reason: `The frames could not be saved as “${name}”: ${message(error)}` };
      }
      fsyncFolder(dirname(sequence.target));
      return { ok: true };
    });
  }

  /** The page gave up (cancelled, or its side failed): nothing is kept. */
  abort(id: number): Promise<SaveStepResult> {
    const sequence = this.open.get(id);
    if (!sequence) return Promise.resolve({ ok: true }); // already finished or aborted
    this.open.delete(id);
    return this.enqueue(sequence, async () => {
      await removeQuietly(sequence.temp);
      return { ok: true };
    });
  }

  /** The page went away mid-sequence: every unfinished one is removed. */
  async abortAll(): Promise<void> {
    await Promise.all([...this.open.keys()].map((id) => this.abort(id)));
  }

  private enqueue(sequence: OpenSequence, step: () => Promise<SaveStepResult>): Promise<SaveStepResult> {
    const result = sequence.queue.then(step, step);
    sequence.queue = result.catch(() => {});
    return result;
  }
}

/** `folder/name`, or `folder/name-2`, `-3` … when taken; null after 999 tries. */
function freeName(folder: string, name: string): string | null {
  for (let n = 1; n < 1000; n++) {
    const path = join(folder, n === 1 ? name : `${name}-${n}`);
    if (!existsSync(path)) return path;
  }
  return null;
}

async function removeQuietly(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true }).catch(() => {});
}

function unknownSequence(id: number): SaveStepResult {
  return { ok: false, reason: `No PNG sequence is being saved as number ${id}.` };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
