/** What the command line needs from the outside world; tests pass their own. */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Size in bytes, or null when there is no such file. */
  fileSize(path: string): number | null;
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
  now(): number;
  isTTY: boolean;
}

export function nodeIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    fileSize: (path) => {
      try {
        const stat = statSync(path);
        return stat.isFile() ? stat.size : null;
      } catch {
        return null;
      }
    },
    readFile: (path) => readFileSync(path, 'utf8'),
    writeFile: writeAtomically,
    now: () => performance.now(),
    isTTY: !!process.stderr.isTTY,
  };
}

/** Temporary file, fsync, rename: a crash never leaves half a result under the real name. */
function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}
