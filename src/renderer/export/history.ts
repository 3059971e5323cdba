/** The loss curve as the page has seen it, one point per frame, bounded: when full, every other point goes. */
import type { LossPoint } from '../../shared/export-messages';

export class LossHistory {
  private points: LossPoint[] = [];

  constructor(private readonly limit = 100_000) {}

  /** Adds a frame's summary; a frame at or before the last step (a reset, a load) drops what came after it. */
  add(step: number, meanLoss: number | null, bestLoss: number | null): void {
    const points = this.points;
    while (points.length > 0 && points[points.length - 1].step >= step) points.pop();
    points.push({ step, meanLoss, bestLoss });
    // Halving keeps the first and last points and an even spread between them.
    if (points.length > this.limit) this.points = points.filter((_, k) => k % 2 === 0 || k === points.length - 1);
  }

  clear(): void {
    this.points = [];
  }

  get all(): readonly LossPoint[] {
    return this.points;
  }
}
