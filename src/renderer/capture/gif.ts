/**
 * A GIF of a recording through gifenc, with one palette built for the whole recording: every frame is kept
 * as RGB 5-6-5 (2 bytes a pixel), a few frames spread over the clip are kept whole, and at the end the
 * palette is quantized over those (so the colours of the last frames count as much as the first's), each
 * 5-6-5 colour used is mapped once to its nearest palette entry, and the frames are written. Pure: tested in node.
 */
import { GIFEncoder, nearestColorIndex, quantize, type Palette } from 'gifenc';
import { gifDelay, sampledFrames } from './gif-size';

export class GifRecording {
  private readonly frames: Uint16Array[] = [];
  private readonly samples: Uint8Array[] = [];
  private readonly sampled: Set<number>;

  constructor(
    readonly width: number,
    readonly height: number,
    readonly frameCount: number,
    readonly fps: number,
  ) {
    this.sampled = new Set(sampledFrames(frameCount));
  }

  /** Adds the next frame: RGBA bytes, width × height × 4 (alpha ignored). */
  add(rgba: Uint8Array | Uint8ClampedArray): void {
    const pixels = this.width * this.height;
    if (rgba.length !== pixels * 4) throw new Error(`GIF frame of ${rgba.length} bytes, expected ${pixels * 4}`);
    if (this.sampled.has(this.frames.length)) this.samples.push(Uint8Array.from(rgba));
    const keys = new Uint16Array(pixels);
    for (let i = 0, j = 0; i < pixels; i++, j += 4) keys[i] = key565(rgba[j], rgba[j + 1], rgba[j + 2]);
    this.frames.push(keys);
  }

  /** The palette of the sampled frames (at most 256 colours). */
  palette(): Palette {
    const all = new Uint8Array(this.samples.reduce((n, s) => n + s.length, 0));
    let at = 0;
    for (const sample of this.samples) {
      all.set(sample, at);
      at += sample.length;
    }
    return quantize(all, 256, { format: 'rgb565' });
  }

  /** The finished file: every frame added, looping forever, on the fixed clock's delays. */
  finish(): Uint8Array {
    if (this.frames.length !== this.frameCount) throw new Error(`GIF has ${this.frames.length} frames of ${this.frameCount}`);
    const palette = this.palette();
    const lookup = new PaletteLookup(palette);
    const gif = GIFEncoder();
    const index = new Uint8Array(this.width * this.height);
    this.frames.forEach((keys, k) => {
      for (let i = 0; i < keys.length; i++) index[i] = lookup.index(keys[i]);
      // gifenc takes the delay in ms and writes round(ms / 10) hundredths: whole hundredths go through exactly.
      gif.writeFrame(index, this.width, this.height, { palette: k === 0 ? palette : undefined, delay: gifDelay(k, this.fps) * 10, repeat: 0 });
    });
    gif.finish();
    this.frames.length = 0;
    this.samples.length = 0;
    return gif.bytes();
  }
}

/** An RGB colour's 5-6-5 code. */
export function key565(r: number, g: number, b: number): number {
  return ((r >> 3) << 11) | ((g >> 2) << 5) | (b >> 3);
}

/** The nearest palette entry of a 5-6-5 code, from the centre of its cell: found once for each code a recording uses. */
export class PaletteLookup {
  private readonly found = new Int16Array(65536).fill(-1);

  constructor(private readonly palette: Palette) {}

  index(key: number): number {
    const known = this.found[key];
    if (known >= 0) return known;
    const r = ((key >> 11) << 3) | 4;
    const g = (((key >> 5) & 63) << 2) | 2;
    const b = ((key & 31) << 3) | 4;
    return (this.found[key] = nearestColorIndex(this.palette, [r, g, b]));
  }
}
