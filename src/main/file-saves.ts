/**
 * Main's side of saving a file the page makes (src/shared/saving.ts): the save dialog, then an AtomicFile
 * per save, known to the page only by a number. Why not the page's own `showSaveFilePicker`: Chromium
 * creates (or empties) the chosen file as soon as it is picked (WICG/file-system-access#360), so a failed or
 * cancelled export would leave an empty file, or an emptied one, behind; and in Electron the write needs the
 * session to grant `fileSystem` (electron/electron#41419), which this app's deny-all handlers never do.
 */
import { basename, dirname, extname, join, resolve } from 'node:path';
import { saveKinds, saveLimits, type BeginSave, type BeginSaveResult, type SaveKind, type SaveStepResult, type WriteSave } from '../shared/saving';
import { AtomicFile } from './atomic-file';

/** The native save dialog (injected: Electron's in the app, a fake in tests). Null when cancelled. */
export type ChooseSavePath = (defaultPath: string, kind: SaveKind) => Promise<string | null>;

export interface FileSavesOptions {
  chooseSavePath: ChooseSavePath;
  /** The folder the first dialog opens in (the user's Downloads); later ones open where the last save went. */
  defaultFolder: () => string;
  /** Creates the file's writer (AtomicFile.create; replaceable in tests to make the disk fail). */
  create?: (path: string) => Promise<AtomicFile>;
}

interface OpenSave {
  file: AtomicFile;
  /** Writes run one after the other, in the order the page sent them. */
  queue: Promise<unknown>;
  failed: string | null;
}

/** `name` with the kind's extension unless it already ends with it (a Linux dialog may not add it). */
export function withExtension(path: string, kind: SaveKind): string {
  const extension = `.${saveKinds[kind].extension}`;
  return extname(path).toLowerCase() === extension ? path : `${path}${extension}`;
}

/** The files being saved for one window. */
export class FileSaves {
  private readonly open = new Map<number, OpenSave>();
  private nextId = 1;
  private folder: string | null = null;

  constructor(private readonly options: FileSavesOptions) {}

  /** How many saves are under way (for tests and for the window's close). */
  get count(): number {
    return this.open.size;
  }

  /** Asks where to save; on a name, starts the file (as a temporary file: nothing is at that name yet). */
  async begin({ name, kind }: BeginSave): Promise<BeginSaveResult> {
    if (this.open.size >= saveLimits.maxOpenFiles)
      return { ok: false, cancelled: false, reason: `At most ${saveLimits.maxOpenFiles} files can be saved at once.` };
    const start = join(this.folder ?? this.options.defaultFolder(), basename(name));
    const chosen = await this.options.chooseSavePath(start, kind);
    if (!chosen) return { ok: false, cancelled: true };
    const path = resolve(withExtension(chosen, kind));
    let file: AtomicFile;
    try {
      file = await (this.options.create ?? AtomicFile.create)(path);
    } catch (error) {
      return { ok: false, cancelled: false, reason: `“${basename(path)}” could not be created: ${message(error)}` };
    }
    this.folder = dirname(path);
    const id = this.nextId++;
    this.open.set(id, { file, queue: Promise.resolve(), failed: null });
    return { ok: true, id, name: basename(path) };
  }

  /** Writes one chunk; after a failed write, every later one is refused and only abort remains. */
  write({ id, bytes, position }: WriteSave): Promise<SaveStepResult> {
    const save = this.open.get(id);
    if (!save) return Promise.resolve(unknownSave(id));
    return this.enqueue(save, async () => {
      if (save.failed) return { ok: false, reason: save.failed };
      try {
        await save.file.write(bytes, position);
        return { ok: true };
      } catch (error) {
        save.failed = `“${basename(save.file.path)}” could not be written: ${message(error)}`;
        return { ok: false, reason: save.failed };
      }
    });
  }

  /** The page's last chunk is written: the file takes its name. A failed save is discarded instead. */
  finish(id: number): Promise<SaveStepResult> {
    const save = this.open.get(id);
    if (!save) return Promise.resolve(unknownSave(id));
    return this.enqueue(save, async () => {
      this.open.delete(id);
      if (save.failed) {
        await save.file.discard();
        return { ok: false, reason: save.failed };
      }
      try {
        await save.file.commit();
        return { ok: true };
      } catch (error) {
        return { ok: false, reason: `“${basename(save.file.path)}” could not be saved: ${message(error)}` };
      }
    });
  }

  /** The page gave up (cancelled, or its side failed): nothing is kept. */
  abort(id: number): Promise<SaveStepResult> {
    const save = this.open.get(id);
    if (!save) return Promise.resolve({ ok: true }); // already finished or aborted: nothing left to remove
    this.open.delete(id);
    return this.enqueue(save, async () => {
      await save.file.discard();
      return { ok: true };
    });
  }

  /** The page went away (closed, reloaded) mid-save: every unfinished file is discarded. */
  async abortAll(): Promise<void> {
    await Promise.all([...this.open.keys()].map((id) => this.abort(id)));
  }

  private enqueue(save: OpenSave, step: () => Promise<SaveStepResult>): Promise<SaveStepResult> {
    const result = save.queue.then(step, step);
    save.queue = result.catch(() => {});
    return result;
  }
}

function unknownSave(id: number): SaveStepResult {
  return { ok: false, reason: `No file is being saved as number ${id}.` };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
