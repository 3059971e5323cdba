/**
 * Screenshots and recordings of the scene (CONTRACTS §4: `screenshot`, `record`), and the scene's
 * "Screenshot" and "Record" buttons. One capture at a time; the options are checked before anything starts.
 */
import type { MountContext, SceneHandle } from '../mounts';
import { recordSettings, screenshotSettings, type RecordOptions, type ScreenshotOptions } from './options';
import { record } from './record';
import { screenshot } from './screenshot';
import type { Capturer, RecordRun } from './capturer';
import { CaptureControls } from './ui';

export type { RecordOptions, ScreenshotOptions } from './options';

export interface CaptureApi {
  screenshot(options?: ScreenshotOptions): Promise<Blob>;
  record(options?: RecordOptions): Promise<Blob>;
}

export type { Capturer, RecordRun };

/** How long a capture waits for the surface of a scenario just loaded. */
const surfaceWait = 60_000;

export function mountCapture({ lab, notices, preferences }: MountContext, scene: SceneHandle): CaptureApi {
  let busy = false;

  const canvasSize = (): { width: number; height: number } => {
    const box = scene.container.getBoundingClientRect();
    const ratio = Math.min(window.devicePixelRatio || 1, 2);
    return { width: box.width * ratio, height: box.height * ratio };
  };

  /** Runs one capture at a time, once the surface is drawn. */
  const exclusive = async <T>(method: string, run: () => Promise<T>): Promise<T> => {
    if (busy) throw new Error(`${method}: a screenshot or recording is already under way`);
    busy = true;
    try {
      await surfaceReady(scene, method);
      return await run();
    } finally {
      busy = false;
    }
  };

  const capturer: Capturer = {
    canvasSize,
    cameraPose: () => scene.cameraPose(),
    screenshot: async (options) => {
      const settings = screenshotSettings(options, canvasSize());
      return exclusive('screenshot', () => screenshot(scene, settings, () => lab.state()));
    },
    recordSettings: (options) => recordSettings(options, canvasSize()),
    record: async (options, run = {}) => {
      const settings = recordSettings(options, canvasSize());
      return exclusive('record', async () => {
        // A playing run would move the scene between the fixed clock's frames: it waits, and goes on after.
        const playing = lab.state().status === 'running';
        if (playing) lab.pause();
        try {
          return await record({ lab, scene, settings, ...run });
        } finally {
          if (playing) lab.play();
        }
      });
    },
  };

  new CaptureControls(scene.container, capturer, lab, notices, preferences);

  return {
    screenshot: (options) => capturer.screenshot(options),
    record: async (options) => (await capturer.record(options))!,
  };
}

async function surfaceReady(scene: SceneHandle, method: string): Promise<void> {
  const start = performance.now();
  for (;;) {
    const state = scene.surfaceState();
    if (state === 'ready') return;
    if (state === 'none') throw new Error(`${method}: nothing to capture (no scenario loaded, or no WebGL)`);
    if (performance.now() - start > surfaceWait) throw new Error(`${method}: the surface was not drawn within ${surfaceWait / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
