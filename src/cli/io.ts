/** What the command line needs from the outside world; tests pass their own. */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/**
 * The built command line (out/cli/lab.js, one bundle) is also what each worker thread runs (./index.ts). From
 * the TypeScript sources (the tests, in-process) there is no script a thread could load: one thread then.
 */
function bundleEntry(): URL | null {
  return import.meta.url.endsWith('.ts') ? null : new URL(import.meta.url);
}

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Size in bytes, or null when there is no such file. */
  fileSize(path: string): number | null;
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
  now(): number;
  isTTY: boolean;
  /** The cores to use by default, and the script a worker thread runs (null: this host runs everything on one thread). */
  threads: { cores: number; entry: URL | null };
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
    threads: { cores: availableParallelism(), entry: bundleEntry() },
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
