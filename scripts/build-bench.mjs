// Bundles the bench (src/bench/main.ts with the engine, the trainer and zod) into out/bench/bench.mjs with
// Vite, like the command line (scripts/build-cli.mjs): Node 20 cannot run TypeScript, and a bundle keeps the
// loader out of the timings. Vite itself stays external: a section that needs a build asks the runner.
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const bundle = `${root}out/bench/bench.mjs`;

export async function buildBench({ quiet = true } = {}) {
  const { build } = await import('vite');
  await build({
    root,
    configFile: false,
    logLevel: quiet ? 'error' : 'info',
    ssr: { noExternal: true },
    build: {
      ssr: 'src/bench/main.ts',
      outDir: 'out/bench',
      emptyOutDir: false, // out/bench/node-trainer lives beside it
      target: 'node20',
      minify: false,
      rollupOptions: { external: ['vite'], output: { entryFileNames: 'bench.mjs', chunkFileNames: '[name]-[hash].mjs', format: 'es' } },
    },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildBench({ quiet: false });
