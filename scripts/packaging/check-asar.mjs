// `node scripts/packaging/check-asar.mjs [dist]`: after `npm run dist`, fails unless every app.asar under the
// folder holds only the built app (out/main, out/preload, out/renderer) and package.json. electron-vite bundles
// everything the app runs, so anything else (node_modules above all) would be dead weight in every installer;
// electron-builder.config.mjs keeps it out, and CI checks the real archives with this script.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import asar from '@electron/asar';

const allowed = [/^\/package\.json$/, /^\/out$/, /^\/out\/(main|preload|renderer)(\/|$)/];

/** The entries of an archive that are not part of the built app (paths as asar lists them: /out/main/…). */
export function unexpectedEntries(archive) {
  return asar.listPackage(archive, { isPack: false }).filter((entry) => !allowed.some((pattern) => pattern.test(entry.split(path.sep).join('/'))));
}

/** Every app.asar below `folder`. */
export function findArchives(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === 'app.asar')
    .map((entry) => path.join(entry.parentPath, entry.name));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const archives = findArchives(process.argv[2] ?? 'dist');
  if (archives.length === 0) {
    console.error('check-asar: no app.asar found; run `npm run dist` first');
    process.exit(1);
  }
  let bad = false;
  for (const archive of archives) {
    const extra = unexpectedEntries(archive);
    if (extra.length > 0) {
      bad = true;
      console.error(`check-asar: ${archive} holds ${extra.length} entries besides the built app, such as ${extra.slice(0, 5).join(', ')}`);
    } else console.log(`check-asar: ${archive} holds the built app and package.json only`);
  }
  process.exit(bad ? 1 : 0);
}
