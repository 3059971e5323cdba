/**
 * A recording of the scene on a fixed clock: frame k shows the run after k step batches at k / fps seconds,
 * with the camera where its keyframes put it at frame k, whatever the time it took to compute and draw, so
 * that the same scenario, seed and options give the same file on any machine. The frames go to a WebM or an
 * MP4 (Mediabunny, over WebCodecs) or a GIF (gifenc): ./video.ts; or to a PNG sequence: ./png-sequence.ts.
 * A WebM bound for a file, and a PNG sequence bound for a folder, are written as they are made; an MP4 or a
 * GIF is written whole after the last frame. Nothing is left of a cancelled one.
 */
import { saveLimits } from '../../shared/saving';
import type { FrameFolder } from '../frame-folder';
import type { SaveTarget } from '../saving';
import type { Lab } from '../lab';
import type { SceneHandle } from '../mounts';
import { aimAt, BestFollower, cameraAt, focusAt, followsBest } from './camera';
import { composer } from './compose';
import { bandsOf, captureLayout } from './layout';
import type { RecordSettings } from './options';
import { pngSink } from './png-sequence';
import { codecNames, containerCodecs, gifSink, pickCodec, videoSink, type FrameSink } from './video';

export interface RecordJob {
  lab: Lab;
  scene: SceneHandle;
  settings: RecordSettings;
  /** A file to write to; without one, the recording is kept in memory and returned. */
  file?: SaveTarget;
  /** For a PNG sequence: the folder its frames go to; without one, they are returned as a .zip. */
  folder?: FrameFolder;
  onProgress?: (framesDone: number, frames: number) => void;
  signal?: AbortSignal;
}

/** The pieces an MP4 or a GIF is written to its file in: half of main's limit on one message. */
const fileChunk = saveLimits.maxChunkBytes / 2;
const mimeTypes = { webm: 'video/webm', mp4: 'video/mp4', gif: 'image/gif', png: 'application/zip' } as const;

function aborted(): DOMException {
  return new DOMException('The recording was cancelled', 'AbortError');
}

/** The sink of the settings' format: throws, naming the option, when no encoder of the browser takes it. */
async function sinkFor(settings: RecordSettings, file?: SaveTarget, folder?: FrameFolder): Promise<FrameSink> {
  if (settings.format === 'gif') return gifSink(settings);
  if (settings.format === 'png') return pngSink(settings, folder);
  const codec = await pickCodec(settings.format, settings.width, settings.height, settings.fps);
  if (!codec) {
    const names = containerCodecs[settings.format].map((c) => codecNames[c]).join(', ');
    throw new Error(`record: format "${settings.format}" needs a ${names} video encoder at ${settings.width} × ${settings.height}, and this browser has none`);
  }
  return videoSink(settings, codec, file);
}

/** Records; resolves with the file (null when it went to `file`). Rejects with an AbortError on cancel. */
export async function record({ lab, scene, settings, file, folder, onProgress, signal }: RecordJob): Promise<Blob | null> {
  if (signal?.aborted) throw aborted();
  const sink = await sinkFor(settings, file, folder);
  const layout = captureLayout(settings.width, settings.height, settings, bandsOf(settings, settings.height));
  const surface = scene.beginCapture(layout.scene.width, layout.scene.height);
  if (!surface) {
    await sink.cancel();
    throw new Error('record: the scene cannot be drawn (no WebGL), or a capture is already under way');
  }
  let done = false;
  try {
    const picture = composer(surface, settings.width, settings.height, settings, layout, () => lab.state());
    // A camera aiming at the best particle follows it from the first frame, on the recording's clock.
    const follower = followsBest(settings.camera) ? new BestFollower(settings.fps) : null;
    for (let k = 0; k < settings.frames; k++) {
      if (signal?.aborted) throw aborted();
      surface.setTime((k * 1000) / settings.fps);
      // Frame 0 shows the run as it stands; each later frame, one more batch of steps.
      if (k > 0) await lab.step(settings.stepsPerFrame);
      // After the step: the camera may aim at where the best particle now is.
      const followed = follower?.next(surface.bestPoint()) ?? null;
      const focus = focusAt(settings.camera, k);
      surface.setCamera(cameraAt(settings.camera, k), focus > 0 ? aimAt(surface.viewTarget(), followed, focus) : null);
      surface.render();
      // The encoder may hold a frame for seconds under load: Cancel does not wait for it.
      await untilAborted(sink.add(picture(), k), signal);
      onProgress?.(k + 1, settings.frames);
    }
    const bytes = await sink.finish();
    done = true;
    if (!bytes) return null;
    const blob = bytes instanceof Blob ? bytes : new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeTypes[settings.format] });
    if (!file) return blob;
    // In pieces: main takes at most saveLimits.maxChunkBytes in one message.
    for (let at = 0; at < blob.size; at += fileChunk) await file.write(new Uint8Array(await blob.slice(at, at + fileChunk).arrayBuffer()), at);
    return null;
  } finally {
    surface.end();
    // Not awaited: the encoder's pending frames are dropped in the background, and nothing was written but a WebM's, which the file's abort removes.
    if (!done) void sink.cancel().catch(() => {});
  }
}

/** `work`, or an AbortError as soon as `signal` fires, whichever comes first. */
function untilAborted<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
