/**
 * A bounded history of (x, y₁…yₖ) points for a live chart: however long the run, it never holds more
 * than `capacity` + 1 points. When full it drops every other point and from then on keeps only every
 * second one that arrives (then every fourth, …), so the whole run stays in view at an even density.
 * The latest point is always shown, kept or not: the curve ends where the run is.
 */
export class LossHistory {
  readonly x: number[] = [];
  /** One array per series, aligned with `x`; null where a series has no value. */
  readonly series: (number | null)[][];
  /** Keep one point in `stride`. */
  private stride = 1;
  private arrived = 0;
  /** The last stored point is only the latest, not a kept one: the next point replaces it. */
  private provisional = false;

  constructor(
    readonly seriesCount: number,
    readonly capacity = 5000,
  ) {
    if (!Number.isInteger(capacity) || capacity < 2) throw new Error('capacity must be an integer ≥ 2');
    this.series = Array.from({ length: seriesCount }, () => []);
  }

  get length(): number {
    return this.x.length;
  }

  /** The last x stored, or null when empty. */
  get lastX(): number | null {
    return this.x.length ? this.x[this.x.length - 1] : null;
  }

  clear(): void {
    this.x.length = 0;
    for (const s of this.series) s.length = 0;
    this.stride = 1;
    this.arrived = 0;
    this.provisional = false;
  }

  /** Forgets the points after x (a replayed run that then changed: its later curve no longer holds). */
  truncateAfter(x: number): void {
    let n = this.x.length;
    while (n > 0 && this.x[n - 1] > x) n--;
    if (n === this.x.length) return;
    this.x.length = n;
    for (const s of this.series) s.length = n;
    this.provisional = false;
  }

  /** Adds a point; a point at the last x replaces it (a frame that repeats a step, e.g. after a hot change). */
  push(x: number, values: readonly (number | null)[]): void {
    if (this.x.length && this.x[this.x.length - 1] === x) {
      this.write(this.x.length - 1, x, values);
      return;
    }
    const keep = this.arrived % this.stride === 0;
    this.arrived++;
    if (this.provisional) this.write(this.x.length - 1, x, values);
    else this.append(x, values);
    this.provisional = !keep;
    if (this.x.length > this.capacity) this.halve();
  }

  private append(x: number, values: readonly (number | null)[]): void {
    this.x.push(x);
    for (let k = 0; k < this.seriesCount; k++) this.series[k].push(values[k] ?? null);
  }

  private write(at: number, x: number, values: readonly (number | null)[]): void {
    this.x[at] = x;
    for (let k = 0; k < this.seriesCount; k++) this.series[k][at] = values[k] ?? null;
  }

  /** Keeps every other kept point (the first among them) and the latest, then keeps half as many from now on. */
  private halve(): void {
    const n = this.x.length;
    const kept = this.provisional ? n - 1 : n;
    // Kept point p arrived at p·stride: those at even p are the ones a doubled stride would have kept.
    const compact = <T>(a: T[]) => {
      let w = 0;
      for (let r = 0; r < kept; r += 2) a[w++] = a[r];
      if (this.provisional) a[w++] = a[n - 1];
      a.length = w;
    };
    compact(this.x);
    for (const s of this.series) compact(s);
    this.stride *= 2;
  }
}
