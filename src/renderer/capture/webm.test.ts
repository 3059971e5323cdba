import { describe, expect, it } from 'vitest';
import { readWebm } from './webm.testing';

/** One EBML element: id bytes, a one-byte size (or the unknown size 0x01FFFFFFFFFFFFFF), the body. */
function el(id: number[], body: number[], unknownSize = false): number[] {
  if (unknownSize) return [...id, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, ...body];
  if (body.length > 126) throw new Error('test helper: body too long');
  return [...id, 0x80 | body.length, ...body];
}
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));
const simpleBlock = (time: number, key: boolean, payload: number[]): number[] => el([0xa3], [0x81, time >> 8, time & 0xff, key ? 0x80 : 0, ...payload]);

/** A handmade file: EBML header (webm), a Segment with one VP9 track of 320 × 180 and a cluster of three frames. */
function handmade(unknownSize: boolean): Uint8Array {
  const header = el([0x1a, 0x45, 0xdf, 0xa3], el([0x42, 0x82], ascii('webm')));
  const video = el([0xe0], [...el([0xb0], [0x01, 0x40]), ...el([0xba], [0xb4])]);
  const tracks = el([0x16, 0x54, 0xae, 0x6b], el([0xae], [...el([0xd7], [1]), ...el([0x86], ascii('V_VP9')), ...video]));
  const cluster = el(
    [0x1f, 0x43, 0xb6, 0x75],
    [...el([0xe7], [0x64]), ...simpleBlock(0, true, [1, 2, 3]), ...simpleBlock(33, false, [4]), ...simpleBlock(67, false, [5, 6])],
    unknownSize,
  );
  return Uint8Array.from([...header, ...el([0x18, 0x53, 0x80, 0x67], [...tracks, ...cluster], unknownSize)]);
}

describe('readWebm', () => {
  it.each([false, true])('reads the doc type, the track and the frames (unknown sizes: %s)', (unknownSize) => {
    const info = readWebm(handmade(unknownSize));
    expect(info.docType).toBe('webm');
    expect(info.codecId).toBe('V_VP9');
    expect([info.width, info.height]).toEqual([320, 180]); // 0x0140 = 320, 0xB4 = 180
    expect(info.frames.map((f) => [f.time, f.keyFrame, [...f.data]])).toEqual([
      [100, true, [1, 2, 3]], // cluster timecode 0x64 = 100, plus 0
      [133, false, [4]],
      [167, false, [5, 6]],
    ]);
  });

  it('refuses a file without the EBML magic', () => {
    expect(() => readWebm(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toThrow(/no EBML header/);
  });
});
