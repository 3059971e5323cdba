// One Vite bundle for Node 20, which cannot run TypeScript: the command line, the bench and the trainer's Node
// host each bundle their entry with everything it imports (zod too: Node's loader resolving its many small
// modules cost more than a short run itself), as plain ES modules.
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** Bundles `entry` (relative to the repository) into `outDir/fileName`; `external` stays an import. */
export async function bundleForNode({ entry, outDir, fileName, emptyOutDir = true, external = [], quiet = true }) {
  const { build } = await import('vite');
  await build({
    root,
    configFile: false,
    logLevel: quiet ? 'error' : 'info',
    ssr: { noExternal: true },
    build: {
      ssr: entry,
      outDir,
      emptyOutDir,
      target: 'node20',
      minify: false,
      // .mjs chunks: a bundle in /tmp has no package.json saying "type": "module".
      rollupOptions: { external, output: { format: 'es', entryFileNames: fileName, chunkFileNames: '[name]-[hash].mjs' } },
    },
  });
}
