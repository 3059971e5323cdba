/** Entry point of the built command line (out/cli/lab.js), run by scripts/lab.mjs; also each worker thread's script. */
import { isMainThread } from 'node:worker_threads';
import { main } from './lab';
import { serveThread } from './threads/thread';

if (!isMainThread) serveThread();
else {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      // A bug, not bad input: say so plainly, with the stack for the report.
      process.stderr.write(`lab: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
