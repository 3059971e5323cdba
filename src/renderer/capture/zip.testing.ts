/**
 * Reads a stored .zip back for tests (the unit test and the e2e spec of the PNG sequence): from the end
 * record to the central directory to each local header, as an unzip tool does (APPNOTE.TXT 4.3). Only what
 * ./zip.ts writes: stored entries, no zip64.
 */
export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  bytes: Uint8Array;
}

export function readZip(zip: Uint8Array): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  if (view.getUint32(end, true) !== 0x06054b50) throw new Error('no end of central directory record (or a comment)');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`central directory entry ${i}: bad signature`);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error(`${name}: bad local header signature`);
    const data = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    entries.push({ name, method, crc, bytes: zip.subarray(data, data + size) });
    at += 46 + skip;
  }
  return entries;
}

/** A PNG's width and height from its IHDR chunk (PNG spec 11.2.2: signature, length, "IHDR", width, height). */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (new TextDecoder().decode(png.subarray(12, 16)) !== 'IHDR') throw new Error('not a PNG (no IHDR first)');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
