// Bundles the command line (src/cli/index.ts and what it imports) into out/cli/lab.js, so that each call runs
// plain JavaScript instead of compiling TypeScript; mathjs stays a lazy chunk.
import { fileURLToPath } from 'node:url';
import { bundleForNode, root } from './bundle-for-node.mjs';

export { root };
export const bundle = `${root}out/cli/lab.js`;
/** The folders whose sources go into the bundle: a newer file in any of them makes it stale. */
export const sources = ['src/cli', 'src/engine', 'src/shared'].map((folder) => `${root}${folder}`);

export async function buildCli({ quiet = false } = {}) {
  await bundleForNode({ entry: 'src/cli/index.ts', outDir: 'out/cli', fileName: 'lab.js', quiet });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
