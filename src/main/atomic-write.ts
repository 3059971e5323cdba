/**
 * Writes a file so that readers see either the old contents or the new, never a torn mix, even if the
 * process dies mid-write: a temporary file in the same folder, fsync, rename over the target, fsync the folder.
 * Plain Node (no Electron), so it can be tested by killing a child process that uses it.
 */
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** Writes `text` (UTF-8) to `path` atomically; throws on failure, leaving the target untouched. */
export function writeFileAtomic(path: string, text: string): void {
  const temp = temporaryPathFor(path);
  let fd: number | null = null;
  try {
    fd = openSync(temp, 'wx', 0o600);
    const data = Buffer.from(text, 'utf8');
    for (let written = 0; written < data.length;) written += writeSync(fd, data, written, data.length - written);
    fsyncSync(fd); // the data reaches the disk before the name points at it
    closeSync(fd);
    fd = null;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== null) tryQuietly(() => closeSync(fd!));
    tryQuietly(() => unlinkSync(temp));
    throw error;
  }
  fsyncFolder(dirname(path));
}

/**
 * A fresh name beside `path` for the data until it is complete: the same folder, because a rename is atomic
 * only within one file system, and a name no one else picks (pid and random bytes).
 */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Makes the rename itself durable; Windows cannot open a folder for fsync, and it is best effort there. */
export function fsyncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  tryQuietly(() => {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  });
}

function tryQuietly(action: () => void): void {
  try {
    action();
  } catch {
    // cleanup only: the original error (if any) is what matters
  }
}
