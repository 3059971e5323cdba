/** Timing for the bench: each contender timed several times, interleaved, and the fastest run kept. */
import { createDescent } from '../engine/build';
import type { Descent } from '../engine/descent';
import type { ScenarioInput } from '../shared/scenario';
import { validateScenario } from '../shared/validate';

/** Seconds of processor time this process has used (user and system, every thread). */
export function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/**
 * Seconds of the fastest of `repeats` runs of each function, after one warm-up run of each (the JIT).
 * Time is the process's processor time, not the wall clock: on a shared machine the wall clock also counts
 * the time other programs held the core. Interleaving the contenders means what disturbance is left (a
 * neighbour's use of the caches and memory) hits both alike, and the minimum is the run least disturbed by
 * it: ratios of minima are what the bench reports.
 */
export function fastest(repeats: number, contenders: (() => void)[]): number[] {
  const best = contenders.map(() => Infinity);
  for (let r = -1; r < repeats; r++) {
    contenders.forEach((run, k) => {
      const began = cpuSeconds();
      run();
      const seconds = cpuSeconds() - began;
      if (r >= 0) best[k] = Math.min(best[k], seconds);
    });
  }
  return best;
}

/** A descent of a scenario that must be valid (a bench scenario that is not is a bug in the bench). */
export async function benchDescent(input: ScenarioInput): Promise<Descent> {
  const validation = validateScenario(input);
  if (!validation.ok) throw new Error(`bench scenario: ${validation.problems.join('; ')}`);
  return createDescent(validation.scenario);
}

/** Advances a descent `steps` times. */
export function stepper(descent: Descent, steps: number): () => void {
  return () => {
    for (let k = 0; k < steps; k++) descent.advance();
  };
}

export const sizeLabel = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));
