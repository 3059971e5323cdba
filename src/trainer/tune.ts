/**
 * Fair races off the page's thread, on a pool of workers (./cells.ts, ../engine/parallel/cell-pool.ts): each
 * worker checks the page's command (its schema is ../shared/tune-messages.ts) and plans the tuning the same
 * way, builds the model once, then runs the trials it is sent (../engine/experiments/tune.ts). The page puts
 * the result together from the trials in order (`tuneResult`) and loads its scenario: the race at each
 * group's best α.
 */
import { planTune, runTrialAt, trialCount, tuneModel, type TuneContext, type TuneTrial } from '../engine/experiments/tune';
import { tuneCommandSchema } from '../shared/tune-messages';
import { validateScenario } from '../shared/validate';
import { parseCommand, refused, type Prepared } from './cells';

/** A tuning request from the page, checked and planned, its model built: the trials ready to run. */
export async function prepareTune(message: unknown): Promise<Prepared<TuneContext, TuneTrial>> {
  const parsed = parseCommand(tuneCommandSchema, message, 'tuning');
  if (!parsed.ok) return parsed;
  const validation = validateScenario(parsed.command.scenario);
  if (!validation.ok) return refused('the scenario has problems', validation.problems);
  const race = validation.scenario;
  const { criterion, decades, count, epochs } = parsed.command;
  const planned = planTune(race, { criterion, decades, count, epochs });
  if (!planned.ok) return refused('the tuning has problems', planned.problems);
  const { plan } = planned;
  const model = await tuneModel(race);
  return { ok: true, job: { total: trialCount(plan), context: { race, plan }, run: (k) => runTrialAt(model, race, plan, k) } };
}

export type { TuneCommand } from '../shared/tune-messages';
