/**
 * The optimizer race (issue 8): a scenario with `groups` runs as one Descent per group, each the scenario
 * with that group's optimizer, all built from the same seed (so from the identical cloud and the same
 * batches) and stepped in lockstep. RaceDescent presents them to the trainer as one cloud of G·n particles,
 * group g at indices g·n … (g+1)·n − 1, so everything that takes a Descent (frames, history, replay,
 * the inspector) works on a race unchanged. Each group stepped here is bit-identical to its scenario run
 * alone (race.test.ts).
 */
import type { Scenario } from '../../shared/scenario';
import { limits } from '../../shared/limits';
import { createDescent } from '../build';
import { Descent, type HotSettings, type Summary, type TraceEntry } from '../descent';
import { particleCount } from '../init';
import type { ArrayMemory } from '../parallel/memory';
import type { DescentSnapshot } from '../snapshot';
import { convergenceSteps, median } from './sweep-stats';

/** One group's line of the results table (and of a frame's `groups`). */
export interface RaceGroupSummary extends Summary {
  /** The first step at which one of the group's particles converged, or null. */
  firstSteps: number | null;
  /** The median step of convergence among the group's converged particles, or null. */
  medianSteps: number | null;
}

interface RaceSnapshot extends DescentSnapshot {
  groups: DescentSnapshot[];
}

/** The scenario each group runs: the race's, with the group's optimizer and no groups. */
export function groupScenarios(scenario: Scenario): Scenario[] {
  const { groups, ...shared } = scenario;
  return (groups ?? []).map((group) => ({ ...shared, optimizer: group.optimizer }));
}

/** Each group's name: its own, or "kind α=…"; a repeated name gets " (2)", " (3)", … */
export function groupNames(scenario: Scenario): string[] {
  const seen = new Map<string, number>();
  return (scenario.groups ?? []).map((group) => {
    const base = group.name ?? `${group.optimizer.kind} α=${group.optimizer.alpha}`;
    const k = (seen.get(base) ?? 0) + 1;
    seen.set(base, k);
    return k === 1 ? base : `${base} (${k})`;
  });
}

export class RaceDescent extends Descent {
  /** Particles per group. */
  readonly perGroup: number;
  /** The group of each particle of the whole cloud. */
  readonly groupOf: Uint8Array;
  /** The group of the traced particle, once one is traced. */
  private tracedGroup: Descent | null = null;
  private summaryCache: { key: string; medians: { first: number | null; median: number | null }[] } | null = null;

  constructor(
    readonly groups: readonly Descent[],
    scenario: Scenario,
    readonly names: readonly string[],
  ) {
    const n = groups[0].n;
    const p = groups[0].paramCount;
    const whole = new Float64Array(groups.length * n * p);
    super(groups[0].model, scenario, whole);
    this.perGroup = n;
    this.groupOf = new Uint8Array(groups.length * n);
    groups.forEach((_, g) => this.groupOf.fill(g, g * n, (g + 1) * n));
    this.gather();
    // Groups already stepped (a race run group by group on threads, ../parallel/race-run.ts): the race steps
    // while any group runs, so it stands at its furthest group's step. Fresh groups: step 0.
    this.step = Math.max(...groups.map((group) => group.step));
  }

  /** One lockstep step: every group that still has a running particle takes its step. */
  override advance(): boolean {
    if (this.running === 0) return false;
    this.groups.forEach((group) => {
      if (group.running === 0) return;
      group.advance();
    });
    this.step++;
    this.gather();
    return this.running > 0;
  }

  /**
   * Takes the groups as threads left them (src/trainer/pool/): each group stepped its order as it would in
   * lockstep here, so the race stands at its furthest group's step, its arrays gathered again.
   */
  adoptGroups(): void {
    this.step = Math.max(...this.groups.map((group) => group.step));
    this.gather();
  }

  /** Traces particle `index` of the whole cloud: the group that steps it records its updates. */
  override traceParticle(index: number): void {
    this.tracedGroup = this.groups[Math.floor(index / this.perGroup)];
    this.tracedGroup.traceParticle(index % this.perGroup);
  }

  override get trace(): TraceEntry[] {
    return this.tracedGroup?.trace ?? super.trace;
  }

  /** Hot changes reach every group, except the optimizer: each group keeps its own (change `groups` to restart). */
  override configure(changes: Partial<HotSettings>): void {
    super.configure(changes);
    const { optimizer: _ignored, ...shared } = changes;
    for (const group of this.groups) group.configure(shared);
  }

  override fullLoss(out: Float64Array = new Float64Array(this.n)): Float64Array {
    const n = this.perGroup;
    this.groups.forEach((group, g) => group.fullLoss(out.subarray(g * n, (g + 1) * n)));
    return out;
  }

  /** The combined arrays and every group's own: all that the race holds. */
  override get bytes(): number {
    return this.groups.reduce((sum, group) => sum + group.bytes, super.bytes);
  }

  override snapshot(): DescentSnapshot {
    const snapshot: RaceSnapshot = {
      ...super.snapshot(),
      groups: this.groups.map((group) => group.snapshot()),
    };
    return snapshot;
  }

  override restore(snapshot: DescentSnapshot): void {
    const race = snapshot as RaceSnapshot;
    if (!race.groups || race.groups.length !== this.groups.length) throw new Error('restore: the snapshot is not of this race');
    super.restore(snapshot);
    this.groups.forEach((group, g) => group.restore(race.groups[g]));
    this.summaryCache = null;
    this.gather();
  }

  /**
   * The group descent that steps particle `i` of the whole cloud, and its index there: what reads an
   * optimizer's state (the microscope) must read it from the group, not from this wrapper.
   */
  locate(i: number): { group: number; descent: Descent; index: number } {
    const group = Math.floor(i / this.perGroup);
    return { group, descent: this.groups[group], index: i - group * this.perGroup };
  }

  /** Each group's counts, best and mean finite full-data loss, and steps to converge (first, median). */
  groupSummaries(losses: Float64Array = this.fullLoss()): RaceGroupSummary[] {
    const n = this.perGroup;
    // The steps only change when a particle converges: sorted again only then.
    const key = this.groups.map((group) => group.converged).join(',');
    if (this.summaryCache?.key !== key) {
      const medians = this.groups.map((group) => {
        const sorted = convergenceSteps(group);
        return { first: sorted.length ? sorted[0] : null, median: median(sorted) };
      });
      this.summaryCache = { key, medians };
    }
    const medians = this.summaryCache.medians;
    return this.groups.map((group, g) => {
      let best = Infinity;
      let sum = 0;
      let finite = 0;
      for (let i = g * n; i < (g + 1) * n; i++) {
        const L = losses[i];
        if (!Number.isFinite(L)) continue;
        finite++;
        sum += L;
        if (L < best) best = L;
      }
      return {
        count: n,
        converged: group.converged,
        diverged: group.diverged,
        running: group.running,
        bestLoss: finite ? best : null,
        meanLoss: finite ? sum / finite : null,
        reasons: group.reasons,
        firstSteps: medians[g].first,
        medianSteps: medians[g].median,
      };
    });
  }

  /** Copies the groups' clouds into the whole cloud's arrays (parameter-major over all G·n particles). */
  private gather(): void {
    const n = this.perGroup;
    const N = this.n;
    let converged = 0;
    let diverged = 0;
    let epoch = 0;
    this.groups.forEach((group, g) => {
      for (let j = 0; j < this.paramCount; j++) {
        this.params.set(group.params.subarray(j * n, (j + 1) * n), j * N + g * n);
      }
      this.loss.set(group.loss, g * n);
      this.status.set(group.status, g * n);
      this.reason.set(group.reason, g * n);
      this.stoppedAt.set(group.stoppedAt, g * n);
      converged += group.converged;
      diverged += group.diverged;
      // Groups still running are in lockstep at the furthest epoch; a group that stopped stays behind.
      epoch = Math.max(epoch, group.epoch);
    });
    this.converged = converged;
    this.diverged = diverged;
    this.epoch = epoch;
    this.stoppedBy.fill(0);
    for (const group of this.groups) group.stoppedBy.forEach((count, reason) => (this.stoppedBy[reason] += count));
  }
}

/** A race the limits refuse: its message names the field (`groups: …`), like a scenario problem. */
export class RaceError extends Error {}

/**
 * A race from a scenario with `groups`: one Descent per group, each built as if run alone; `memory` gives
 * each group its own memory (shared, for the trainer's threads; the groups' arrays have the same names).
 */
export async function createRace(scenario: Scenario, memory?: () => ArrayMemory): Promise<RaceDescent> {
  const scenarios = groupScenarios(scenario);
  if (scenarios.length < 2) throw new RaceError('groups: a race needs at least 2 groups');
  // Checked before any cloud is made: a refused race allocates nothing.
  const count = particleCount(scenario.init);
  const total = scenarios.length * count;
  if (total > limits.maxParticles)
    throw new RaceError(`groups: ${scenarios.length} groups of ${count} particles make ${total}; at most ${limits.maxParticles} in all`);
  const build = (group: Scenario) => (memory ? createDescent(group, { memory: memory() }) : createDescent(group));
  const first = await build(scenarios[0]);
  if (total * first.paramCount > limits.maxParticleValues) {
    throw new RaceError(
      `groups: ${scenarios.length} groups × ${count} particles × ${first.paramCount} parameters is more than ${limits.maxParticleValues} values`,
    );
  }
  const groups = [first, ...(await Promise.all(scenarios.slice(1).map(build)))];
  return new RaceDescent(groups, scenario, groupNames(scenario));
}

/** The run of any scenario: a race when it has groups, else a plain descent. */
export function createRun(scenario: Scenario): Promise<Descent> {
  return scenario.groups ? createRace(scenario) : createDescent(scenario);
}
