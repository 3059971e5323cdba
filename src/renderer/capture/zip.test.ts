import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32, StoredZip } from './zip';
import { readZip } from './zip.testing';

const text = (s: string) => new TextEncoder().encode(s);
const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

describe('crc32', () => {
  it('gives the check values of CRC-32/ISO-HDLC (the CRC catalogue: "123456789" → 0xCBF43926; nothing → 0)', () => {
    expect(crc32(text('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('StoredZip', () => {
  const files: [string, string][] = [
    ['frame-00001.png', 'first frame'],
    ['frame-00002.png', ''],
    ['frame-00003.png', 'x'.repeat(1000)],
  ];
  async function made(): Promise<Uint8Array> {
    const zip = new StoredZip();
    for (const [name, body] of files) zip.add(name, text(body));
    return bytesOf(zip.finish());
  }

  it('holds each file stored, under its name, with its CRC, in order', async () => {
    const entries = readZip(await made());
    expect(entries.map((e) => e.name)).toEqual(files.map(([name]) => name));
    for (const [i, [, body]] of files.entries()) {
      expect(entries[i].method).toBe(0);
      expect(new TextDecoder().decode(entries[i].bytes)).toBe(body);
      expect(entries[i].crc).toBe(crc32(text(body)));
    }
  });

  it('is the same bytes for the same files (a fixed time on every entry)', async () => {
    expect(Buffer.from(await made()).equals(Buffer.from(await made()))).toBe(true);
  });

  it('is a zip an independent tool accepts (Info-ZIP unzip -t, where installed)', async (context) => {
    if (!existsSync('/usr/bin/unzip')) context.skip();
    const folder = mkdtempSync(join(tmpdir(), 'descent-zip-'));
    try {
      writeFileSync(join(folder, 'frames.zip'), await made());
      const result = spawnSync('/usr/bin/unzip', ['-t', join(folder, 'frames.zip')], { encoding: 'utf8' });
      expect(result.status, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toContain('No errors detected');
      for (const [name] of files) expect(result.stdout).toContain(`testing: ${name}`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('an empty archive is the end record alone', async () => {
    const bytes = await bytesOf(new StoredZip().finish());
    expect(bytes.length).toBe(22);
    expect(readZip(bytes)).toEqual([]);
  });
});
