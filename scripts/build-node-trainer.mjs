// Bundles the trainer's Node host (src/trainer/node-host.ts with the engine and zod) into one folder of plain
// JavaScript, because Node 20 cannot fork a .ts file. Tests build it into a fresh temporary folder, so that
// two test runs at once never overwrite each other's bundle; files are .mjs since /tmp has no package.json
// saying "type": "module".
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode, root } from './bundle-for-node.mjs';

/** Builds the host and returns the path of its entry script. */
export async function buildNodeTrainer({ outDir = mkdtempSync(join(tmpdir(), 'descent-node-trainer-')) } = {}) {
  await bundleForNode({ entry: 'src/trainer/node-host.ts', outDir, fileName: 'node-host.mjs' });
  return join(outDir, 'node-host.mjs');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await buildNodeTrainer({ outDir: join(root, 'out/node-trainer') }));
