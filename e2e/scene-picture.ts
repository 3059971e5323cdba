/** The 3D scene's canvas read back in the page (it keeps its drawing buffer), for specs that assert what is drawn. */
import type { Page } from '@playwright/test';

export interface Picture {
  /** Share of pixels that differ from the background, over the whole canvas and over each half. */
  share: number;
  left: number;
  right: number;
  /** A coarse sample of the picture (grey levels on a 48 × 32 grid), to compare two pictures. */
  sample: number[];
  /** WebGL's error flag (0: no error). */
  glError: number;
  /** The colour of the top-left pixel (the background there). */
  corner: number[];
}

/** Lets two animation frames pass (the scene draws on the next one), then reads the canvas back. */
export async function picture(page: Page): Promise<Picture> {
  return page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const canvas = document.querySelector('[data-testid=scene]') as HTMLCanvasElement;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext('2d')!;
    context.drawImage(canvas, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, copy.width, copy.height);
    // The scene's background is #0b0e12 (LabScene.ts).
    const counts = [0, 0];
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const k = 4 * (y * width + x);
        if (Math.abs(data[k] - 11) + Math.abs(data[k + 1] - 14) + Math.abs(data[k + 2] - 18) > 24) counts[x < width / 2 ? 0 : 1]++;
      }
    }
    const sample: number[] = [];
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 48; x++) {
        const k = 4 * (Math.floor(((y + 0.5) * height) / 32) * width + Math.floor(((x + 0.5) * width) / 48));
        sample.push(Math.round((data[k] + data[k + 1] + data[k + 2]) / 3));
      }
    }
    const gl = canvas.getContext('webgl2');
    const half = (width * height) / 2;
    return {
      share: (counts[0] + counts[1]) / (width * height),
      left: counts[0] / half,
      right: counts[1] / half,
      sample,
      glError: gl ? gl.getError() : -1,
      corner: Array.from(data.subarray(0, 3)),
    };
  });
}

/** How many samples of two pictures differ by more than a few grey levels. */
export function difference(a: Picture, b: Picture): number {
  return a.sample.filter((v, k) => Math.abs(v - b.sample[k]) > 8).length;
}

/**
 * The grey levels of the canvas in a square of `half` CSS pixels either side of page point (x, y), after two
 * frames, row by row: to see where something was drawn. The side is 2·half + 1 samples, one per CSS pixel.
 */
export async function patch(page: Page, x: number, y: number, half: number): Promise<number[]> {
  return page.evaluate(
    async ({ x, y, half }) => {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const canvas = document.querySelector('[data-testid=scene]') as HTMLCanvasElement;
      const rect = canvas.getBoundingClientRect();
      const scale = canvas.width / rect.width;
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const context = copy.getContext('2d')!;
      context.drawImage(canvas, 0, 0);
      const side = 2 * half + 1;
      const left = Math.round((x - rect.left - half) * scale);
      const top = Math.round((y - rect.top - half) * scale);
      const size = Math.ceil(side * scale);
      const { data } = context.getImageData(left, top, size, size);
      const grey: number[] = [];
      for (let row = 0; row < side; row++) {
        for (let column = 0; column < side; column++) {
          const k = 4 * (Math.floor(row * scale) * size + Math.floor(column * scale));
          grey.push((data[k] + data[k + 1] + data[k + 2]) / 3);
        }
      }
      return grey;
    },
    { x, y, half },
  );
}
