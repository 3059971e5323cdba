/** Screenshots and recordings of the scene (CONTRACTS §4: `screenshot`, `record`). */
import type { MountContext, SceneHandle } from '../mounts';

export interface ScreenshotOptions {
  width?: number;
  height?: number;
}

export interface RecordOptions {
  frames?: number;
  fps?: number;
  width?: number;
  height?: number;
  stepsPerFrame?: number;
}

export interface CaptureApi {
  screenshot(options?: ScreenshotOptions): Promise<Blob>;
  record(options?: RecordOptions): Promise<Blob>;
}

export function mountCapture(_context: MountContext, _scene: SceneHandle): CaptureApi {
  const later = () => Promise.reject(new Error('not available yet'));
  return { screenshot: later, record: later };
}
