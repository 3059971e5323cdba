/**
 * A descent's snapshot: everything that determines its future (the cloud, the optimizer's state, the
 * batcher's order, position and generator, the hot settings in force). Restoring one and stepping on
 * gives bit-identical results to the run it was taken from: the engine is deterministic, so a history
 * of snapshots plus the hot changes made since is enough to replay any earlier step exactly.
 */
import type { Descent } from './descent';
import type { DescentSnapshot } from './descent-state';
import { stateArraysOf } from './optimizers';

export type { DescentSnapshot };

/**
 * Bytes held by a snapshot's arrays (the settings and a few numbers are left out: they are tiny), with the
 * snapshots of its parts: a race's snapshot holds one of each group besides the race's combined arrays.
 */
export function snapshotBytes(snapshot: DescentSnapshot): number {
  const { params, loss, previousLoss, status, reason, stoppedAt, best, wait, optimizer, batcher } = snapshot;
  const arrays = [params, loss, previousLoss, status, reason, stoppedAt, best, wait, optimizer.s1, optimizer.s2, optimizer.s3, batcher.order];
  const own = arrays.reduce((sum, a) => sum + (a?.byteLength ?? 0), 0);
  const parts = (snapshot as { groups?: readonly DescentSnapshot[] }).groups ?? [];
  return parts.reduce((sum, part) => sum + snapshotBytes(part), own);
}

/**
 * The budget of a run's history: 64 MiB of snapshots. A bowl cloud of 1,000 particles with momentum
 * takes about 49 KB a snapshot, so some 1,300 fit.
 */
export const historyBudget = 64 * 1024 * 1024;

/**
 * What a run and its history may hold together: 128 MiB, so that the trainer of a million Adam particles
 * (81 MB of cloud, some 35 MB of frame arrays) stays under 200 MB with Node's own share.
 */
export const runBudget = 128 * 1024 * 1024;

/** The history's budget beside a run holding `runBytes`: what the run leaves of `runBudget`, at most `historyBudget`. */
export function historyBudgetFor(runBytes: number): number {
  return Math.max(0, Math.min(historyBudget, runBudget - runBytes));
}

interface Mark<T> {
  /** Null for step 0 of a descent that can rebuild it (`Descent.restart`): nothing is stored for it. */
  snapshot: DescentSnapshot | null;
  step: number;
  bytes: number;
  /** The caller's own note of the moment (the trainer keeps the scenario in force). */
  tag: T;
}

/** What a replay hands back to its caller as it goes. */
export interface ReplayHooks<T> {
  /** The descent was set back to a snapshot taken when `tag` was in force. */
  restored(tag: T): void;
  /** A hot change logged at the descent's current step: apply it before stepping on. */
  changed(tag: T): void;
}

/** A replay under way (`History.replay`): the descent set back to a snapshot, to be stepped on to `target`. */
export interface Replay {
  /** The step the replay reaches (the one asked for, clamped to the history). */
  readonly target: number;
  /** Steps from the snapshot to the target: what `step` takes at most. */
  readonly count: number;
  /** One step, with the hot changes logged at the step it reaches; false once at the target (or the cloud stopped). */
  step(): boolean;
}

/**
 * A run's history for replay, in bounded memory: snapshots every `spacing` steps and a log of the hot
 * changes made. Until the budget is reached every step is kept; from then on each new snapshot drops the
 * one whose neighbours are closest (so the kept ones stay evenly spread over the run, about `spacing`
 * apart) and new ones are taken that far apart. The held bytes thus climb to the budget and stay there
 * (no saw-tooth), and any step is a few `spacing`s of re-run away at most.
 *
 * Step 0 costs nothing when the descent can rebuild it from its scenario (`Descent.restart`), and it is
 * always kept. A snapshot that alone would not fit the budget is not taken: a cloud that big is replayed
 * from the latest snapshot that fit, at worst from step 0 (exact all the same, only slower).
 */
export class History<T> {
  private marks: Mark<T>[] = [];
  private changes: { step: number; tag: T }[] = [];
  private bytes = 0;
  /** Steps between new snapshots: 1 until the budget is reached, then the run's length over the snapshots kept. */
  spacing = 1;
  /** The furthest step recorded: `seek` reaches any step from 0 to it. */
  furthest = 0;

  /** `budget` may be changed between runs (see `historyBudgetFor`); `begin` applies it. */
  constructor(public budget = historyBudget) {}

  /** Bytes of snapshots held now (never above the budget, unless the first snapshot alone passes it). */
  get heldBytes(): number {
    return this.bytes;
  }

  get snapshotCount(): number {
    return this.marks.length;
  }

  /** Starts a new history at the descent as it stands (a load or a reset). */
  begin(descent: Descent, tag: T): void {
    this.marks = [];
    this.changes = [];
    this.bytes = 0;
    this.spacing = 1;
    this.furthest = descent.step;
    if (descent.step === 0 && descent.restartable) this.marks.push({ snapshot: null, step: 0, bytes: 0, tag });
    else this.keep(descent, tag, true);
  }

  /** After a step: the furthest step moves on, and a snapshot is kept when `spacing` steps have passed. */
  stepped(descent: Descent, tag: T): void {
    this.furthest = Math.max(this.furthest, descent.step);
    const last = this.marks.at(-1);
    if (!last || descent.step - last.step >= this.spacing) this.keep(descent, tag, false);
  }

  /**
   * The next step after which `stepped` would keep a snapshot (+∞: none would fit the budget). Steps taken
   * in one go (threads stepping blocks) stop there, so that the history keeps what a step at a time would.
   */
  nextKeep(descent: Descent): number {
    const last = this.marks.at(-1);
    if (!last) return descent.step;
    if (snapshotBytesOf(descent) > this.budget) return Infinity;
    return last.step + this.spacing;
  }

  /** A hot change made at the descent's current step, to be made again by any replay through it. */
  changed(step: number, tag: T): void {
    this.changes.push({ step, tag });
  }

  /** Forgets everything after `step` (a new future is being recorded from there). */
  truncate(step: number): void {
    const dropped = this.marks.filter((m) => m.step > step);
    for (const m of dropped) this.bytes -= m.bytes;
    this.marks = this.marks.filter((m) => m.step <= step);
    this.changes = this.changes.filter((c) => c.step <= step);
    this.furthest = Math.min(this.furthest, step);
  }

  /**
   * Sets the descent to step `target` (clamped to 0…furthest) exactly as it was, in one go (see `replay`).
   */
  seek(descent: Descent, target: number, hooks: ReplayHooks<T>): number {
    const replay = this.replay(descent, target, hooks);
    while (replay.step());
    return descent.step;
  }

  /**
   * Begins a replay to step `target` (clamped to 0…furthest): sets the descent back to the latest snapshot
   * at or before it and makes the hot changes logged at that step; the caller then steps it on with
   * `Replay.step`, as few steps at a time as it likes (the trainer runs them in slices), and may stop
   * anywhere: each step reached is exactly the recorded one, with the changes up to it made again.
   */
  replay(descent: Descent, target: number, hooks: ReplayHooks<T>): Replay {
    const step = Math.max(0, Math.min(target, this.furthest));
    let mark = this.marks[0];
    for (const m of this.marks) if (m.step <= step) mark = m;
    if (!mark) return { target: descent.step, count: 0, step: () => false };
    if (mark.snapshot) descent.restore(mark.snapshot);
    else descent.restart();
    hooks.restored(mark.tag);
    const due = this.changes.filter((c) => c.step >= mark.step && c.step <= step);
    let k = 0;
    const makeDue = (upTo: number) => {
      while (k < due.length && due[k].step <= upTo) hooks.changed(due[k++].tag);
    };
    makeDue(descent.step);
    return {
      target: step,
      count: step - descent.step,
      step: () => {
        if (descent.step >= step || !descent.advance()) {
          makeDue(step); // the cloud stopped early: the changes up to the target still stand
          return false;
        }
        makeDue(descent.step);
        return true;
      },
    };
  }

  /** Takes a snapshot, unless it alone would pass the budget (the first one of a history is always taken). */
  private keep(descent: Descent, tag: T, first: boolean): void {
    if (!first && this.marks.length > 0 && snapshotBytesOf(descent) > this.budget) return;
    const snapshot = descent.snapshot();
    const bytes = snapshotBytes(snapshot);
    this.marks.push({ snapshot, step: snapshot.step, bytes, tag });
    this.bytes += bytes;
    if (this.bytes <= this.budget) return;
    while (this.bytes > this.budget && this.marks.length > 2) this.dropDensest();
    const span = this.marks.at(-1)!.step - this.marks[0].step;
    this.spacing = Math.max(this.spacing, Math.floor(span / this.marks.length), 1);
  }

  /** Drops the inner snapshot whose neighbours are closest together (the first and the last always stay). */
  private dropDensest(): void {
    const marks = this.marks;
    let drop = 1;
    for (let i = 2; i + 1 < marks.length; i++) {
      if (marks[i + 1].step - marks[i - 1].step < marks[drop + 1].step - marks[drop - 1].step) drop = i;
    }
    this.bytes -= marks[drop].bytes;
    marks.splice(drop, 1);
  }
}

/** The bytes a snapshot of the descent would take, without taking it (a race's groups included). */
export function snapshotBytesOf(descent: Descent): number {
  const n = descent.n;
  const values = n * descent.paramCount;
  const arrays = stateArraysOf(descent.hotSettings.optimizer);
  // Per particle: loss and previous loss (8 + 8), status and reason (1 + 1), the stopping step (4), and
  // with the patience rule on, its best loss and steps waited (8 + 4).
  const patience = descent.hotSettings.stop.patience === null ? 0 : 8 + 4;
  const own = values * 8 * (1 + arrays) + n * (8 + 8 + 1 + 1 + 4 + patience) + descent.model.rows * 4;
  const parts = (descent as { groups?: readonly Descent[] }).groups ?? [];
  return parts.reduce((sum, part) => sum + snapshotBytesOf(part), own);
}
