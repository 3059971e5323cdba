// Bundles the command line (src/cli/index.ts and what it imports) into out/cli/lab.js with Vite, so that
// each call runs plain JavaScript instead of compiling TypeScript. Dependencies are bundled too: Node's
// loader resolving zod's many small modules cost more than the run itself; mathjs stays a lazy chunk.
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const bundle = `${root}out/cli/lab.js`;
/** The folders whose sources go into the bundle: a newer file in any of them makes it stale. */
export const sources = ['src/cli', 'src/engine', 'src/shared'].map((folder) => `${root}${folder}`);

export async function buildCli({ quiet = false } = {}) {
  const { build } = await import('vite');
  await build({
    root,
    configFile: false,
    logLevel: quiet ? 'error' : 'info',
    ssr: { noExternal: true },
    build: {
      ssr: 'src/cli/index.ts',
      outDir: 'out/cli',
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { entryFileNames: 'lab.js', format: 'es' } },
    },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
