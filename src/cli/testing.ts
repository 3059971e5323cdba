/** For the command line's tests: `lab` run in-process, with an in-memory file system and a fake clock. */
import type { Io } from './io';
import { main } from './lab';

/** An Io over `files` whose clock advances `tick` ms at each reading; `out` collects what was written. */
export function fakeIo(files: Record<string, string> = {}, tick = 0) {
  let clock = 0;
  const out = { stdout: '', stderr: '', files: { ...files } };
  const io: Io = {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    fileSize: (p) => (p in out.files ? out.files[p].length : null),
    readFile: (p) => out.files[p],
    writeFile: (p, t) => void (out.files[p] = t),
    now: () => (clock += tick),
    isTTY: false,
    threads: { cores: 1, entry: null },
  };
  return { io, out };
}

/** Runs `lab argv…`: its exit status, what it wrote, and its standard output parsed as JSON on demand. */
export async function lab(argv: string[], files: Record<string, string> = {}, tick = 0) {
  const { io, out } = fakeIo(files, tick);
  const code = await main(argv, io);
  return { code, ...out, json: () => JSON.parse(out.stdout) };
}
