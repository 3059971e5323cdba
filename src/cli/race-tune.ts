/**
 * `lab race-tune` (issue 18, part 4): a race's fair learning rates from the command line. Each group's α is
 * tuned as the Race tab tunes it (src/engine/experiments/tune.ts) and the result printed as JSON: the criterion,
 * the grid, each group's pick and trials, and the race at those α. Exit status: 0 done, 1 an invalid scenario,
 * 2 a mistake in the command (a scenario without groups, or the steps criterion on a race without a tolerance,
 * included: the options must change), named the way it was typed.
 */
import { planTune, runTune } from '../engine/experiments/tune';
import { defaultTuneOptions } from '../shared/tune-messages';
import type { Io } from './io';
import { CommandMistake } from './mistake';
import { toJson } from './output';
import type { Options } from './parse';
import { loadScenario } from './scenarios';
import type { Setting } from './set-option';

/** Problems of the plan, named the way the command was written. */
function asOptionProblem(problem: string): string {
  return problem
    .replace(/^criterion: median-steps/, 'without --by-loss, race-tune')
    .replace(/\(set a tolerance, or pick by final-loss\)/, '(set a tolerance, or add --by-loss)')
    .replace(/^count:/, '--count:')
    .replace(/^epochs:/, '--epochs:')
    .replace(/^groups: tuning needs a race/, 'race-tune needs a race');
}

export async function raceTuneCommand(args: string[], options: Options, io: Io): Promise<number> {
  const loaded = loadScenario(args[0], io, options.all<Setting>('set'));
  if (!loaded.ok) {
    io.stderr(loaded.problems.map((p) => p + '\n').join(''));
    return 1;
  }
  const planned = planTune(loaded.scenario, {
    criterion: options.flag('by-loss') ? 'final-loss' : 'median-steps',
    decades: defaultTuneOptions.decades,
    count: options.value<number>('count') ?? defaultTuneOptions.count,
    epochs: options.value<number>('epochs'),
  });
  if (!planned.ok) throw new CommandMistake(planned.problems.map(asOptionProblem).join('\n'));
  const result = await runTune(loaded.scenario, planned.plan);
  for (const note of result.notes) io.stderr(`lab: ${note}\n`);
  io.stdout(toJson(result));
  return 0;
}
