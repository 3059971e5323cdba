/**
 * What a GIF recording costs before it starts (the dialog's estimate, and the check that refuses one too
 * large to make), and its frame delays. Pure: tested in node.
 */

/** Pixels a palette is built from: this many frames of the recording, spread evenly from first to last. */
export const paletteSamples = 8;
/**
 * Bytes of file a pixel of one frame takes, after GIF's LZW: a typical figure, not a bound. Measured: the
 * bowl-cloud preset, 8 frames at 320 × 180 with the camera turning (e2e/recording-formats.web.spec.ts),
 * 108,325 bytes, 0.235 a pixel a frame. A busier picture can take more, a flat one much less.
 */
export const gifBytesPerPixel = 0.25;
/** The most memory a GIF may hold while it is made (all frames wait for the palette). */
export const maxGifMemory = 512 * 2 ** 20;

export interface GifEstimate {
  /** The file's expected size in bytes. */
  bytes: number;
  /** Memory held while recording: every frame at 2 bytes a pixel (RGB 5-6-5), the sampled frames at 4. */
  memory: number;
}

export function gifEstimate(width: number, height: number, frames: number): GifEstimate {
  const pixels = width * height;
  // Header, screen descriptor, the 256-colour table, the loop extension; then a control block and an image descriptor a frame.
  const bytes = Math.round(13 + 3 * 256 + 19 + frames * (8 + 10 + 1 + pixels * gifBytesPerPixel));
  const memory = frames * pixels * 2 + Math.min(frames, paletteSamples) * pixels * 4;
  return { bytes, memory };
}

/**
 * Frame k's delay in hundredths of a second (GIF's unit): up to the next frame's time on the fixed clock,
 * both rounded, so that rounding never accumulates (30 fps: 3, 4, 3, 3, 4, 3…, 100 a second).
 */
export function gifDelay(k: number, fps: number): number {
  return Math.round(((k + 1) * 100) / fps) - Math.round((k * 100) / fps);
}

/** The frames whose pixels the palette is built from: `paletteSamples` of them (or all), first and last included. */
export function sampledFrames(frames: number): number[] {
  const count = Math.min(frames, paletteSamples);
  if (count === 1) return [0];
  return Array.from({ length: count }, (_, i) => Math.round((i * (frames - 1)) / (count - 1)));
}
