/**
 * The stability map off the page's thread, on a pool of workers (./cells.ts, ../engine/parallel/cell-pool.ts):
 * each worker checks the page's command (its schema is ../shared/sweep-messages.ts) and plans the map the
 * same way, builds the model once, then runs the cells it is sent (../engine/experiments/sweep.ts). The page
 * puts the map together from the plan and the cells in order (`sweepResult`).
 */
import { buildModel, datasetOf } from '../engine/build';
import { cellCount, planSweep, runCellAt, type SweepCell, type SweepPlan } from '../engine/experiments/sweep';
import { sweepCommandSchema } from '../shared/sweep-messages';
import { validateScenario } from '../shared/validate';
import { parseCommand, refused, type Prepared } from './cells';

/** A sweep request from the page, checked and planned, its model built: the cells ready to run. */
export async function prepareSweep(message: unknown): Promise<Prepared<SweepPlan, SweepCell>> {
  const parsed = parseCommand(sweepCommandSchema, message, 'sweep');
  if (!parsed.ok) return parsed;
  const validation = validateScenario(parsed.command.scenario);
  if (!validation.ok) return refused('the scenario has problems', validation.problems);
  const { groups: _race, ...scenario } = validation.scenario;
  const { alpha, vs, epochs } = parsed.command;
  const planned = planSweep(scenario, { alpha, vs, epochs });
  if (!planned.ok) return refused('the sweep has problems', planned.problems);
  const { plan } = planned;
  // The model (and its data) is built once per worker, as runSweep builds it once: no swept field changes it.
  const model = await buildModel(scenario, datasetOf(scenario));
  return { ok: true, job: { total: cellCount(plan), context: plan, run: (k) => runCellAt(model, scenario, plan, k) } };
}

export type { SweepCommand } from '../shared/sweep-messages';
