import { describe, expect, it } from 'vitest';
import { GifRecording, key565, PaletteLookup } from './gif';
import { gifDelay, gifEstimate, maxGifMemory, sampledFrames } from './gif-size';
import { readGif } from './gif.testing';

/** A width × height RGBA frame of one colour. */
function flat(width: number, height: number, [r, g, b]: [number, number, number]): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < rgba.length; i += 4) rgba.set([r, g, b, 255], i);
  return rgba;
}

/** n frames going from red (frame 0) to blue (the last), all 16 × 9. */
function redToBlue(n: number, fps: number): GifRecording {
  const gif = new GifRecording(16, 9, n, fps);
  for (let k = 0; k < n; k++) {
    const t = n === 1 ? 0 : k / (n - 1);
    gif.add(flat(16, 9, [Math.round(255 * (1 - t)), 0, Math.round(255 * t)]));
  }
  return gif;
}

describe('GifRecording', () => {
  it('writes every frame at the picture size, looping forever, on the fixed clock', () => {
    const info = readGif(redToBlue(12, 30).finish());
    expect([info.width, info.height]).toEqual([16, 9]);
    expect(info.loops).toBe(0);
    expect(info.frames).toHaveLength(12);
    expect(info.frames.every((f) => f.width === 16 && f.height === 9 && f.left === 0 && f.top === 0)).toBe(true);
    expect(info.frames.map((f) => f.delay)).toEqual(Array.from({ length: 12 }, (_, k) => gifDelay(k, 30)));
  });

  it('builds the palette from frames over the whole clip: the last frame’s blue is in it, not only the first’s red', () => {
    const palette = redToBlue(40, 30).palette();
    expect(palette.length).toBeLessThanOrEqual(256);
    const near = (c: number[]): boolean => palette.some((p) => Math.abs(p[0] - c[0]) <= 8 && Math.abs(p[1] - c[1]) <= 8 && Math.abs(p[2] - c[2]) <= 8);
    expect(near([255, 0, 0])).toBe(true);
    expect(near([0, 0, 255])).toBe(true);
  });

  it('gives the same bytes for the same frames', () => {
    expect(Buffer.from(redToBlue(10, 24).finish()).equals(Buffer.from(redToBlue(10, 24).finish()))).toBe(true);
  });

  it('refuses a frame of the wrong size, and a finish before the last frame', () => {
    const gif = new GifRecording(16, 9, 2, 30);
    expect(() => gif.add(new Uint8Array(10))).toThrow(/GIF frame of 10 bytes, expected 576/);
    gif.add(flat(16, 9, [0, 0, 0]));
    expect(() => gif.finish()).toThrow(/GIF has 1 frames of 2/);
  });
});

describe('PaletteLookup', () => {
  it('maps each 5-6-5 code to its nearest palette colour', () => {
    const lookup = new PaletteLookup([
      [0, 0, 0],
      [255, 255, 255],
      [255, 0, 0],
    ]);
    expect(lookup.index(key565(10, 10, 10))).toBe(0);
    expect(lookup.index(key565(240, 250, 240))).toBe(1);
    expect(lookup.index(key565(200, 30, 20))).toBe(2);
    expect(lookup.index(key565(200, 30, 20))).toBe(2); // the second time from what it found the first
  });
});

describe('gif sizes and delays', () => {
  it('keeps a second a second: 30 fps delays are 3, 4, 3 hundredths… and add up to 100', () => {
    const delays = Array.from({ length: 30 }, (_, k) => gifDelay(k, 30));
    expect(delays.slice(0, 6)).toEqual([3, 4, 3, 3, 4, 3]); // round(100 k / 30): 0, 3, 7, 10, 13, 17, 20
    expect(delays.reduce((a, b) => a + b, 0)).toBe(100);
    expect(gifDelay(0, 25)).toBe(4);
  });

  it('samples eight frames, first and last included, or every frame of a shorter clip', () => {
    expect(sampledFrames(100)).toEqual([0, 14, 28, 42, 57, 71, 85, 99]); // round(i · 99 / 7)
    expect(sampledFrames(3)).toEqual([0, 1, 2]);
    expect(sampledFrames(1)).toEqual([0]);
  });

  it('estimates the file and the memory from the size and the frame count', () => {
    // 320 × 180 × 8 frames: 800 bytes of header and palette, 19 + 57 600 × 0.25 a frame; memory 2 bytes a pixel a frame and 4 for each of 8 samples.
    expect(gifEstimate(320, 180, 8)).toEqual({ bytes: 800 + 8 * (19 + 14_400), memory: 8 * 57_600 * 2 + 8 * 57_600 * 4 });
    // 720p at 30 fps for 5 s is under the limit; 4K for 5 s is not.
    expect(gifEstimate(1280, 720, 150).memory).toBeLessThan(maxGifMemory);
    expect(gifEstimate(3840, 2160, 150).memory).toBeGreaterThan(maxGifMemory);
  });
});
