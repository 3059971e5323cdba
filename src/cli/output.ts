/**
 * The `run` command's result (CONTRACTS §2) as JSON or CSV. Non-finite numbers become null (JSON) or empty
 * (CSV). A race (a scenario with `groups`) adds each particle's group to `final` and a line per group,
 * `groups`, after the summary; in CSV a `group` column.
 */
import type { Descent, Summary, TraceEntry } from '../engine/descent';
import { statusNames } from '../engine/descent';
import { RaceDescent, type RaceGroupSummary } from '../engine/experiments/race';

export interface RunResult {
  name: string;
  paramNames: string[];
  final?: { params: number[][]; loss: number[]; status: string[]; group?: string[]; epochs: number; steps: number };
  summary: Summary;
  /** A race's results table: one line per group, named. */
  groups?: (RaceGroupSummary & { name: string })[];
  trace?: TraceEntry[];
}

export function runResult(descent: Descent, options: { summaryOnly: boolean; trace: boolean }): RunResult {
  const losses = descent.fullLoss();
  const result: RunResult = { name: descent.scenario.name, paramNames: [...descent.model.paramNames], summary: descent.summary(losses) };
  const race = descent instanceof RaceDescent ? descent : null;
  if (!options.summaryOnly) {
    result.final = {
      params: Array.from({ length: descent.n }, (_, i) => descent.particle(i)),
      loss: Array.from(losses),
      status: Array.from(descent.status, (s) => statusNames[s]),
      ...(race && { group: Array.from(race.groupOf, (g) => race.names[g]) }),
      epochs: descent.epoch,
      steps: descent.step,
    };
  }
  if (race) result.groups = race.groupSummaries(losses).map((line, g) => ({ name: race.names[g], ...line }));
  if (options.trace) result.trace = descent.trace;
  // Keys in the order CONTRACTS §2 writes them, a race's groups after the summary.
  const { final, summary, groups, trace } = result;
  return { name: result.name, paramNames: result.paramNames, ...(final && { final }), summary, ...(groups && { groups }), ...(trace && { trace }) };
}

/** JSON.stringify already writes NaN and ±Infinity as null, as the contract asks. */
export function toJson(result: unknown): string {
  return JSON.stringify(result) + '\n';
}

const cell = (v: number | string | null) => (typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : v === null ? '' : csvQuote(v));

function csvQuote(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The trace as CSV when there is one, else one row per particle. */
export function toCsv(result: RunResult): string {
  const names = result.paramNames;
  const lines: string[] = [];
  if (result.trace) {
    lines.push(['step', 'epoch', 'loss', ...names, ...names.map((n) => `grad_${n}`)].map(cell).join(','));
    for (const e of result.trace) lines.push([e.step, e.epoch, e.loss, ...e.params, ...e.grad].map(cell).join(','));
  } else if (result.final) {
    const f = result.final;
    const group = f.group;
    lines.push(['particle', ...(group ? ['group'] : []), 'status', 'loss', ...names].map(cell).join(','));
    f.params.forEach((p, i) => lines.push([i, ...(group ? [group[i]] : []), f.status[i], f.loss[i], ...p].map(cell).join(',')));
  } else {
    const row = (s: Summary) => [s.count, s.converged, s.diverged, s.running, s.bestLoss, s.meanLoss];
    const header = 'count,converged,diverged,running,bestLoss,meanLoss';
    if (result.groups) {
      // A race: the whole cloud ("all"), then a row per group.
      lines.push(`group,${header}`);
      lines.push(['all', ...row(result.summary)].map(cell).join(','));
      for (const g of result.groups) lines.push([g.name, ...row(g)].map(cell).join(','));
    } else {
      lines.push(header);
      lines.push(row(result.summary).map(cell).join(','));
    }
  }
  return lines.join('\n') + '\n';
}
