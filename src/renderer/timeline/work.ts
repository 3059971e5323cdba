/**
 * Long work in the trainer, as the page shows it (issue 21): a `step(n)` or a seek's replay, which the
 * trainer reports with `progress` events about every 250 ms and ends with a frame. What the indicator says
 * and how full its bar is; whether a Stop is in flight. No DOM: tested in node.
 */

/** The part of a trainer `progress` event the indicator reads. */
export interface ProgressReport {
  kind?: 'step' | 'seek';
  step: number;
  done: number;
  count: number;
}

const counted = (n: number) => n.toLocaleString('en-US');

/** "Stepping 3,400 / 10,000", or for a seek "Seeking step 8,000: 3,400 / 5,000 replayed". */
export function workText(report: ProgressReport): string {
  const { done, count } = report;
  if (report.kind !== 'seek') return `Stepping ${counted(done)} / ${counted(count)}`;
  // The replay started `done` steps before the run's step now, and ends `count` steps after it started.
  return `Seeking step ${counted(report.step - done + count)}: ${counted(done)} / ${counted(count)} replayed`;
}

/** The long work under way, if any, from the lab's events. */
export class LongWork {
  /** The latest report of the work under way; null when there is none. */
  current: ProgressReport | null = null;
  /** A Stop was asked for and the work has not ended yet. */
  stopping = false;

  /** A `progress` event: the work goes on (or begins). */
  progress(report: ProgressReport): void {
    this.current = { kind: report.kind ?? 'step', step: report.step, done: report.done, count: report.count };
  }

  /** A frame, a load or a lost trainer: whatever was under way is over (done, cancelled or gone). */
  ended(): void {
    this.current = null;
    this.stopping = false;
  }

  /** Asks to stop the work: true the first time while it runs (send the pause then), false otherwise. */
  stop(): boolean {
    if (!this.current || this.stopping) return false;
    this.stopping = true;
    return true;
  }

  /** The bar's fill, from 0 to 1. */
  get fraction(): number {
    return this.current ? Math.min(1, this.current.done / this.current.count) : 0;
  }

  /** What the indicator says; null when there is nothing to show. */
  get text(): string | null {
    if (!this.current) return null;
    return this.stopping ? `${workText(this.current)} · stopping…` : workText(this.current);
  }
}
