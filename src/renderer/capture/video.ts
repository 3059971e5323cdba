/**
 * Where a recording's frames go: a WebM or an MP4 through Mediabunny (WebCodecs' encoder, Mediabunny's
 * muxer), or a GIF through gifenc (./gif.ts). Each sink takes the picture canvas once a frame, on the fixed
 * clock, and gives back the file's bytes at the end (or null when a WebM went to a file as it was made).
 */
import {
  BufferTarget,
  CanvasSource,
  canEncodeVideo,
  Mp4OutputFormat,
  Output,
  StreamTarget,
  WebMOutputFormat,
  type StreamTargetChunk,
  type VideoCodec,
} from 'mediabunny';
import type { SaveTarget } from '../saving';
import { GifRecording } from './gif';
import { clearMp4Times } from './mp4-times';
import { bitrateFor, type RecordFormat, type RecordSettings } from './options';

/** The codecs tried for each video container, best first (the names are Mediabunny's). */
export const containerCodecs: Record<Exclude<RecordFormat, 'gif' | 'png'>, readonly VideoCodec[]> = {
  webm: ['vp9', 'vp8'],
  // H.264 plays everywhere an editor might open it; VP9 and AV1 in MP4 where the browser has no H.264 encoder.
  mp4: ['avc', 'vp9', 'av1'],
};
/** What the dialog calls each codec. */
export const codecNames: Record<string, string> = { avc: 'H.264', vp9: 'VP9', vp8: 'VP8', av1: 'AV1' };

/** The first codec of the container that this browser's WebCodecs encoder takes at this size and rate; null if none. */
export async function pickCodec(format: RecordFormat, width: number, height: number, fps: number): Promise<VideoCodec | null> {
  if (format === 'gif' || format === 'png') return null;
  if (typeof VideoEncoder === 'undefined') return null;
  for (const codec of containerCodecs[format]) {
    // canEncodeVideo asks VideoEncoder.isConfigSupported with this size, bit rate and frame rate.
    if (await canEncodeVideo(codec, { width, height, bitrate: bitrateFor(width, height, fps), frameRate: fps }).catch(() => false)) return codec;
  }
  return null;
}

/** A recording's destination. */
export interface FrameSink {
  /** Adds frame k, as the canvas shows it now; resolves when the next may come (the encoder's backpressure). */
  add(canvas: HTMLCanvasElement, k: number): Promise<void>;
  /** Completes the file: its bytes (or a Blob of them), or null when it was written to the file or the folder as it was made. */
  finish(): Promise<Uint8Array | Blob | null>;
  /** Abandons it. */
  cancel(): Promise<void>;
}

/** A WebM (streamed to `file` when given) or an MP4 (kept whole, its timestamps cleared: ./mp4-times.ts). */
export function videoSink(settings: RecordSettings, codec: VideoCodec, file?: SaveTarget): FrameSink {
  const streamed = settings.format === 'webm' && file;
  const target = streamed
    ? new StreamTarget(new WritableStream<StreamTargetChunk>({ write: (chunk) => file.write(chunk.data, chunk.position) }), { chunked: true })
    : new BufferTarget();
  const output = new Output({
    // MP4: the index first ('in-memory' fast start), so that a player starts at once.
    format: settings.format === 'mp4' ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(),
    target,
  });
  let source: CanvasSource | null = null;
  const { fps } = settings;
  return {
    async add(canvas, k) {
      if (!source) {
        source = new CanvasSource(canvas, {
          codec,
          bitrate: bitrateFor(settings.width, settings.height, fps),
          keyFrameInterval: 2,
          latencyMode: 'quality',
        });
        output.addVideoTrack(source, { frameRate: fps });
        await output.start();
      }
      // Seconds on the fixed clock: frame k at k / fps, lasting up to the next.
      await source.add(k / fps, (k + 1) / fps - k / fps);
    },
    async finish() {
      await output.finalize();
      if (!(target instanceof BufferTarget)) return null;
      const bytes = new Uint8Array(target.buffer!);
      if (settings.format === 'mp4') clearMp4Times(bytes);
      return bytes;
    },
    async cancel() {
      if (output.state !== 'canceled' && output.state !== 'finalized') await output.cancel();
    },
  };
}

/** A GIF: each frame read back from the canvas through a 2D canvas of the picture's size. */
export function gifSink(settings: RecordSettings): FrameSink {
  const gif = new GifRecording(settings.width, settings.height, settings.frames, settings.fps);
  const canvas = document.createElement('canvas');
  canvas.width = settings.width;
  canvas.height = settings.height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('record: this browser has no 2D canvas to read the GIF frames from');
  return {
    async add(picture) {
      context.drawImage(picture, 0, 0, settings.width, settings.height);
      gif.add(context.getImageData(0, 0, settings.width, settings.height).data);
    },
    async finish() {
      return gif.finish();
    },
    async cancel() {},
  };
}
