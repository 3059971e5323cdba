/**
 * The Open Recent list: most recent first, at most ten paths, each once. Pure functions over the list kept
 * in the settings; main also hands each path to the OS (app.addRecentDocument) for the dock and jump list.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { MAX_RECENT } from './settings';

/** `list` with `path` moved (or added) to the front, capped at MAX_RECENT. */
export function addRecent(list: readonly string[], path: string): string[] {
  const absolute = resolve(path);
  return [absolute, ...list.filter((p) => p !== absolute)].slice(0, MAX_RECENT);
}

/** `list` without `path` (a recent file that has gone). */
export function removeRecent(list: readonly string[], path: string): string[] {
  const absolute = resolve(path);
  return list.filter((p) => p !== absolute);
}

/** The paths of `list` that are still files; `isFile` is injectable for tests. */
export function existingRecent(list: readonly string[], isFile: (path: string) => boolean = fileExists): string[] {
  return list.filter((p) => isFile(p)).slice(0, MAX_RECENT);
}

export function fileExists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
