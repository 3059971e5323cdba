/**
 * Where the parts of a captured picture go. Scene only: the whole picture. With the settings card or the
 * loss chart: a column on the right (30% of the width) holds them, card above chart, and the scene takes
 * the rest. A title or a caption is a band across the whole width (./compose.ts): the column then lies
 * between the bands, so that none of its rows is dimmed under one. Pure: tested in node.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CaptureLayout {
  scene: Rect;
  card: Rect | null;
  chart: Rect | null;
}

export interface SideParts {
  chart: boolean;
  panel: boolean;
}

/** The column's share of the width. */
export const sideShare = 0.3;

/** The height of the title band (top) or the caption band (bottom) of a picture `height` pixels high. */
export function bandHeight(edge: 'top' | 'bottom', height: number): number {
  const unit = height / 720;
  return Math.round((edge === 'top' ? 34 : 22) * unit) + 2 * Math.round(14 * unit);
}

/** The bands a capture draws: a title at the top, a caption at the bottom, when given. */
export function bandsOf({ title, caption }: { title?: string; caption?: string }, height: number): { top: number; bottom: number } {
  return { top: title ? bandHeight('top', height) : 0, bottom: caption ? bandHeight('bottom', height) : 0 };
}

export function captureLayout(width: number, height: number, { chart, panel }: SideParts, bands = { top: 0, bottom: 0 }): CaptureLayout {
  if (!chart && !panel) return { scene: { x: 0, y: 0, width, height }, card: null, chart: null };
  const side = Math.round(width * sideShare);
  const x = width - side;
  const scene = { x: 0, y: 0, width: x, height };
  const y = bands.top;
  const column = height - bands.top - bands.bottom;
  if (!chart) return { scene, card: { x, y, width: side, height: column }, chart: null };
  if (!panel) return { scene, card: null, chart: { x, y, width: side, height: column } };
  const cardHeight = Math.round(column * 0.5);
  return { scene, card: { x, y, width: side, height: cardHeight }, chart: { x, y: y + cardHeight, width: side, height: column - cardHeight } };
}
