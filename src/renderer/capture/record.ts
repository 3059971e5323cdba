/**
 * A WebM of the scene on a fixed clock: frame k shows the run after k step batches at k / fps seconds,
 * whatever the time it took to compute and draw, so that the same scenario and seed give the same video on
 * any machine. Frames go through WebCodecs (VP9, else VP8) into webm-muxer, whose target is either memory
 * (the API's Blob) or a file (the dialog: ../saving.ts, written as it is recorded).
 */
import { ArrayBufferTarget, Muxer, StreamTarget } from 'webm-muxer';
import type { SaveTarget } from '../saving';
import type { Lab } from '../lab';
import type { SceneHandle } from '../mounts';
import { composer } from './compose';
import { captureLayout } from './layout';
import { bitrateFor, frameDuration, frameTimestamp, isKeyFrame, type RecordSettings } from './options';

export interface RecordJob {
  lab: Lab;
  scene: SceneHandle;
  settings: RecordSettings;
  /** A file to write to as the frames come; without one, the video is kept in memory and returned. */
  file?: SaveTarget;
  onProgress?: (framesDone: number, frames: number) => void;
  signal?: AbortSignal;
}

/** The codecs tried, best first: WebCodecs' name and the Matroska codec ID. */
const codecs = [
  { codec: 'vp09.00.10.08', id: 'V_VP9' },
  { codec: 'vp8', id: 'V_VP8' },
];
/** How many frames may wait in the encoder before drawing the next one (bounds the memory held). */
const maxQueue = 4;

async function pickCodec(settings: RecordSettings): Promise<{ config: VideoEncoderConfig; id: string }> {
  if (typeof VideoEncoder === 'undefined') throw new Error('record: this browser has no video encoder (WebCodecs)');
  for (const { codec, id } of codecs) {
    const config: VideoEncoderConfig = { codec, width: settings.width, height: settings.height, bitrate: bitrateFor(settings.width, settings.height, settings.fps), framerate: settings.fps, latencyMode: 'quality' };
    const support = await VideoEncoder.isConfigSupported(config).catch(() => null);
    if (support?.supported) return { config: support.config ?? config, id };
  }
  throw new Error(`record: this browser cannot encode VP9 or VP8 at ${settings.width} × ${settings.height}`);
}

function aborted(): DOMException {
  return new DOMException('The recording was cancelled', 'AbortError');
}

/** Records; resolves with the video (null when it went to a file). Rejects with an AbortError on cancel. */
export async function record({ lab, scene, settings, file, onProgress, signal }: RecordJob): Promise<Blob | null> {
  if (signal?.aborted) throw aborted();
  const { config, id } = await pickCodec(settings);
  // Chunked, as webm-muxer's own file target: 16 MiB pieces, each written where the muxer says. A failed write
  // is not lost: the file's close() rejects with it.
  const target = file ? new StreamTarget({ onData: (data, position) => void file.write(data, position).catch(() => {}), chunked: true }) : new ArrayBufferTarget();
  const muxer = new Muxer({ target, video: { codec: id, width: settings.width, height: settings.height, frameRate: settings.fps }, firstTimestampBehavior: 'strict' });
  let failure: unknown = null;
  const encoder = new VideoEncoder({
    output: (chunk, meta) => muxer.addVideoChunk(chunk, meta),
    error: (error) => (failure ??= error),
  });
  encoder.configure(config);
  const layout = captureLayout(settings.width, settings.height, settings);
  const surface = scene.beginCapture(layout.scene.width, layout.scene.height);
  if (!surface) {
    encoder.close();
    throw new Error('record: the scene cannot be drawn (no WebGL), or a capture is already under way');
  }
  try {
    const picture = composer(surface, settings.width, settings.height, settings, layout, () => lab.state());
    for (let k = 0; k < settings.frames; k++) {
      if (signal?.aborted) throw aborted();
      if (failure) throw failure;
      surface.setTime((k * 1000) / settings.fps);
      // Frame 0 shows the run as it stands; each later frame, one more batch of steps.
      if (k > 0) await lab.step(settings.stepsPerFrame);
      surface.render();
      const frame = new VideoFrame(picture(), { timestamp: frameTimestamp(k, settings.fps), duration: frameDuration(k, settings.fps), alpha: 'discard' });
      encoder.encode(frame, { keyFrame: isKeyFrame(k, settings.fps) });
      frame.close();
      while (encoder.encodeQueueSize > maxQueue && !failure) await new Promise((resolve) => setTimeout(resolve, 2));
      onProgress?.(k + 1, settings.frames);
    }
    await encoder.flush();
    if (failure) throw failure;
    muxer.finalize();
    return target instanceof ArrayBufferTarget ? new Blob([target.buffer], { type: 'video/webm' }) : null;
  } finally {
    surface.end();
    if (encoder.state !== 'closed') encoder.close();
  }
}
