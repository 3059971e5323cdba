/** The views under the scene: the loss chart and the data view (to come). */
import type { MountContext, ViewsHandle } from '../mounts';

export function mountViews(container: HTMLElement, _context: MountContext): ViewsHandle {
  return { element: container };
}
