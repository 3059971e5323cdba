/**
 * A save that waits for a burst of changes to end (window moves, a dragged slider): each `schedule()` starts
 * the wait again, and `flush()` saves at once if a save is pending (quitting, the page going away). Main's
 * settings and the page's preferences both save through one.
 */
export class DelayedSave {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly save: () => void,
    private readonly delayMs: number,
  ) {}

  get pending(): boolean {
    return this.timer !== null;
  }

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  flush(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.save();
  }
}
