/**
 * The stability map (issue 8, CONTRACTS §2 `sweep`): the scenario run once per cell of a grid of learning
 * rates (log-spaced, MIN..MAX inclusive) against an optional second setting (linearly spaced), each cell
 * reporting the share of particles converged and diverged after the epochs, and the median steps to
 * converge. Pure and deterministic: every cell is the scenario itself with two fields changed, run from
 * the scenario's seed, so a cell equals `lab run` of that changed scenario.
 */
import type { Scenario } from '../../shared/scenario';
import { limits } from '../../shared/limits';
import { validateScenario } from '../../shared/validate';
import { cellScenario, sweepFields, type SweepAxis, type SweepCell, type SweepField, type SweepResult } from '../../shared/sweep-messages';
import { buildModel, datasetOf } from '../build';
import { Descent } from '../descent';
import { initialPositions, networkOf } from '../init';
import type { Model } from '../model';
import { convergenceSteps, median } from './sweep-stats';

export { cellScenario, sweepFields, type SweepAxis, type SweepCell, type SweepField, type SweepResult };

export interface SweepRequest {
  alpha: SweepAxis;
  vs: (SweepAxis & { field: SweepField }) | null;
  /** Epochs per cell (the scenario's own when left out). */
  epochs?: number;
}

export interface SweepPlan {
  alpha: number[];
  vs: { field: SweepField; values: number[] } | null;
  epochs: number;
}

/** Most points along one axis, and most cells in a map: a map is a study, not a brute-force search. */
export const maxSweepCount = 200;
export const maxSweepCells = 10_000;

/** Log-spaced from min to max inclusive; the end points are exactly min and max. */
export function logSpace(min: number, max: number, count: number): number[] {
  if (count === 1) return [min];
  const ratio = Math.log(max / min);
  return Array.from({ length: count }, (_, k) => (k === 0 ? min : k === count - 1 ? max : min * Math.exp((ratio * k) / (count - 1))));
}

/** Linearly spaced from min to max inclusive; the end points are exactly min and max. */
export function linearSpace(min: number, max: number, count: number): number[] {
  if (count === 1) return [min];
  return Array.from({ length: count }, (_, k) => (k === count - 1 ? max : min + ((max - min) * k) / (count - 1)));
}

function axisProblems(axis: SweepAxis, name: string, positive: boolean): string[] {
  const problems: string[] = [];
  const { min, max, count } = axis;
  const lowest = positive ? 'a finite number > 0' : 'a finite number';
  if (!Number.isFinite(min) || (positive && !(min > 0))) problems.push(`${name}.min: must be ${lowest}, not ${min}`);
  if (!Number.isFinite(max) || (positive && !(max > 0))) problems.push(`${name}.max: must be ${lowest}, not ${max}`);
  else if (Number.isFinite(min) && max < min) problems.push(`${name}.max: must be at least min (${min}), not ${max}`);
  if (!Number.isInteger(count) || count < 1 || count > maxSweepCount)
    problems.push(`${name}.count: must be an integer from 1 to ${maxSweepCount}, not ${count}`);
  else if (count === 1 && min !== max) problems.push(`${name}.count: a count of 1 needs min = max (one point), not ${min} and ${max}`);
  return problems;
}

/** Why a scenario cannot take the field at all (before any value is tried), or null. */
function fieldMismatch(scenario: Scenario, field: SweepField): string | null {
  if (field === 'optimizer.beta' && scenario.optimizer.kind !== 'momentum' && scenario.optimizer.kind !== 'nesterov') {
    return `vs.field: optimizer.beta needs a momentum or nesterov optimizer; this scenario's is ${scenario.optimizer.kind}`;
  }
  if (field === 'init.std' && !('dist' in scenario.init && scenario.init.dist === 'gaussian')) {
    return `vs.field: init.std needs a gaussian init; this scenario's init is ${'dist' in scenario.init ? scenario.init.dist : 'a list of points'}`;
  }
  if (field === 'batch.size' && scenario.model.kind === 'surface') return 'vs.field: batch.size needs data; a surface has none to batch';
  return null;
}

/** The values a vs axis takes: batch sizes are rounded to the nearest integer (halves up), so rows may repeat. */
function vsValues(field: SweepField, axis: SweepAxis): number[] {
  const values = linearSpace(axis.min, axis.max, axis.count);
  return field === 'batch.size' ? values.map((v) => Math.round(v)) : values;
}

/** The grid of a request on a scenario, or one line per problem (each naming its part of the request or field). */
export function planSweep(scenario: Scenario, request: SweepRequest): { ok: true; plan: SweepPlan } | { ok: false; problems: string[] } {
  const problems = axisProblems(request.alpha, 'alpha', true);
  const vs = request.vs;
  if (vs) {
    if (!(sweepFields as readonly string[]).includes(vs.field)) problems.push(`vs.field: must be one of ${sweepFields.join(', ')}, not "${vs.field}"`);
    else {
      const mismatch = fieldMismatch(scenario, vs.field);
      if (mismatch) problems.push(mismatch);
    }
    problems.push(...axisProblems(vs, 'vs', false));
  }
  const epochs = request.epochs ?? scenario.epochs;
  if (!Number.isInteger(epochs) || epochs < 1 || epochs > limits.maxEpochs)
    problems.push(`epochs: must be an integer from 1 to ${limits.maxEpochs}, not ${epochs}`);
  if (problems.length) return { ok: false, problems };

  const alpha = logSpace(request.alpha.min, request.alpha.max, request.alpha.count);
  const values = vs ? vsValues(vs.field, vs) : [NaN];
  if (alpha.length * values.length > maxSweepCells)
    return { ok: false, problems: [`(sweep): ${alpha.length} × ${values.length} cells; at most ${maxSweepCells}`] };
  // Every value of the second setting must make a valid scenario (the end points of alpha are checked too).
  const seen = new Set<string>();
  for (const value of values) {
    for (const a of [alpha[0], alpha.at(-1)!]) {
      const check = validateScenario(cellScenario(scenario, a, vs?.field ?? null, value));
      if (check.ok) continue;
      for (const problem of check.problems) {
        const line = vs ? `${problem} (at ${vs.field} = ${value})` : problem;
        if (!seen.has(problem)) {
          seen.add(problem);
          problems.push(line);
        }
      }
    }
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, plan: { alpha, vs: vs ? { field: vs.field, values } : null, epochs } };
}

/** Runs one cell: the scenario with `alpha` (and the second setting) for `epochs` epochs. */
export function runCell(model: Model, scenario: Scenario, epochs: number): SweepCell {
  const descent = new Descent(model, scenario, initialPositions(scenario.init, model.paramCount, scenario.seed, undefined, networkOf(scenario.model)));
  descent.run(epochs);
  return { converged: descent.converged / descent.n, diverged: descent.diverged / descent.n, medianSteps: median(convergenceSteps(descent)) };
}

export interface SweepHooks {
  /** After each cell: cells done and in all. */
  progress?(done: number, total: number): void;
}

/**
 * Runs a planned sweep. The model (and its data) is built once: no swept field changes it. Cells go row by
 * row, alpha ascending within a row.
 */
export async function runSweep(scenario: Scenario, plan: SweepPlan, hooks: SweepHooks = {}): Promise<SweepResult> {
  const model = await buildModel(scenario, datasetOf(scenario));
  const total = cellCount(plan);
  const cells: SweepCell[] = [];
  for (let k = 0; k < total; k++) {
    cells.push(runCellAt(model, scenario, plan, k));
    hooks.progress?.(k + 1, total);
  }
  return sweepResult(plan, cells);
}

/** Cells of a plan in all: one per alpha, per value of the second setting. */
export function cellCount(plan: SweepPlan): number {
  return (plan.vs ? plan.vs.values.length : 1) * plan.alpha.length;
}

/**
 * Runs cell k of the plan (row by row, alpha ascending within a row). Each cell depends only on the scenario
 * and its index, so threads that share the cells out (src/cli/threads/) put together the same map.
 */
export function runCellAt(model: Model, scenario: Scenario, plan: SweepPlan, k: number): SweepCell {
  const value = plan.vs ? plan.vs.values[Math.floor(k / plan.alpha.length)] : NaN;
  const alpha = plan.alpha[k % plan.alpha.length];
  const check = validateScenario(cellScenario(scenario, alpha, plan.vs?.field ?? null, value));
  if (!check.ok) throw new Error(`sweep: a cell's scenario is invalid: ${check.problems.join('; ')}`);
  return runCell(model, check.scenario, plan.epochs);
}

/** The map from its cells in order (row by row). */
export function sweepResult(plan: SweepPlan, cells: readonly SweepCell[]): SweepResult {
  const width = plan.alpha.length;
  const rows = cellCount(plan) / width;
  return { alpha: plan.alpha, vs: plan.vs, cells: Array.from({ length: rows }, (_, r) => cells.slice(r * width, (r + 1) * width)) };
}
