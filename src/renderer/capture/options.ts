/**
 * The capture options, checked like a scenario file: every field an integer in its range (or a short text),
 * no unknown field, and a message that names the option at fault. Pure: no DOM, tested in node.
 */
import { frameFolderLimits } from '../../shared/frame-folders';
import { cameraKeys, type CameraKey } from './camera';
import { gifEstimate, maxGifMemory } from './gif-size';
import { CaptureOptionError } from './option-error';

export interface ScreenshotOptions {
  width?: number;
  height?: number;
  /** Drawn over the top of the picture (clean mode's title). */
  title?: string;
  /** Drawn over the bottom of the picture (clean mode's caption). */
  caption?: string;
  /** Draw the loss chart beside the scene. */
  chart?: boolean;
  /** Draw a card of the settings and readouts beside the scene. */
  panel?: boolean;
}

/** The containers a recording can be written to ('png': a PNG sequence, a folder of numbered frames or a .zip of them). */
export const recordFormats = ['webm', 'mp4', 'gif', 'png'] as const;
export type RecordFormat = (typeof recordFormats)[number];

export interface RecordOptions extends ScreenshotOptions {
  frames?: number;
  fps?: number;
  stepsPerFrame?: number;
  /** The container: 'webm' (the default), 'mp4', 'gif', or 'png' (a PNG sequence: a .zip of frame-00001.png … from the API). */
  format?: RecordFormat;
  /** Camera keyframes (./camera.ts), interpolated between frames. */
  camera?: { frame: number; azimuth: number; elevation: number; distance: number }[];
}

export interface ScreenshotSettings {
  width: number;
  height: number;
  title: string;
  caption: string;
  chart: boolean;
  panel: boolean;
}

export interface RecordSettings extends ScreenshotSettings {
  frames: number;
  fps: number;
  stepsPerFrame: number;
  format: RecordFormat;
  camera: CameraKey[];
}

/** The largest picture: 4K UHD's area, either way round (WebGL and the encoders take 3840 on a side). */
export const maxSide = 3840;
export const maxArea = 3840 * 2160;
export const minSide = 16;
/** One limit with a PNG sequence's frame numbers, which main checks (src/shared/frame-folders.ts). */
export const maxFrames = frameFolderLimits.maxFrame;
export const maxFps = 120;
export const maxGifFps = 50;
export const maxStepsPerFrame = 100_000;
const maxText = 200;

/** The dialog's resolution presets. */
export const resolutionPresets = [
  { name: '720p', width: 1280, height: 720 },
  { name: '1080p', width: 1920, height: 1080 },
  { name: '4K', width: 3840, height: 2160 },
] as const;

export { CaptureOptionError };

function fields(method: string, options: unknown, known: readonly string[]): Record<string, unknown> {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options))
    throw new CaptureOptionError(`${method}: options must be an object such as { width: 1280, height: 720 }`);
  const record = options as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) throw new CaptureOptionError(`${method}: unknown option "${key}" (known: ${known.join(', ')})`);
  }
  return record;
}

function integer(method: string, name: string, value: unknown, fallback: number, min: number, max: number, even = false): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new CaptureOptionError(`${method}: ${name} must be an integer from ${min} to ${max}, not ${describe(value)}`);
  }
  if (even && value % 2 !== 0) throw new CaptureOptionError(`${method}: ${name} must be even (the video encoder works on 2 × 2 blocks), not ${value}`);
  return value;
}

function text(method: string, name: string, value: unknown): string {
  if (value === undefined) return '';
  if (typeof value !== 'string' || value.length > maxText) throw new CaptureOptionError(`${method}: ${name} must be a text of at most ${maxText} characters`);
  return value.trim();
}

function flag(method: string, name: string, value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new CaptureOptionError(`${method}: ${name} must be true or false, not ${describe(value)}`);
  return value;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function size(method: string, record: Record<string, unknown>, fallback: { width: number; height: number }, even: boolean): { width: number; height: number } {
  const width = integer(method, 'width', record.width, fallback.width, minSide, maxSide, even);
  const height = integer(method, 'height', record.height, fallback.height, minSide, maxSide, even);
  if (width * height > maxArea) throw new CaptureOptionError(`${method}: width × height must be at most 3840 × 2160 pixels, not ${width} × ${height}`);
  return { width, height };
}

/** A default size from the canvas's: within the limits, and even where the encoder needs it. */
export function fitSize(width: number, height: number, even: boolean): { width: number; height: number } {
  let w = Math.max(minSide, Math.round(width));
  let h = Math.max(minSide, Math.round(height));
  const scale = Math.min(1, maxSide / w, maxSide / h, Math.sqrt(maxArea / (w * h)));
  w = Math.max(minSide, Math.floor(w * scale));
  h = Math.max(minSide, Math.floor(h * scale));
  if (even) {
    w -= w % 2;
    h -= h % 2;
  }
  return { width: w, height: h };
}

export function screenshotSettings(options: unknown, fallback: { width: number; height: number }): ScreenshotSettings {
  const method = 'screenshot';
  const record = fields(method, options, ['width', 'height', 'title', 'caption', 'chart', 'panel']);
  return {
    ...size(method, record, fitSize(fallback.width, fallback.height, false), false),
    title: text(method, 'title', record.title),
    caption: text(method, 'caption', record.caption),
    chart: flag(method, 'chart', record.chart),
    panel: flag(method, 'panel', record.panel),
  };
}

export function recordSettings(options: unknown, fallback: { width: number; height: number }): RecordSettings {
  const method = 'record';
  const record = fields(method, options, ['frames', 'fps', 'width', 'height', 'stepsPerFrame', 'title', 'caption', 'chart', 'panel', 'format', 'camera']);
  const format = record.format ?? 'webm';
  if (!recordFormats.includes(format as RecordFormat))
    throw new CaptureOptionError(`${method}: format must be one of ${recordFormats.map((f) => `"${f}"`).join(', ')}, not ${describe(format)}`);
  // A GIF or a PNG has no 2 × 2 blocks to fill: any size will do.
  const even = format === 'webm' || format === 'mp4';
  const fps = integer(method, 'fps', record.fps, 30, 1, maxFps);
  const frames = integer(method, 'frames', record.frames, Math.min(maxFrames, 5 * fps), 1, maxFrames);
  const picture = size(method, record, fitSize(fallback.width, fallback.height, even), even);
  if (format === 'gif') {
    if (fps > maxGifFps)
      throw new CaptureOptionError(
        `${method}: fps must be at most ${maxGifFps} for a GIF (its delays are in hundredths of a second; players slow shorter ones down), not ${fps}`,
      );
    const { memory } = gifEstimate(picture.width, picture.height, frames);
    if (memory > maxGifMemory)
      throw new CaptureOptionError(
        `${method}: frames: a GIF of ${frames} frames at ${picture.width} × ${picture.height} needs ${mb(memory)} MB while it is made, more than ${mb(maxGifMemory)} MB: fewer frames or a smaller size`,
      );
  }
  return {
    frames,
    fps,
    ...picture,
    stepsPerFrame: integer(method, 'stepsPerFrame', record.stepsPerFrame, 1, 1, maxStepsPerFrame),
    title: text(method, 'title', record.title),
    caption: text(method, 'caption', record.caption),
    chart: flag(method, 'chart', record.chart),
    panel: flag(method, 'panel', record.panel),
    format: format as RecordFormat,
    camera: cameraKeys(method, record.camera, frames),
  };
}

function mb(bytes: number): number {
  return Math.ceil(bytes / 2 ** 20);
}

/** A bit rate for the video codecs that keeps the thin contour lines clean: about 0.15 bits a pixel a frame, 1–40 Mbit/s. */
export function bitrateFor(width: number, height: number, fps: number): number {
  return Math.round(Math.min(40e6, Math.max(1e6, width * height * fps * 0.15)));
}
