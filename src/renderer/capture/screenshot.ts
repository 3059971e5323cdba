/** A PNG of the scene at a chosen size: drawn once at that size, read back, the on-screen size restored. */
import type { LabState } from '../lab';
import type { SceneHandle } from '../mounts';
import { composer } from './compose';
import { bandsOf, captureLayout } from './layout';
import type { ScreenshotSettings } from './options';

export async function screenshot(scene: SceneHandle, settings: ScreenshotSettings, state: () => Readonly<LabState>): Promise<Blob> {
  const layout = captureLayout(settings.width, settings.height, settings, bandsOf(settings, settings.height));
  const surface = scene.beginCapture(layout.scene.width, layout.scene.height);
  if (!surface) throw new Error('screenshot: the scene cannot be drawn (no WebGL), or a capture is already under way');
  try {
    const picture = composer(surface, settings.width, settings.height, settings, layout, state);
    surface.render();
    const canvas = picture();
    // toBlob reads the bitmap as it is now (the WebGL canvas keeps its drawing buffer): the size can go back at once.
    const blob = new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('screenshot: the browser could not encode the PNG'))), 'image/png'),
    );
    return await blob;
  } finally {
    surface.end();
  }
}
