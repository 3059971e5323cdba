/**
 * A .zip of stored (uncompressed) files, for a PNG sequence where no folder can be written (the automation
 * API, and a browser without `showDirectoryPicker`). PNGs are already compressed, so storing them costs
 * nothing, and a stored zip is small enough to write by hand (PKWARE's APPNOTE.TXT, sections 4.3.7, 4.3.12,
 * 4.3.16) without a dependency. Every entry has the same fixed time, so the same frames give the same bytes.
 * No zip64: at most 65,535 entries and 4 GiB, checked. Pure (Blob and typed arrays): tested in node.
 */

/** CRC-32 as zip and PNG use it (reflected, polynomial 0xEDB88320), one table lookup a byte. */
const crcTable = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** 1980-01-01 00:00, the first time an MS-DOS date can hold: (year − 1980) << 9 | month << 5 | day. */
const dosDate = (0 << 9) | (1 << 5) | 1;
const dosTime = 0;
/** Version 2.0 of the format: what a stored file in a folder-less archive needs (APPNOTE 4.4.3.2). */
const version = 20;
export const zipLimits = { entries: 0xffff, bytes: 0xffffffff } as const;

interface Entry {
  name: Uint8Array;
  crc: number;
  size: number;
  offset: number;
}

export class StoredZip {
  private readonly parts: BlobPart[] = [];
  private readonly entries: Entry[] = [];
  private offset = 0;

  /** Adds a file; throws when the archive would outgrow a zip without zip64. */
  add(name: string, bytes: Uint8Array): void {
    const encoded = new TextEncoder().encode(name);
    const header = 30 + encoded.length;
    if (this.entries.length >= zipLimits.entries) throw new Error(`a .zip holds at most ${zipLimits.entries} files`);
    if (this.offset + header + bytes.length > zipLimits.bytes) throw new Error('a .zip holds at most 4 GiB');
    const entry = { name: encoded, crc: crc32(bytes), size: bytes.length, offset: this.offset };
    const local = new DataView(new ArrayBuffer(header));
    local.setUint32(0, 0x04034b50, true); // local file header signature
    local.setUint16(4, version, true);
    // 6: flags 0, 8: method 0 (stored)
    local.setUint16(10, dosTime, true);
    local.setUint16(12, dosDate, true);
    local.setUint32(14, entry.crc, true);
    local.setUint32(18, entry.size, true); // compressed size: stored, the same
    local.setUint32(22, entry.size, true);
    local.setUint16(26, encoded.length, true);
    // 28: no extra field
    new Uint8Array(local.buffer).set(encoded, 30);
    // A Blob of each file's bytes: the browser may keep them out of the page's heap until the end.
    this.parts.push(local.buffer, new Blob([bytes as Uint8Array<ArrayBuffer>]));
    this.entries.push(entry);
    this.offset += header + bytes.length;
  }

  /** How many files so far. */
  get count(): number {
    return this.entries.length;
  }

  /** The archive: the files, then the central directory and its end record. */
  finish(): Blob {
    const directorySize = this.entries.reduce((n, e) => n + 46 + e.name.length, 0);
    if (this.offset + directorySize + 22 > zipLimits.bytes) throw new Error('a .zip holds at most 4 GiB');
    const directory = new DataView(new ArrayBuffer(directorySize + 22));
    let at = 0;
    for (const entry of this.entries) {
      directory.setUint32(at, 0x02014b50, true); // central directory header signature
      directory.setUint16(at + 4, version, true); // made by: MS-DOS attributes (upper byte 0), version 2.0
      directory.setUint16(at + 6, version, true);
      // 8: flags, 10: method
      directory.setUint16(at + 12, dosTime, true);
      directory.setUint16(at + 14, dosDate, true);
      directory.setUint32(at + 16, entry.crc, true);
      directory.setUint32(at + 20, entry.size, true);
      directory.setUint32(at + 24, entry.size, true);
      directory.setUint16(at + 28, entry.name.length, true);
      // 30: extra, 32: comment, 34: disk, 36: internal attributes, 38: external attributes, all 0
      directory.setUint32(at + 42, entry.offset, true);
      new Uint8Array(directory.buffer).set(entry.name, at + 46);
      at += 46 + entry.name.length;
    }
    directory.setUint32(at, 0x06054b50, true); // end of central directory signature
    directory.setUint16(at + 8, this.entries.length, true); // entries on this disk
    directory.setUint16(at + 10, this.entries.length, true); // entries in all
    directory.setUint32(at + 12, directorySize, true);
    directory.setUint32(at + 16, this.offset, true);
    return new Blob([...this.parts, directory.buffer], { type: 'application/zip' });
  }
}
