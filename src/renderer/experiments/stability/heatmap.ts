/**
 * The stability map as a picture: one cell per (alpha, second setting), alpha along x on a log scale, the
 * second setting up the y axis. A cell's fill is the share converged (dark to bright teal); a cell where
 * particles diverged is washed in vermillion by the share diverged, and one where all diverged is crossed
 * out, so divergence reads without colour too. The plot's box is kept for hit-testing (`cellAt`).
 */
import type { SweepResult } from '../../../shared/sweep-messages';

export interface PlotBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

const margin = { left: 64, right: 12, top: 10, bottom: 40 };
const diverged = [213, 94, 0]; // Okabe–Ito vermillion
const low = [22, 28, 36];
const high = [92, 200, 180];

/** The fill of one cell, as CSS. */
export function cellColour(converged: number, divergedShare: number): string {
  const mix = (a: number[], b: number[], t: number) => a.map((v, k) => Math.round(v + (b[k] - v) * t));
  let rgb = mix(low, high, converged);
  if (divergedShare > 0) rgb = mix(rgb, diverged, 0.35 + 0.65 * divergedShare);
  return `rgb(${rgb.join(',')})`;
}

/** A short form of a number for an axis label. */
function tick(v: number): string {
  if (v === 0) return '0';
  const size = Math.abs(v);
  return size >= 1e-3 && size < 1e4 ? String(Number(v.toPrecision(3))) : v.toExponential(1);
}

export function drawHeatmap(canvas: HTMLCanvasElement, result: SweepResult, selected: [number, number] | null): PlotBox {
  const context = canvas.getContext('2d')!;
  const { width, height } = canvas;
  const box: PlotBox = { left: margin.left, top: margin.top, width: width - margin.left - margin.right, height: height - margin.top - margin.bottom };
  const columns = result.alpha.length;
  const rows = result.cells.length;
  const cw = box.width / columns;
  const ch = box.height / rows;
  context.clearRect(0, 0, width, height);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const cell = result.cells[r][c];
      const x = box.left + c * cw;
      const y = box.top + (rows - 1 - r) * ch; // the first row at the bottom
      context.fillStyle = cellColour(cell.converged, cell.diverged);
      context.fillRect(x, y, Math.ceil(cw), Math.ceil(ch));
      if (cell.diverged === 1 && cw > 6 && ch > 6) {
        context.strokeStyle = 'rgba(255,255,255,0.55)';
        context.lineWidth = 1;
        context.beginPath();
        context.moveTo(x + 3, y + 3);
        context.lineTo(x + cw - 3, y + ch - 3);
        context.moveTo(x + cw - 3, y + 3);
        context.lineTo(x + 3, y + ch - 3);
        context.stroke();
      }
    }
  }
  if (selected) {
    const [r, c] = selected;
    context.strokeStyle = '#ffffff';
    context.lineWidth = 2;
    context.strokeRect(box.left + c * cw + 1, box.top + (rows - 1 - r) * ch + 1, cw - 2, ch - 2);
  }

  // Axes: alpha below (first, middle, last, and every k-th), the second setting on the left.
  context.fillStyle = '#8c96a3';
  context.font = '12px system-ui, sans-serif';
  context.textAlign = 'center';
  context.textBaseline = 'top';
  const everyColumn = Math.max(1, Math.ceil(columns / Math.max(1, Math.floor(box.width / 56))));
  for (let c = 0; c < columns; c += everyColumn) context.fillText(tick(result.alpha[c]), box.left + (c + 0.5) * cw, box.top + box.height + 4);
  context.fillText('learning rate α (log scale)', box.left + box.width / 2, box.top + box.height + 22);
  context.textAlign = 'right';
  context.textBaseline = 'middle';
  if (result.vs) {
    const everyRow = Math.max(1, Math.ceil(rows / Math.max(1, Math.floor(box.height / 18))));
    for (let r = 0; r < rows; r += everyRow) context.fillText(tick(result.vs.values[r]), box.left - 6, box.top + (rows - 1 - r + 0.5) * ch);
    context.save();
    context.translate(12, box.top + box.height / 2);
    context.rotate(-Math.PI / 2);
    context.textAlign = 'center';
    context.fillText(result.vs.field, 0, 0);
    context.restore();
  }
  return box;
}

/** The [row, column] of the cell under canvas pixel (x, y), or null outside the plot. */
export function cellAt(result: SweepResult, box: PlotBox, x: number, y: number): [number, number] | null {
  const u = (x - box.left) / box.width;
  const v = (y - box.top) / box.height;
  if (!(u >= 0 && u < 1 && v >= 0 && v < 1)) return null;
  const rows = result.cells.length;
  return [rows - 1 - Math.floor(v * rows), Math.floor(u * result.alpha.length)];
}
