/**
 * The pure part of a parallel run: how a cloud is split over threads, and how the threads' results are put
 * back together so that the output is the same bytes for every thread count (CONTRACTS §7).
 *
 * Why a split changes nothing: a particle's step reads only its own values and the step's batch, and every
 * thread draws the same batches from the scenario's seed (./batching.ts), so each particle moves exactly as
 * it does on one thread. The sums over the cloud (the summary's mean) are taken afterwards, by one thread,
 * over the whole shared array in particle order, as the single-threaded run takes them.
 */

/** Particles from ≤ i < to: one thread's contiguous block. */
export interface Block {
  from: number;
  to: number;
}

/**
 * `threads` contiguous blocks of n particles, in order, sizes differing by at most one (the first ones
 * larger); never more blocks than particles, and at least one.
 */
export function splitBlocks(n: number, threads: number): Block[] {
  const count = Math.max(1, Math.min(threads, n));
  const base = Math.floor(n / count);
  const extra = n % count;
  const blocks: Block[] = [];
  for (let k = 0, from = 0; k < count; k++) {
    const to = from + base + (k < extra ? 1 : 0);
    blocks.push({ from, to });
    from = to;
  }
  return blocks;
}

/** Where one thread's descent ended: the step it took last and the epochs it completed. */
export interface ThreadEnd {
  step: number;
  epoch: number;
}

/**
 * Where the whole run ended. Each thread stops stepping once its own particles have all stopped, as the
 * whole run stops once they all have: so the run ends where the thread that stepped longest ended (every
 * thread counts steps and epochs from the same batches, so its step and epoch go together).
 */
export function mergeEnds<End extends ThreadEnd>(ends: readonly End[]): End {
  if (ends.length === 0) throw new Error('mergeEnds: no thread ended');
  return ends.reduce((last, end) => (end.step > last.step ? end : last));
}

/** Below this many particles a thread's share, the threads' start costs more than it saves: the default splits no finer. */
export const particlesPerThread = 1024;

/**
 * How many threads a run of n particles takes: `asked` (--threads N) as given, but never more than one a
 * particle; by default every core, but no fewer than `particlesPerThread` particles each (a small cloud on one).
 */
export function threadCount(n: number, asked: number | undefined, cores: number): number {
  if (asked !== undefined) return Math.max(1, Math.min(asked, n));
  return Math.max(1, Math.min(cores, Math.floor(n / particlesPerThread)));
}
