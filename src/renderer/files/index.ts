/** Scenario files in the page: open, drop, save, and share as a link. */
import type { MountContext } from '../mounts';

export function mountFiles(_context: MountContext): void {}
