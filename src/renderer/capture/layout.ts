/**
 * Where the parts of a captured picture go. Scene only: the whole picture. With the settings card or the
 * loss chart: a column on the right (30% of the width) holds them, card above chart, and the scene takes
 * the rest. Pure: tested in node.
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

export function captureLayout(width: number, height: number, { chart, panel }: SideParts): CaptureLayout {
  if (!chart && !panel) return { scene: { x: 0, y: 0, width, height }, card: null, chart: null };
  const side = Math.round(width * sideShare);
  const x = width - side;
  const scene = { x: 0, y: 0, width: x, height };
  if (!chart) return { scene, card: { x, y: 0, width: side, height }, chart: null };
  if (!panel) return { scene, card: null, chart: { x, y: 0, width: side, height } };
  const cardHeight = Math.round(height * 0.5);
  return { scene, card: { x, y: 0, width: side, height: cardHeight }, chart: { x, y: cardHeight, width: side, height: height - cardHeight } };
}
