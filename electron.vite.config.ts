import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      // Bundle every library main uses (zod): the packaged app then needs no node_modules, and
      // electron-builder packs none (electron-builder.config.mjs). Electron and Node's own modules stay external.
      externalizeDeps: false,
      rolldownOptions: {
        // Two entries: the app's main process and the script Electron's utilityProcess runs (out/main/trainer.js).
        input: {
          index: resolve(root, 'src/main/index.ts'),
          trainer: resolve(root, 'src/trainer/utility-entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        // A sandboxed preload cannot be an ES module, and "type": "module" makes a .js file one: emit .cjs.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: {
        input: { index: resolve(root, 'src/renderer/index.html') },
      },
    },
  },
});
