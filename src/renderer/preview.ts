/**
 * A flat stand-in for the 3D scene to come: the particles seen from above, in the view range the trainer
 * chose at load time, coloured by status. Redrawn only when a frame arrives or the canvas is resized.
 */
import type { FrameEvent } from '../shared/messages';

type Range = [[number, number], [number, number]];

/** Fill colours by status byte (1 running, 2 converged, 3 diverged), as in the legend (style.css). */
const colours: Record<number, string> = { 1: '#5cc8b4', 2: '#9ad26a', 3: '#e8685a' };
const background = '#0b0e12';
const gridLine = '#262c35';
const dot = 3;

export class ParticlePreview {
  private readonly context: CanvasRenderingContext2D;
  private range: Range = [[-1, 1], [-1, 1]];
  private frame: FrameEvent | null = null;

  constructor(private readonly canvas: HTMLCanvasElement) {
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw on a 2D canvas');
    this.context = context;
    new ResizeObserver(() => this.fit()).observe(canvas);
  }

  /** A new scenario: a new range, and nothing to show until its first frame. */
  setRange(range: Range): void {
    this.range = range;
    this.frame = null;
    this.draw();
  }

  show(frame: FrameEvent): void {
    this.frame = frame;
    this.draw();
  }

  /** Matches the bitmap to the displayed size, in device pixels, so dots stay sharp. */
  private fit(): void {
    const scale = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(this.canvas.clientWidth * scale));
    const height = Math.max(1, Math.round(this.canvas.clientHeight * scale));
    if (this.canvas.width === width && this.canvas.height === height) return;
    this.canvas.width = width;
    this.canvas.height = height;
    this.draw();
  }

  private draw(): void {
    const { context: c, canvas } = this;
    const { width, height } = canvas;
    const [[x0, x1], [y0, y1]] = this.range;
    const sx = width / (x1 - x0 || 1);
    const sy = height / (y1 - y0 || 1);
    c.fillStyle = background;
    c.fillRect(0, 0, width, height);
    // The axes through the origin, where the range holds it.
    c.fillStyle = gridLine;
    if (x0 < 0 && x1 > 0) c.fillRect(Math.round(-x0 * sx), 0, 1, height);
    if (y0 < 0 && y1 > 0) c.fillRect(0, Math.round(height - -y0 * sy), width, 1);
    const frame = this.frame;
    if (!frame) return;
    const size = dot * (window.devicePixelRatio || 1);
    const { positions, statuses } = frame;
    // One pass per status: three fillStyle changes per frame instead of one per particle.
    for (const status of [1, 2, 3]) {
      c.fillStyle = colours[status];
      for (let i = 0; i < statuses.length; i++) {
        if (statuses[i] !== status) continue;
        const px = (positions[2 * i] - x0) * sx;
        const py = height - (positions[2 * i + 1] - y0) * sy;
        c.fillRect(px - size / 2, py - size / 2, size, size);
      }
    }
  }
}
