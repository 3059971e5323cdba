// `npm run bench [-- section …]`: builds the bench bundle (a few seconds, every time, so that it never
// measures stale code), then runs the sections (src/bench/sections.ts) and writes bench/results.json.
// `--list` names the sections; `--markdown` prints the last results as Markdown tables without running.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildBench, bundle, root } from './build-bench.mjs';
import { buildNodeTrainer } from './build-node-trainer.mjs';

const argv = process.argv.slice(2);
if (!argv.includes('--markdown') && !argv.includes('--list')) process.stderr.write('bench: building…\n');
await buildBench();
const { main } = await import(pathToFileURL(bundle).href);
let trainer = null;
process.exitCode = await main({
  root,
  argv,
  // Built once per bench run, on first use, for the sections that fork the trainer's Node host.
  nodeTrainer: () => (trainer ??= buildNodeTrainer({ outDir: join(root, 'out/bench/node-trainer') })),
});
