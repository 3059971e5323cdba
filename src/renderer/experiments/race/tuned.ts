/**
 * The results table's α column (issue 18, part 4): which α each group raced at, and whether it was tuned
 * (over which range, by which rule) or taken as given. Pure, so that it is tested without a page.
 */
import type { Scenario } from '../../../shared/scenario';
import type { TuneResult } from '../../../shared/tune-messages';

/** One group's α, and its tuning when the race now loaded is the one a tuning produced. */
export interface GroupAlpha {
  alpha: number;
  tuned: { from: number; to: number; count: number; pickedBy: TuneResult['criterion']; criterion: TuneResult['criterion'] } | null;
}

const criterionWords = { 'median-steps': 'median steps', 'final-loss': 'final loss' } as const;

/** α to three significant digits, as the builder's fields show it. */
export const formatAlpha = (alpha: number): string => String(Number(alpha.toPrecision(3)));

/**
 * Each group's α in `race`, tuned where `tuning` produced exactly this race (the same groups at the same α):
 * a race edited or loaded since is shown as given.
 */
export function groupAlphas(race: Scenario, tuning: TuneResult | null): GroupAlpha[] {
  const groups = race.groups ?? [];
  const matches =
    tuning !== null &&
    tuning.scenario.groups?.length === groups.length &&
    groups.every((group, g) => JSON.stringify(group) === JSON.stringify(tuning.scenario.groups![g]));
  return groups.map((group, g) => {
    const tuned = matches ? tuning.groups[g] : null;
    if (!tuned) return { alpha: group.optimizer.alpha, tuned: null };
    const alphas = tuned.trials.map((t) => t.alpha);
    return {
      alpha: group.optimizer.alpha,
      tuned: { from: alphas[0], to: alphas.at(-1)!, count: alphas.length, pickedBy: tuned.pickedBy, criterion: tuning!.criterion },
    };
  });
}

/** The column's text: "0.5 tuned (0.0045–45, 9 tried, by median steps)" or "0.45 as given". */
export function alphaText({ alpha, tuned }: GroupAlpha): string {
  if (!tuned) return `${formatAlpha(alpha)} as given`;
  const fallback = tuned.pickedBy !== tuned.criterion ? ', none reached the tolerance' : '';
  return `${formatAlpha(alpha)} tuned (${formatAlpha(tuned.from)}–${formatAlpha(tuned.to)}, ${tuned.count} tried, by ${criterionWords[tuned.pickedBy]}${fallback})`;
}
