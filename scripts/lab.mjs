// `npm run lab -- …`: runs the bundled command line, rebuilding it first only when a source file is newer
// than the bundle (so a fresh clone and an edited tree both just work, and an unchanged one starts fast).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCli, bundle, sources } from './build-cli.mjs';

function newestSource(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (!entry.name.includes('.test.')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function bundleTime() {
  try {
    return statSync(bundle).mtimeMs;
  } catch {
    return -1;
  }
}

if (bundleTime() < Math.max(...sources.map(newestSource))) {
  process.stderr.write('lab: building the command line (once after each change)…\n');
  await buildCli({ quiet: true });
}
await import(pathToFileURL(bundle).href);
