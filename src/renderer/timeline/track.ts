/**
 * What the timeline shows, from the lab's own events: the current step and the furthest step the
 * trainer's history holds. The trainer says the furthest step whenever it changes (a `history` event after
 * the frame), including when a step forward from inside the history makes it forget what came after; a
 * frame shows a recorded step, so the furthest is at least the step shown. Seeks are sent one at a time,
 * the latest position winning, so dragging never queues replays. No DOM: tested in node.
 */

export class Track {
  /** The step shown by the last frame. */
  position = 0;
  /** The furthest step recorded, as the trainer last said it. */
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
    this.furthest = Math.max(this.furthest, step);
    this.position = step;
  }

  /** The trainer's word on the furthest step recorded (it may go down: the history forgot a future). */
  history(furthest: number): void {
    this.furthest = Math.max(furthest, this.position);
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
