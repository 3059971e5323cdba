/**
 * Whether Electron's binary is on this machine, found the way the electron package finds it
 * (dist/<path.txt>), without require('electron'): from Node that would start a download.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function electronBinary(): { path: string } | { reason: string } {
  const dir = path.resolve(import.meta.dirname, '..', 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return { reason: `Electron's binary has not been downloaded (no ${path.relative(process.cwd(), pathFile)}); it comes from GitHub, which this machine cannot reach` };
  const binary = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(dir, 'dist'), readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? { path: binary } : { reason: `Electron's binary is missing (${binary})` };
}
