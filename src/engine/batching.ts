/**
 * The order in which rows are visited: an epoch is one pass over the data, cut into consecutive batches
 * of `size` rows (the last one shorter unless `dropLast`). With `shuffle`, each epoch starts from the
 * identity order and is shuffled by one generator for the whole run, shared by every particle (so one
 * batch order per epoch serves the whole cloud). A batch that holds every row is never shuffled: the
 * order would change nothing but rounding.
 */
import type { BatchSpec } from '../shared/scenario';
import type { Batch } from './model';
import { Random, Stream } from './random';

/** Everything that fixes a Batcher's future batches (see `Batcher.snapshot`). */
export interface BatcherSnapshot {
  spec: BatchSpec;
  pending: BatchSpec | null;
  next: number;
  order: Int32Array;
  random: [number, number, number, number];
}

export class Batcher {
  readonly batch: Batch;
  private readonly random: Random;
  /** Index of the next batch within the current epoch. */
  private next = 0;
  private pending: BatchSpec | null = null;
  /** Whether `batch.order` is known to hold 0, 1, 2, … (false until first written, and after a restore). */
  private ordered = false;

  constructor(
    private readonly rows: number,
    private spec: BatchSpec,
    seed: number,
  ) {
    this.batch = { order: new Int32Array(rows), start: 0, end: rows };
    this.random = new Random(seed, Stream.shuffle);
  }

  /** Batch size in rows (a surface, with no rows, counts as one batch). */
  get size(): number {
    return this.spec.size === null ? this.rows : Math.min(this.spec.size, this.rows);
  }

  /** Steps in one epoch. */
  get batchesPerEpoch(): number {
    if (this.rows === 0) return 1;
    return this.spec.dropLast ? Math.floor(this.rows / this.size) : Math.ceil(this.rows / this.size);
  }

  /** A new batch setting takes effect at the next epoch boundary (a mid-epoch change would skip rows). */
  configure(spec: BatchSpec): void {
    if (this.next === 0) this.spec = spec;
    else this.pending = spec;
  }

  /** Advances to the next batch, starting a new epoch (and a new order) when the last one was used up. */
  advance(): Batch {
    if (this.next === 0) {
      if (this.pending) [this.spec, this.pending] = [this.pending, null];
      this.resetOrder();
    }
    const start = this.next * this.size;
    this.batch.start = start;
    this.batch.end = Math.min(start + this.size, this.rows);
    this.next = this.next + 1 >= this.batchesPerEpoch ? 0 : this.next + 1;
    return this.batch;
  }

  /** A copy of the state that determines every later batch. */
  snapshot(): BatcherSnapshot {
    return { spec: this.spec, pending: this.pending, next: this.next, order: this.batch.order.slice(), random: this.random.saveState() };
  }

  /** Back to a snapshot of this batcher (same rows and seed): the same batches follow. */
  restore(snapshot: BatcherSnapshot): void {
    this.spec = snapshot.spec;
    this.pending = snapshot.pending;
    this.next = snapshot.next;
    this.batch.order.set(snapshot.order);
    this.random.restoreState(snapshot.random);
    this.ordered = false;
  }

  /** True when the batch last returned was the final one of its epoch. */
  get epochDone(): boolean {
    return this.next === 0;
  }

  private resetOrder(): void {
    const order = this.batch.order;
    const shuffle = this.spec.shuffle && this.size < this.rows;
    // An order still in row order needs no rewriting: a full batch then costs nothing per epoch, however many rows.
    if (this.ordered && !shuffle) return;
    for (let r = 0; r < this.rows; r++) order[r] = r;
    if (shuffle) this.random.shuffle(order);
    this.ordered = !shuffle;
  }
}
