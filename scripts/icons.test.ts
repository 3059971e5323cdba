/** The icon set: build/icon.svg drawn by scripts/icons.mjs at every size the installers ask for (PNG headers read back). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without a declaration file
import { ICON_SIZES, PAGE_ICON } from './icons.mjs';

const buildDir = path.resolve(import.meta.dirname, '..', 'build');

/** Width, height, bit depth and colour type from a PNG's signature and IHDR chunk (PNG spec §5.2, §11.2.2). */
function pngHeader(file: string): { width: number; height: number; bitDepth: number; colourType: number } {
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 8)], `${file}: PNG signature`).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.toString('latin1', 12, 16), `${file}: first chunk`).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bitDepth: bytes[24], colourType: bytes[25] };
}

describe('icons', () => {
  it('come in every size from 16 to 1024 pixels', () => {
    expect(ICON_SIZES[0]).toBe(16);
    expect(ICON_SIZES.at(-1)).toBe(1024);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) expect(ICON_SIZES).toContain(size);
  });

  it.each(ICON_SIZES as number[])('%i px: a square RGBA PNG of that size, with transparent corners possible', (size) => {
    // Colour type 6 is RGBA: the rounded tile needs an alpha channel.
    expect(pngHeader(path.join(buildDir, 'icons', `${size}x${size}.png`))).toEqual({ width: size, height: size, bitDepth: 8, colourType: 6 });
  });

  it('gives macOS and Windows a 1024 px source (electron-builder needs at least 512 for .icns)', () => {
    expect(pngHeader(path.join(buildDir, 'icon.png'))).toMatchObject({ width: 1024, height: 1024, colourType: 6 });
  });

  it('is drawn from a square SVG in the lab’s colours', () => {
    const svg = readFileSync(path.join(buildDir, 'icon.svg'), 'utf8');
    expect(svg).toMatch(/viewBox="0 0 1024 1024"/);
    const style = readFileSync(path.resolve(buildDir, '..', 'src/renderer/style.css'), 'utf8');
    for (const variable of ['--bg', '--accent']) {
      const colour = new RegExp(`${variable}:\\s*(#[0-9a-f]{6})`, 'i').exec(style)?.[1];
      expect(colour, variable).toBeDefined();
      expect(svg.toLowerCase()).toContain(colour!.toLowerCase());
    }
  });
});

describe('the page icon', () => {
  it('is the same drawing as build/icon.svg (npm run icons copies it)', () => {
    expect(readFileSync(PAGE_ICON, 'utf8')).toBe(readFileSync(path.join(buildDir, 'icon.svg'), 'utf8'));
  });
});
