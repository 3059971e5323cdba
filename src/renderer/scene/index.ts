/** The scene: for now the flat 2D preview of the cloud (the three.js scene replaces it). */
import { element } from '../dom';
import type { MountContext, SceneHandle } from '../mounts';
import { ParticlePreview } from '../preview';

export function mountScene(container: HTMLElement, { lab }: MountContext): SceneHandle {
  const canvas = element('canvas');
  canvas.dataset.testid = 'preview';
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', 'The particles, seen from above');
  container.append(canvas);
  const preview = new ParticlePreview(canvas);
  lab.events.on('loaded', (event) => preview.setRange(event.range));
  lab.events.on('frame', (frame) => preview.show(frame));
  return { frameView: () => {}, resetView: () => {} };
}
