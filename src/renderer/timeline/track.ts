/**
 * What the timeline shows, from the lab's own events: the current step and the furthest step the
 * trainer's history holds. The page is not told of the history directly, so the furthest step is
 * followed from the frames: it grows as the run does, and a step forward from inside the history (which
 * makes the trainer forget what came after) starts it again from there. Seeks are sent one at a time,
 * the latest position winning, so dragging never queues replays. No DOM: tested in node.
 */

export class Track {
  /** The step shown by the last frame. */
  position = 0;
  /** The furthest step recorded, as far as the page can tell. */
  furthest = 0;
  private wanted: number | null = null;
  private busy = false;

  constructor(private readonly send: (step: number) => Promise<void>) {}

  /** Whether a seek is asked for or under way (frames then show the replay, not a new future). */
  get seeking(): boolean {
    return this.busy || this.wanted !== null;
  }

  /** A new run (a load or a reset): its history starts at step 0. */
  loaded(): void {
    this.position = 0;
    this.furthest = 0;
  }

  /** A frame from the trainer. */
  frame(step: number): void {
    if (!this.seeking && step > this.position && this.position < this.furthest) this.furthest = step;
    else this.furthest = Math.max(this.furthest, step);
    this.position = step;
  }

  /** Asks for a seek; while one is under way only the latest position asked for is sent after it. */
  async seek(step: number): Promise<void> {
    this.wanted = step;
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.wanted !== null) {
        const next = this.wanted;
        this.wanted = null;
        await this.send(next);
      }
    } finally {
      this.busy = false;
      this.wanted = null;
    }
  }
}
