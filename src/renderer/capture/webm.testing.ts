/**
 * A small WebM (EBML) reader, enough to check a recording: the document type, the video track's codec and
 * size, and its frames (SimpleBlocks, or Blocks in BlockGroups). Pure: no DOM, used by tests.
 */

export interface WebmFrame {
  /** The block's timecode, relative to its cluster's, plus the cluster's (in the segment's timecode units). */
  time: number;
  keyFrame: boolean;
  /** The encoded frame, without the block header. */
  data: Uint8Array;
}

export interface WebmInfo {
  docType: string;
  codecId: string;
  width: number;
  height: number;
  frames: WebmFrame[];
}

const ids = {
  ebml: 0x1a45dfa3,
  docType: 0x4282,
  segment: 0x18538067,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  codecId: 0x86,
  video: 0xe0,
  pixelWidth: 0xb0,
  pixelHeight: 0xba,
  cluster: 0x1f43b675,
  timecode: 0xe7,
  simpleBlock: 0xa3,
  blockGroup: 0xa0,
  block: 0xa1,
};
/** The elements read into: their children are elements too. */
const masters = new Set([ids.ebml, ids.segment, ids.tracks, ids.trackEntry, ids.video, ids.cluster, ids.blockGroup]);

/** A variable-length integer at `at`: its value (the length marker removed, for sizes) and its length. */
function vint(bytes: Uint8Array, at: number, keepMarker: boolean): { value: number; length: number; unknown: boolean } {
  const first = bytes[at];
  if (first === undefined || first === 0) throw new Error(`Not EBML: bad variable-length integer at byte ${at}`);
  const length = Math.clz32(first) - 23;
  if (at + length > bytes.length) throw new Error(`Not EBML: the file ends inside an element at byte ${at}`);
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + bytes[at + i];
    if (bytes[at + i] !== 0xff) allOnes = false;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

function uint(bytes: Uint8Array, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) value = value * 256 + bytes[i];
  return value;
}

/** Reads a WebM file's header, video track and frames; throws if it is not EBML. */
export function readWebm(input: ArrayBuffer | Uint8Array): WebmInfo {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (uint(bytes, 0, 4) !== ids.ebml) throw new Error('Not a WebM file: no EBML header (1A 45 DF A3)');
  const info: WebmInfo = { docType: '', codecId: '', width: 0, height: 0, frames: [] };
  let clusterTime = 0;
  const decoder = new TextDecoder();

  const walk = (start: number, end: number): void => {
    let at = start;
    while (at < end) {
      const id = vint(bytes, at, true);
      const size = vint(bytes, at + id.length, false);
      const body = at + id.length + size.length;
      // An element of unknown size (a live stream's Segment or Cluster) runs to its parent's end.
      const bodyEnd = size.unknown ? end : Math.min(end, body + size.value);
      switch (id.value) {
        case ids.docType:
          info.docType = decoder.decode(bytes.subarray(body, bodyEnd));
          break;
        case ids.codecId:
          if (!info.codecId) info.codecId = decoder.decode(bytes.subarray(body, bodyEnd)).replace(/\0+$/, '');
          break;
        case ids.pixelWidth:
          if (!info.width) info.width = uint(bytes, body, bodyEnd);
          break;
        case ids.pixelHeight:
          if (!info.height) info.height = uint(bytes, body, bodyEnd);
          break;
        case ids.timecode:
          clusterTime = uint(bytes, body, bodyEnd);
          break;
        case ids.simpleBlock:
        case ids.block: {
          // Block header: track number (a vint), a signed 16-bit timecode, a flags byte.
          const track = vint(bytes, body, false);
          const t = body + track.length;
          const relative = (((bytes[t] << 8) | bytes[t + 1]) << 16) >> 16;
          const flags = bytes[t + 2];
          info.frames.push({
            time: clusterTime + relative,
            keyFrame: id.value === ids.simpleBlock && (flags & 0x80) !== 0,
            data: bytes.subarray(t + 3, bodyEnd),
          });
          break;
        }
        default:
          if (masters.has(id.value)) walk(body, bodyEnd);
      }
      at = bodyEnd;
    }
  };
  walk(0, bytes.length);
  return info;
}
