/**
 * The picture a capture takes: the scene's canvas as drawn, or, with a title or a caption (clean mode) or
 * with the settings card and the loss chart beside the scene, a 2D canvas that holds them all, so that they
 * are part of the PNG or the video.
 */
import type { LabState } from '../lab';
import type { CaptureSurface } from '../mounts';
import { bandHeight, type CaptureLayout } from './layout';
import { cardBackground, cardLines, drawCard, LossTrace } from './sidebar';

export interface Texts {
  title: string;
  caption: string;
}

/**
 * Returns what to read the current picture from: a function, called after each render. `state` is read at
 * each picture for the card and the chart (the chart follows the pictures taken, from the first).
 */
export function composer(
  surface: CaptureSurface,
  width: number,
  height: number,
  { title, caption }: Texts,
  layout: CaptureLayout,
  state: () => Readonly<LabState>,
): () => HTMLCanvasElement {
  if (!title && !caption && !layout.card && !layout.chart) return () => surface.canvas;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { alpha: false });
  if (!context) throw new Error('This browser has no 2D canvas to compose the picture on');
  const unit = height / 720;
  const trace = new LossTrace();
  const { scene, card, chart } = layout;
  return () => {
    context.drawImage(surface.canvas, scene.x, scene.y, scene.width, scene.height);
    // The column afresh under the bands too: a translucent band must not pile up frame after frame.
    if (card || chart) {
      context.fillStyle = cardBackground;
      context.fillRect(scene.width, 0, width - scene.width, height);
    }
    const now = state();
    if (card) drawCard(context, card, cardLines(now), unit);
    if (chart) {
      trace.push(now.step, now.summary.meanLoss, now.summary.bestLoss);
      trace.draw(context, chart, unit);
    }
    if (title) band(context, title, 'top', Math.round(34 * unit), width, unit);
    if (caption) band(context, caption, 'bottom', Math.round(22 * unit), width, unit);
    return canvas;
  };
}

/** One line of text on a translucent band along the top or the bottom edge (its height: ./layout.ts). */
function band(context: CanvasRenderingContext2D, text: string, edge: 'top' | 'bottom', size: number, width: number, unit: number): void {
  const pad = Math.round(14 * unit);
  const height = bandHeight(edge, context.canvas.height);
  const y = edge === 'top' ? 0 : context.canvas.height - height;
  context.fillStyle = 'rgba(11, 14, 18, 0.72)';
  context.fillRect(0, y, width, height);
  context.font = `${edge === 'top' ? 600 : 400} ${size}px system-ui, -apple-system, "Segoe UI", sans-serif`;
  context.fillStyle = edge === 'top' ? '#e8edf3' : '#b7c0cc';
  context.textBaseline = 'middle';
  context.textAlign = 'left';
  context.fillText(text, pad * 1.5, y + height / 2, width - 3 * pad);
}
