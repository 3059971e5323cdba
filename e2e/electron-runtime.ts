/**
 * Whether Electron's binary is on this machine, found the way the electron package finds it
 * (dist/<path.txt>), without require('electron'): from Node that would start a download.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function electronBinary(): { path: string } | { reason: string } {
  const dir = path.resolve(import.meta.dirname, '..', 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile))
    return {
      reason: `Electron's binary has not been downloaded (no ${path.relative(process.cwd(), pathFile)}); it comes from GitHub, which this machine cannot reach`,
    };
  const binary = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(dir, 'dist'), readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? { path: binary } : { reason: `Electron's binary is missing (${binary})` };
}

/** Where electron-builder puts the unpacked app's executable in `dir`, by platform (its `--dir` layout). */
export const packagedLayouts = [
  'linux-unpacked/descent-lab',
  'win-unpacked/Descent Lab.exe',
  'mac/Descent Lab.app/Contents/MacOS/Descent Lab',
  'mac-arm64/Descent Lab.app/Contents/MacOS/Descent Lab',
  'mac-universal/Descent Lab.app/Contents/MacOS/Descent Lab',
];

/**
 * The packaged app's executable, from the folder DESCENT_LAB_PACKAGED_DIR names (CI builds the end-to-end
 * flavour there with `--dir`); a reason to skip otherwise.
 */
export function packagedBinary(dir = process.env.DESCENT_LAB_PACKAGED_DIR): { path: string } | { reason: string } {
  if (!dir) return { reason: 'no packaged app to launch (DESCENT_LAB_PACKAGED_DIR is not set; CI sets it after `--dir` packaging)' };
  for (const layout of packagedLayouts) {
    const binary = path.resolve(dir, layout);
    if (existsSync(binary)) return { path: binary };
  }
  return { reason: `no packaged app in ${dir} (looked for ${packagedLayouts.join(', ')})` };
}
