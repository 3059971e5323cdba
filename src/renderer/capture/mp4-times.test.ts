import { describe, expect, it } from 'vitest';
import { clearMp4Times } from './mp4-times';

/** One box: a 32-bit size, its four-letter type, its body. */
function box(type: string, body: number[]): number[] {
  const size = 8 + body.length;
  return [size >>> 24, (size >>> 16) & 255, (size >>> 8) & 255, size & 255, ...[...type].map((c) => c.charCodeAt(0)), ...body];
}
/** A full box's body: version, flags, creation and modification times (filled with 0xAB), then four more bytes. */
function stamped(version: 0 | 1): number[] {
  return [version, 0, 0, 0, ...new Array(version === 1 ? 16 : 8).fill(0xab), 1, 2, 3, 4];
}

describe('clearMp4Times', () => {
  it('zeroes the times of mvhd, tkhd and mdhd (versions 0 and 1), and nothing else', () => {
    const file = Uint8Array.from([
      ...box('ftyp', [0x69, 0x73, 0x6f, 0x6d]),
      ...box('moov', [...box('mvhd', stamped(0)), ...box('trak', [...box('tkhd', stamped(1)), ...box('mdia', box('mdhd', stamped(0)))])]),
      ...box('mdat', [0xab, 0xab]),
    ]);
    const before = Uint8Array.from(file);
    expect(clearMp4Times(file)).toBe(3);
    const changed = [...file.keys()].filter((i) => file[i] !== before[i]);
    // 8 + 16 + 8 time bytes, each was 0xAB and is now 0; the mdat's 0xAB bytes are untouched.
    expect(changed).toHaveLength(32);
    expect(changed.every((i) => before[i] === 0xab && file[i] === 0)).toBe(true);
    expect([...file.subarray(file.length - 2)]).toEqual([0xab, 0xab]);
  });

  it('refuses a box that runs past its parent', () => {
    const file = Uint8Array.from(box('moov', box('mvhd', stamped(0))));
    file[3] += 4; // moov claims 4 bytes more than the file has
    expect(() => clearMp4Times(file)).toThrow(/box "moov" at byte 0 runs past its parent/);
  });
});
