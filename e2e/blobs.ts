/** Blobs made in the page (screenshots, videos, exports), brought here as bytes. */
import { expect, type Page } from '@playwright/test';

/** Evaluates `make` (code that returns a Promise<Blob>) in the page; its bytes, base64 across the boundary. */
export async function bytesOf(page: Page, make: string): Promise<Buffer> {
  const base64 = await page.evaluate(async (code) => {
    const blob = (await (0, eval)(code)) as Blob;
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return `${blob.type};${btoa(text)}`;
  }, make);
  const [type, data] = base64.split(';');
  expect(type).not.toBe('');
  return Buffer.from(data, 'base64');
}

/** The colours of a PNG the page made, at these pixels, decoded by the page's own image decoder. */
export async function pixelsOf(page: Page, make: string, points: [number, number][]): Promise<[number, number, number][]> {
  return page.evaluate(
    async ({ code, points }) => {
      const blob = (await (0, eval)(code)) as Blob;
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      return points.map(([x, y]) => {
        const [r, g, b] = context.getImageData(x, y, 1, 1).data;
        return [r, g, b] as [number, number, number];
      });
    },
    { code: make, points },
  );
}
