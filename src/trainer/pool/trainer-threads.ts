/**
 * The trainer's use of threads (issue 17): where a run is built (in shared memory when threads could step
 * it), how many threads step it now, and how many steps one order to them takes. The trainer asks; the
 * steps themselves are ./pool.ts's.
 */
import { createDescent } from '../../engine/build';
import type { Descent } from '../../engine/descent';
import { createRace, createRun } from '../../engine/experiments/race';
import { particleCount } from '../../shared/spec';
import { leadOrder, sharedBuffersOf } from '../../engine/parallel/block-steps';
import { SharedMemory } from '../../engine/parallel/memory';
import { splitBlocks } from '../../engine/parallel/split';
import type { Scenario } from '../../shared/scenario';
import type { TrainerEvent } from '../../shared/messages';
import type { LandscapePlane } from '../../engine/experiments/landscape';
import { gridOnThreads, type GridWatch } from './landscape-rows';
import { cloudsOf, StepPool, type PoolHost } from './pool';

/**
 * The fewest particles one of the trainer's threads steps. Higher than the command line's 1,024
 * (engine/parallel/split.ts): the command line sends a thread its whole run once, the trainer a few steps at
 * a time while the page watches, and each order is a message there and back. A step of 16,384 Adam particles
 * takes about a millisecond, well above a message's cost even on a busy machine.
 */
export const particlesPerTrainerThread = 16_384;

export class TrainerThreads {
  /** The most threads a run may take (the page's setting; every core unless told). */
  private allowed: number;
  private pool: StepPool | null = null;
  /** Why the threads were given up (one failed), or null. */
  private failure: string | null = null;
  /** Milliseconds a step took on the threads last time: the next order takes about a slice's worth. */
  private msPerStep = Infinity;

  constructor(private readonly host: PoolHost | undefined) {
    this.allowed = this.cores;
  }

  get cores(): number {
    return this.host?.cores ?? 1;
  }

  /** The page's setting: at most `count` threads (null: every core). Applies from the next order. */
  allow(count: number | null): void {
    this.allowed = Math.max(1, count ?? this.cores);
  }

  /** The fewest particles a thread steps. */
  get perThread(): number {
    return this.host?.particlesPerThread ?? particlesPerTrainerThread;
  }

  /**
   * Builds a run: in shared memory where threads could ever step it (a host with threads that has not given
   * them up, enough particles for two threads: in a race, in each group, which has its own memory), so that a
   * change of the setting applies to the run as it stands.
   */
  build(scenario: Scenario): Promise<Descent> {
    const couldSplit = this.host && this.failure === null && particleCount(scenario.init) >= 2 * this.perThread;
    if (!couldSplit) return createRun(scenario);
    return scenario.groups ? createRace(scenario, () => new SharedMemory()) : createDescent(scenario, { memory: new SharedMemory() });
  }

  /** The threads stepping `descent` now: one unless it is in shared memory and big enough for more (a race: each group). */
  usedFor(descent: Descent | null): number {
    if (!descent || !this.host || this.failure !== null) return 1;
    const clouds = cloudsOf(descent);
    if (!clouds.every((cloud) => sharedBuffersOf(cloud))) return 1;
    return Math.max(1, Math.min(this.allowed, this.cores, Math.floor(clouds[0].n / this.perThread)));
  }

  /** Steps to order at most, for an order that should take about `sliceMs` (one, until a step was timed). */
  chunk(sliceMs: number): number {
    return Number.isFinite(this.msPerStep) ? Math.max(1, Math.floor(sliceMs / Math.max(this.msPerStep, 1e-3))) : 1;
  }

  /**
   * `count` steps of `descent` on the threads (fewer where its particles all stop or `epochs` end). A thread
   * that fails gives up every thread for good (runs go on on the trainer's own), and the error is thrown:
   * the caller takes the run back to where the steps began.
   */
  async steps(descent: Descent, count: number, epochs: number, now: () => number): Promise<void> {
    const clouds = cloudsOf(descent);
    // A race's group whose particles have all stopped is not stepped, as the race's lockstep skips it.
    const orders = clouds.map((cloud) => (cloud.running > 0 || clouds.length === 1 ? leadOrder(cloud, count, epochs)! : null));
    const started = now();
    const before = descent.step;
    this.pool ??= new StepPool(this.host!);
    try {
      await this.pool.steps(descent, splitBlocks(clouds[0].n, this.usedFor(descent)), orders);
    } catch (error) {
      this.failure = error instanceof Error ? error.message : String(error);
      this.pool.dispose();
      this.pool = null;
      throw error;
    }
    if (descent.step > before) this.msPerStep = (now() - started) / (descent.step - before);
  }

  /** The threads a landscape's grid of `grid` rows takes: one (the trainer's own) without threads or after one failed. */
  forLandscape(grid: number): number {
    if (!this.host || this.failure !== null) return 1;
    return Math.max(1, Math.min(this.allowed, this.cores, grid));
  }

  /**
   * A landscape's grid on `threads` threads (./landscape-rows.ts). A thread that fails gives up every thread
   * for good, as in `steps`, and the error is thrown: the caller computes the grid on its own thread.
   */
  async landscapeGrid(threads: number, scenario: Scenario, plane: LandscapePlane, watch: GridWatch): Promise<{ loss: Float64Array | null; rows: number }> {
    this.pool ??= new StepPool(this.host!);
    try {
      return await gridOnThreads(this.pool, threads, scenario, plane, watch);
    } catch (error) {
      this.giveUp(error);
      throw error;
    }
  }

  /** The `threads` event for the page: used now for this run, allowed, cores, and whether threads can share memory. */
  event(descent: Descent | null): Extract<TrainerEvent, { type: 'threads' }> {
    return {
      type: 'threads',
      used: this.usedFor(descent),
      allowed: Math.min(this.allowed, this.cores),
      cores: this.cores,
      shared: this.host !== undefined && this.failure === null,
    };
  }

  /** A thread failed: every thread is stopped, and runs go on on the trainer's own from now on (as `steps` does). */
  private giveUp(error: unknown): void {
    this.failure = error instanceof Error ? error.message : String(error);
    this.pool?.dispose();
    this.pool = null;
  }

  /** Stops the threads (the trainer is closing). */
  dispose(): void {
    this.pool?.dispose();
    this.pool = null;
  }
}
