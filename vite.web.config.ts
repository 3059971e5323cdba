import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

// The same page as the desktop renderer, built as a static site that works from any folder or URL path.
export default defineConfig({
  root: resolve(root, 'src/renderer'),
  base: './',
  build: {
    outDir: resolve(root, 'out/web'),
    // out/web lies outside the page's root, where Vite will not empty a folder unless told to.
    emptyOutDir: true,
  },
});
