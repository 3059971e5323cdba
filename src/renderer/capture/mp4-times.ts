/**
 * Mediabunny stamps an MP4's movie, track and media headers (mvhd, tkhd, mdhd) with the time it was made,
 * which would make two identical recordings differ in 24 bytes. This sets those creation and modification
 * times to 0 (1 January 1904, the epoch of ISO/IEC 14496-12, as ffmpeg's bitexact mode does), in place.
 * Pure: tested in node.
 */

/** The boxes that hold others on the way to the three headers. */
const containers = new Set(['moov', 'trak', 'mdia']);
/** The boxes whose version-dependent first fields are the creation and modification times. */
const stamped = new Set(['mvhd', 'tkhd', 'mdhd']);

/** Zeroes the creation and modification times of every mvhd, tkhd and mdhd; returns how many headers it changed. */
export function clearMp4Times(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return walk(view, 0, bytes.byteLength);
}

function walk(view: DataView, start: number, end: number): number {
  let changed = 0;
  let at = start;
  while (at + 8 <= end) {
    let size = view.getUint32(at);
    const type = String.fromCharCode(view.getUint8(at + 4), view.getUint8(at + 5), view.getUint8(at + 6), view.getUint8(at + 7));
    let header = 8;
    if (size === 1) {
      size = Number(view.getBigUint64(at + 8));
      header = 16;
    } else if (size === 0) size = end - at; // to the end of the file
    if (size < header || at + size > end) throw new Error(`MP4: box "${type}" at byte ${at} runs past its parent`);
    if (containers.has(type)) changed += walk(view, at + header, at + size);
    else if (stamped.has(type)) {
      // A full box: version (1 byte), flags (3), then the two times, 32-bit each in version 0, 64-bit in version 1.
      const body = at + header;
      const width = view.getUint8(body) === 1 ? 8 : 4;
      for (let i = 0; i < 2 * width; i++) view.setUint8(body + 4 + i, 0);
      changed++;
    }
    at += size;
  }
  return changed;
}
