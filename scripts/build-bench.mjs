// Bundles the bench (src/bench/main.ts with the engine, the trainer and zod) into out/bench/bench.mjs, like the
// command line: a bundle keeps the loader out of the timings. Vite itself stays external: a section that
// needs a build asks the runner.
import { fileURLToPath } from 'node:url';
import { bundleForNode, root } from './bundle-for-node.mjs';

export { root };
export const bundle = `${root}out/bench/bench.mjs`;

export async function buildBench({ quiet = true } = {}) {
  // out/bench/node-trainer lives beside it: the folder is not emptied.
  await bundleForNode({ entry: 'src/bench/main.ts', outDir: 'out/bench', fileName: 'bench.mjs', emptyOutDir: false, external: ['vite'], quiet });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildBench({ quiet: false });
