/**
 * The race seen from above: the loss over the view as a grey background (log-scaled, so Rosenbrock's and
 * Beale's valleys show), and every particle as a dot in its group's colour. Hidden groups are not drawn;
 * diverged particles are drawn hollow at their last finite place. y grows up the picture, as on the
 * scene's top view. Redrawn at most once per animation frame.
 */
import type { FrameEvent } from '../../../shared/messages';
import type { SurfaceEvent } from '../../lab';
import { element } from '../../dom';
import { groupColour } from './colours';

type Range = [[number, number], [number, number]];

const size = 360;
const diverged = 3;

export class RaceTrack {
  readonly canvas = element('canvas', undefined, 'race-track');
  private background: HTMLCanvasElement | null = null;
  private range: Range = [
    [-1, 1],
    [-1, 1],
  ];
  private groupOf: Uint8Array = new Uint8Array(0);
  private hidden: ReadonlySet<number> = new Set();
  private frame: { positions: Float32Array; statuses: Uint8Array } | null = null; // copies of the last frame
  private pending = false;

  constructor() {
    this.canvas.width = this.canvas.height = size;
    this.canvas.dataset.testid = 'race-track';
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', 'The race from above: each particle in its group’s colour over the loss surface');
  }

  /** A new race: its view range and the group of each particle. */
  setRace(range: Range, groupOf: Uint8Array): void {
    this.range = range;
    this.groupOf = groupOf;
    this.background = null;
    this.frame = null;
    this.schedule();
  }

  /** The loss over the view (`values[iy·n + ix]`, x fastest), drawn as grey: darker is lower. */
  setSurface(surface: SurfaceEvent): void {
    const n = surface.resolution;
    const values = surface.values;
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of values) {
      if (!Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    const image = new ImageData(n, n);
    const span = Math.log1p(Math.max(hi - lo, 0)) || 1;
    for (let iy = 0; iy < n; iy++) {
      for (let ix = 0; ix < n; ix++) {
        const v = values[iy * n + ix];
        const t = Number.isFinite(v) ? Math.log1p(v - lo) / span : 1;
        const grey = Math.round(18 + 70 * t);
        const p = 4 * ((n - 1 - iy) * n + ix);
        image.data[p] = image.data[p + 1] = grey;
        image.data[p + 2] = grey + 6;
        image.data[p + 3] = 255;
      }
    }
    const small = document.createElement('canvas');
    small.width = small.height = n;
    small.getContext('2d')!.putImageData(image, 0, 0);
    this.background = small;
    this.schedule();
  }

  setHidden(hidden: ReadonlySet<number>): void {
    this.hidden = hidden;
    this.schedule();
  }

  /** Keeps what it needs of the frame (copies: the lab reuses the frame's arrays). */
  add(frame: FrameEvent): void {
    if (frame.statuses.length !== this.groupOf.length) return;
    this.frame = { positions: frame.positions.slice(), statuses: frame.statuses.slice() };
    this.schedule();
  }

  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.draw();
    });
  }

  private draw(): void {
    const context = this.canvas.getContext('2d');
    if (!context) return;
    const { width, height } = this.canvas;
    context.fillStyle = '#0b0e12';
    context.fillRect(0, 0, width, height);
    if (this.background) {
      context.imageSmoothingEnabled = true;
      context.drawImage(this.background, 0, 0, width, height);
    }
    const frame = this.frame;
    if (!frame) return;
    const [[x0, x1], [y0, y1]] = this.range;
    const sx = width / (x1 - x0);
    const sy = height / (y1 - y0);
    // One path per group: a few thousand dots draw in well under a millisecond. Later groups draw smaller
    // dots, so groups at the same place (the identical start, a shared minimum) show as concentric rings.
    const groups = Math.max(...this.groupOf, 0) + 1;
    for (let g = 0; g < groups; g++) {
      if (this.hidden.has(g)) continue;
      const radius = 1.5 + 0.6 * (groups - 1 - g);
      context.fillStyle = context.strokeStyle = groupColour(g);
      context.beginPath();
      const hollow = new Path2D();
      for (let i = 0; i < this.groupOf.length; i++) {
        if (this.groupOf[i] !== g) continue;
        const x = (frame.positions[2 * i] - x0) * sx;
        const y = height - (frame.positions[2 * i + 1] - y0) * sy;
        if (!(x >= -2 && x <= width + 2 && y >= -2 && y <= height + 2)) continue;
        if (frame.statuses[i] === diverged) {
          hollow.moveTo(x + radius, y);
          hollow.arc(x, y, radius, 0, 2 * Math.PI);
        } else {
          context.moveTo(x + radius, y);
          context.arc(x, y, radius, 0, 2 * Math.PI);
        }
      }
      context.fill();
      context.lineWidth = 1;
      context.stroke(hollow);
    }
  }
}
