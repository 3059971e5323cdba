/**
 * The basins map as a picture: one pixel per start, coloured by its basin (./colours.ts), scaled up without
 * smoothing; the surface's contour lines over it (named surfaces: the kernel is cheap to sample here), and
 * each minimum marked. y grows up the picture, as on the scene's top view.
 */
import type { BasinsResult } from '../../../shared/basins-messages';
import { partials, surfaces, type SurfaceName } from '../../../engine/surfaces';
import { contourLevels, contourSegments } from '../../scene/contours';
import { fillHeights, fitHeightScale } from '../../scene/heights';
import { labelColour } from './colours';

const contourResolution = 96;
const contourCount = 14;

/** Draws `result` over the whole canvas; `fn` names the surface for its contour lines (none for a formula). */
export function drawBasins(canvas: HTMLCanvasElement, result: BasinsResult, fn: string | undefined, marker: [number, number] | null): void {
  const { resolution, range, labels, minima } = result;
  const image = new ImageData(resolution, resolution);
  for (let iy = 0; iy < resolution; iy++) {
    for (let ix = 0; ix < resolution; ix++) {
      const [r, g, b] = labelColour(labels[iy * resolution + ix], minima.length);
      const p = 4 * ((resolution - 1 - iy) * resolution + ix);
      image.data[p] = r;
      image.data[p + 1] = g;
      image.data[p + 2] = b;
      image.data[p + 3] = 255;
    }
  }
  const small = document.createElement('canvas');
  small.width = resolution;
  small.height = resolution;
  small.getContext('2d')!.putImageData(image, 0, 0);
  const context = canvas.getContext('2d')!;
  const { width, height } = canvas;
  context.imageSmoothingEnabled = false;
  context.clearRect(0, 0, width, height);
  context.drawImage(small, 0, 0, width, height);

  const toX = (x: number) => ((x - range[0][0]) / (range[0][1] - range[0][0])) * width;
  const toY = (y: number) => (1 - (y - range[1][0]) / (range[1][1] - range[1][0])) * height;
  if (fn !== undefined && fn in surfaces) drawContours(context, fn as SurfaceName, range, width, height);
  context.lineWidth = 1.5;
  for (const [x, y] of minima.length <= 200 ? minima : []) {
    context.beginPath();
    context.arc(toX(x), toY(y), 3.5, 0, 2 * Math.PI);
    context.fillStyle = '#ffffff';
    context.strokeStyle = '#0b0e12';
    context.fill();
    context.stroke();
  }
  if (marker) {
    const [mx, my] = [toX(marker[0]), toY(marker[1])];
    context.strokeStyle = '#ffffff';
    context.lineWidth = 2;
    context.beginPath();
    context.moveTo(mx - 7, my);
    context.lineTo(mx + 7, my);
    context.moveTo(mx, my - 7);
    context.lineTo(mx, my + 7);
    context.stroke();
  }
}

/** Contour lines of the surface on the scene's own height scale (log where a linear one would flatten it). */
function drawContours(context: CanvasRenderingContext2D, fn: SurfaceName, range: BasinsResult['range'], width: number, height: number): void {
  const n = contourResolution;
  const values = new Float64Array(n * n);
  const g = partials();
  const evaluate = surfaces[fn].evaluate;
  for (let ib = 0; ib < n; ib++) {
    for (let ia = 0; ia < n; ia++) {
      const x = range[0][0] + ((range[0][1] - range[0][0]) * ia) / (n - 1);
      const y = range[1][0] + ((range[1][1] - range[1][0]) * ib) / (n - 1);
      values[ib * n + ia] = evaluate(x, y, g);
    }
  }
  const heights = fillHeights(fitHeightScale(values), values, new Float32Array(n * n));
  const segments = contourSegments(heights, n, contourLevels(contourCount));
  context.strokeStyle = 'rgba(11, 14, 18, 0.45)';
  context.lineWidth = 1;
  context.beginPath();
  for (let k = 0; k < segments.length; k += 6) {
    context.moveTo((segments[k] / (n - 1)) * width, (1 - segments[k + 1] / (n - 1)) * height);
    context.lineTo((segments[k + 3] / (n - 1)) * width, (1 - segments[k + 4] / (n - 1)) * height);
  }
  context.stroke();
}
