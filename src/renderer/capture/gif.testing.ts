/** A small GIF reader for tests: the screen size, the global palette's size, the loop, and each frame's delay and size. */

export interface GifInfo {
  width: number;
  height: number;
  paletteSize: number;
  /** The NETSCAPE2.0 loop count (0: forever), or null without one. */
  loops: number | null;
  frames: { delay: number; left: number; top: number; width: number; height: number }[];
}

export function readGif(bytes: Uint8Array): GifInfo {
  const text = (at: number, n: number): string => String.fromCharCode(...bytes.subarray(at, at + n));
  const u16 = (at: number): number => bytes[at] | (bytes[at + 1] << 8);
  if (text(0, 6) !== 'GIF89a' && text(0, 6) !== 'GIF87a') throw new Error('not a GIF: no GIF87a/GIF89a signature');
  const width = u16(6);
  const height = u16(8);
  const flags = bytes[10];
  const paletteSize = flags & 0x80 ? 2 << (flags & 7) : 0;
  let at = 13 + 3 * paletteSize;
  let loops: number | null = null;
  let delay = 0;
  const frames: GifInfo['frames'] = [];
  const skipSubBlocks = (): void => {
    while (bytes[at] !== 0) {
      if (at >= bytes.length) throw new Error('GIF: sub-blocks run past the end');
      at += bytes[at] + 1;
    }
    at++;
  };
  for (;;) {
    if (at >= bytes.length) throw new Error('GIF: no trailer');
    const block = bytes[at++];
    if (block === 0x3b) break;
    if (block === 0x21) {
      const label = bytes[at++];
      if (label === 0xf9) delay = u16(at + 2); // block size, packed flags, delay (hundredths), transparent index
      if (label === 0xff && text(at + 1, 11) === 'NETSCAPE2.0') loops = u16(at + 12 + 2);
      skipSubBlocks();
    } else if (block === 0x2c) {
      frames.push({ delay, left: u16(at), top: u16(at + 2), width: u16(at + 4), height: u16(at + 6) });
      const local = bytes[at + 8];
      at += 9 + (local & 0x80 ? 3 * (2 << (local & 7)) : 0);
      at++; // LZW minimum code size
      skipSubBlocks();
    } else throw new Error(`GIF: unknown block 0x${block.toString(16)} at byte ${at - 1}`);
  }
  return { width, height, paletteSize, loops, frames };
}
