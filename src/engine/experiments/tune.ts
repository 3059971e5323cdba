/**
 * Fair races (issue 18, part 4): "tune each optimizer". For each race group, a short learning-rate sweep (a
 * log grid around the group's own α) on the race's scenario, every trial from the same seed and start cloud
 * as the race itself, and a pick by a stated criterion. Pure and deterministic: a trial is the group's
 * scenario with α changed, so it equals `lab run` of that scenario for the budget's epochs.
 *
 * Criteria: `median-steps` picks the fewest median steps to reach the tolerance, the median taken over the
 * whole group with a particle that did not converge counting as never (so the median particle must converge);
 * ties, and a group where no α gets half its particles there, fall back to `final-loss`. `final-loss` picks
 * the lowest mean final loss among the α at which the fewest particles diverged. Remaining ties: the smaller α.
 */
import { limits } from '../../shared/limits';
import type { Scenario } from '../../shared/scenario';
import { tuneCriteria, type TuneOptions, type TuneResult, type TuneTrial, type TunedGroup } from '../../shared/tune-messages';
import { validateScenario } from '../../shared/validate';
import { buildModel, datasetOf } from '../build';
import { Descent, Status } from '../descent';
import { initialPositions, networkOf } from '../init';
import type { Model } from '../model';
import { groupNames, groupScenarios } from './race';
import { median } from './sweep-stats';

export { tuneCriteria, type TuneOptions, type TuneResult, type TuneTrial, type TunedGroup };

/** Most values of α per group and most decades each side: a tuning is a short sweep, not a search. */
export const maxTuneCount = 50;
export const maxTuneDecades = 6;

export interface TunePlan {
  options: Required<TuneOptions>;
  /** The α tried for each group, ascending. */
  grids: number[][];
}

/** `count` values α·10^(d·(2k/(count−1) − 1)), k = 0 … count−1: log-spaced, α itself in the middle for an odd count. */
export function tuneGrid(alpha: number, decades: number, count: number): number[] {
  if (count === 1) return [alpha];
  return Array.from({ length: count }, (_, k) => {
    const exponent = decades * ((2 * k) / (count - 1) - 1);
    // The middle value is α exactly, not α·10^0 rounded.
    return exponent === 0 ? alpha : alpha * 10 ** exponent;
  });
}

/** The grids of a tuning of a race, or one line per problem, each naming its option or field. */
export function planTune(race: Scenario, options: TuneOptions): { ok: true; plan: TunePlan } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const { criterion, decades, count } = options;
  const epochs = options.epochs ?? race.epochs;
  if (!race.groups || race.groups.length < 2) problems.push('groups: tuning needs a race (a scenario with at least 2 groups)');
  if (!(tuneCriteria as readonly string[]).includes(criterion)) problems.push(`criterion: must be one of ${tuneCriteria.join(', ')}, not "${criterion}"`);
  else if (criterion === 'median-steps' && race.tolerance === null)
    problems.push('criterion: median-steps counts the steps to reach the tolerance, and this race has none (set a tolerance, or pick by final-loss)');
  if (!Number.isFinite(decades) || decades <= 0 || decades > maxTuneDecades)
    problems.push(`decades: must be a number > 0 and at most ${maxTuneDecades}, not ${decades}`);
  if (!Number.isInteger(count) || count < 2 || count > maxTuneCount) problems.push(`count: must be an integer from 2 to ${maxTuneCount}, not ${count}`);
  if (!Number.isInteger(epochs) || epochs < 1 || epochs > limits.maxEpochs)
    problems.push(`epochs: must be an integer from 1 to ${limits.maxEpochs}, not ${epochs}`);
  if (problems.length) return { ok: false, problems };
  const grids = groupScenarios(race).map((s) => tuneGrid(s.optimizer.alpha, decades, count));
  // The ends of each grid must make a valid scenario (a schedule or an optimizer may bound α).
  groupScenarios(race).forEach((s, g) => {
    for (const alpha of [grids[g][0], grids[g].at(-1)!]) {
      const check = validateScenario(withAlpha(s, alpha));
      if (!check.ok) problems.push(...check.problems.map((p) => `groups.${g}: ${p} (at α = ${alpha})`));
    }
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, plan: { options: { criterion, decades, count, epochs }, grids } };
}

function withAlpha(scenario: Scenario, alpha: number): Scenario {
  return { ...scenario, optimizer: { ...scenario.optimizer, alpha } };
}

/** One trial: the group's scenario at `alpha` for `epochs` epochs, from the race's seed and start cloud. */
export function runTrial(model: Model, scenario: Scenario, epochs: number): TuneTrial {
  const descent = new Descent(model, scenario, initialPositions(scenario.init, model.paramCount, scenario.seed, undefined, networkOf(scenario.model)));
  descent.run(epochs);
  const n = descent.n;
  // A particle that did not converge counts as never (Infinity): the median is finite only when half converged.
  const steps = Array.from(descent.status, (s, i) => (s === Status.converged ? descent.stoppedAt[i] : Infinity)).sort((a, b) => a - b);
  const middle = median(steps);
  const losses = descent.fullLoss();
  let sum = 0;
  let finite = 0;
  for (const L of losses) {
    if (!Number.isFinite(L)) continue;
    sum += L;
    finite++;
  }
  return {
    alpha: scenario.optimizer.alpha,
    medianSteps: middle !== null && Number.isFinite(middle) ? middle : null,
    converged: descent.converged / n,
    diverged: descent.diverged / n,
    meanLoss: finite ? sum / finite : null,
  };
}

/** The lower loss key: fewer diverged, then lower mean loss (none finite is worst), then the smaller α. */
function lossOrder(a: TuneTrial, b: TuneTrial): number {
  if (a.diverged !== b.diverged) return a.diverged - b.diverged;
  const la = a.meanLoss ?? Infinity;
  const lb = b.meanLoss ?? Infinity;
  if (la !== lb) return la < lb ? -1 : 1;
  return a.alpha - b.alpha;
}

/** The best trial by the criterion, and the rule that decided (final-loss where no trial has a median step). */
export function pick(trials: readonly TuneTrial[], criterion: TuneOptions['criterion']): { trial: TuneTrial; pickedBy: TuneOptions['criterion'] } {
  if (criterion === 'median-steps') {
    const reached = trials.filter((t) => t.medianSteps !== null);
    if (reached.length) {
      const fewest = Math.min(...reached.map((t) => t.medianSteps!));
      const tied = reached.filter((t) => t.medianSteps === fewest);
      return { trial: [...tied].sort(lossOrder)[0], pickedBy: 'median-steps' };
    }
  }
  return { trial: [...trials].sort(lossOrder)[0], pickedBy: 'final-loss' };
}

export interface TuneHooks {
  /** After each trial: trials done and in all. */
  progress?(done: number, total: number): void;
}

/** What the page needs to put a tuning together from its trials (a pool's workers send it). */
export interface TuneContext {
  race: Scenario;
  plan: TunePlan;
}

/** Trials of a plan in all: each group's grid, one group after another. */
export function trialCount(plan: TunePlan): number {
  return plan.grids.length * plan.options.count;
}

/**
 * Runs trial k of the plan (group ⌊k / count⌋ at the (k mod count)-th α of its grid). A trial depends only on
 * the race and its index, so workers that share the trials out (src/trainer/tune.ts) put together the same result.
 */
export function runTrialAt(model: Model, race: Scenario, plan: TunePlan, k: number): TuneTrial {
  const { count, epochs } = plan.options;
  const g = Math.floor(k / count);
  const alpha = plan.grids[g][k % count];
  const check = validateScenario(withAlpha(groupScenarios(race)[g], alpha));
  if (!check.ok) throw new Error(`tune: group ${groupNames(race)[g]} at α = ${alpha} is invalid: ${check.problems.join('; ')}`);
  return runTrial(model, check.scenario, epochs);
}

/** The model every trial runs on: no group's optimizer changes it (race.ts builds each group from the same scenario). */
export function tuneModel(race: Scenario): Promise<Model> {
  const first = groupScenarios(race)[0];
  return buildModel(first, datasetOf(first));
}

/** Each group's pick from its trials (all of them, in trial order), and the race with every group at its picked α. */
export function tuneResult(race: Scenario, plan: TunePlan, trials: readonly TuneTrial[]): TuneResult {
  const { criterion, decades, count, epochs } = plan.options;
  const scenarios = groupScenarios(race);
  const names = groupNames(race);
  const notes: string[] = [];
  const groups: TunedGroup[] = scenarios.map((scenario, g) => {
    const own = trials.slice(g * count, (g + 1) * count);
    const { trial, pickedBy } = pick(own, criterion);
    if (pickedBy !== criterion)
      notes.push(`${names[g]}: no α tried got half the group to the tolerance within ${epochs} epochs; picked by the lowest final mean loss instead`);
    return { name: names[g], given: scenario.optimizer.alpha, alpha: trial.alpha, pickedBy, trials: own };
  });
  const tuned: Scenario = {
    ...race,
    groups: race.groups!.map((group, g) => ({ ...group, optimizer: { ...group.optimizer, alpha: groups[g].alpha } })),
  };
  return { criterion, decades, count, epochs, groups, scenario: tuned, notes };
}

/** Runs a planned tuning in this thread: every trial in order, then the result. */
export async function runTune(race: Scenario, plan: TunePlan, hooks: TuneHooks = {}): Promise<TuneResult> {
  const model = await tuneModel(race);
  const total = trialCount(plan);
  const trials: TuneTrial[] = [];
  for (let k = 0; k < total; k++) {
    trials.push(runTrialAt(model, race, plan, k));
    hooks.progress?.(k + 1, total);
  }
  return tuneResult(race, plan, trials);
}
