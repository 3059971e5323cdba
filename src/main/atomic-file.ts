/**
 * A file written in pieces (an export or a video as it is made) with the same guarantee as writeFileAtomic:
 * the data goes to a temporary file beside the target, and only a complete file is renamed over it. Until
 * `commit`, the target does not exist (or keeps its old contents); `discard` removes every trace. Async, so
 * main's event loop (and with it every window) never waits on the disk.
 */
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fsyncFolder, temporaryPathFor } from './atomic-write';

export class AtomicFile {
  private handle: FileHandle | null;
  private end = 0;
  private settled = false;

  private constructor(
    /** Where the file goes once complete. */
    readonly path: string,
    private readonly temp: string,
    handle: FileHandle,
  ) {
    this.handle = handle;
  }

  /**
   * Starts a file for `path`: creates its temporary file (never an existing one: 'wx'). `mode` is the file's
   * permission before the umask: 0o666 for a user's document, as any editor would create it.
   */
  static async create(path: string, mode = 0o666): Promise<AtomicFile> {
    const temp = temporaryPathFor(path);
    return new AtomicFile(path, temp, await open(temp, 'wx', mode));
  }

  /** The file's size so far (the furthest byte written). */
  get size(): number {
    return this.end;
  }

  /** Writes `bytes` at `position` (a muxer goes back to fill in sizes), or after the furthest byte written. */
  async write(bytes: Uint8Array, position: number = this.end): Promise<void> {
    const handle = this.open();
    for (let done = 0; done < bytes.byteLength;) {
      const { bytesWritten } = await handle.write(bytes, done, bytes.byteLength - done, position + done);
      done += bytesWritten;
    }
    this.end = Math.max(this.end, position + bytes.byteLength);
  }

  /** Makes the file complete and durable under its name: fsync, close, rename, fsync the folder. */
  async commit(): Promise<void> {
    const handle = this.open();
    this.settled = true;
    try {
      await handle.sync(); // the data reaches the disk before the name points at it
      await handle.close();
      this.handle = null;
      await rename(this.temp, this.path);
    } catch (error) {
      await this.cleanUp();
      throw error;
    }
    fsyncFolder(dirname(this.path));
  }

  /** Abandons the file: the temporary file is removed and the target is untouched. Safe to call twice. */
  async discard(): Promise<void> {
    if (this.settled) return;
    this.settled = true;
    await this.cleanUp();
  }

  private open(): FileHandle {
    if (this.settled || !this.handle) throw new Error('the file was already completed or abandoned');
    return this.handle;
  }

  private async cleanUp(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.close().catch(() => {});
    await unlink(this.temp).catch(() => {});
  }
}
