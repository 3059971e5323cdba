/**
 * A race (a scenario with `groups`) run to its end over threads, without the threads: each group is run as
 * a plain cloud is (./block-run.ts, its particles split in blocks over every thread), one group after
 * another, and the race is put together from the finished groups.
 *
 * Why group after group, each over every thread, and not whole groups handed to threads: a group shares
 * nothing with another but its start cloud and its batches, both drawn from the seed, so a group run alone
 * is the same bits as in the race's lockstep (race.test.ts), and the lockstep order changes nothing. Split
 * this way, every thread has work for any number of groups (2 groups on 3 threads, or 3 on 2, would leave
 * a thread idle or one group alone at the end), and the split, the merge and the hosts are the plain run's,
 * unchanged. Why the race ends where it does: it steps while any group runs, so its step is the last group's.
 */
import type { Scenario } from '../../shared/scenario';
import type { Descent } from '../descent';
import { groupNames, groupScenarios, RaceDescent } from '../experiments/race';
import { particleCount } from '../init';

/** One group's run to its end (on threads or not), tracing particle `trace` of the group, and its final losses. */
export type GroupRun = (scenario: Scenario, trace: number | null, group: number) => Promise<{ descent: Descent; losses: Float64Array }>;

/**
 * Runs every group of the race with `runGroup`, in group order, and returns the race as its lockstep run on
 * one thread leaves it, with its final losses (group g at g·n … (g+1)·n − 1). `trace` is a particle of the
 * whole race, or null. The race's limits are checked by whoever built it first (createRace).
 */
export async function runRaceGroups(scenario: Scenario, trace: number | null, runGroup: GroupRun): Promise<{ descent: RaceDescent; losses: Float64Array }> {
  const n = particleCount(scenario.init);
  const groups: Descent[] = [];
  const losses: Float64Array[] = [];
  for (const [g, group] of groupScenarios(scenario).entries()) {
    // The traced particle is stepped by its own group only, at its index there.
    const traced = trace !== null && Math.floor(trace / n) === g ? trace - g * n : null;
    const run = await runGroup(group, traced, g);
    groups.push(run.descent);
    losses.push(run.losses);
  }
  const race = new RaceDescent(groups, scenario, groupNames(scenario));
  if (trace !== null) race.traceParticle(trace);
  const whole = new Float64Array(race.n);
  losses.forEach((part, g) => whole.set(part, g * race.perGroup));
  return { descent: race, losses: whole };
}
