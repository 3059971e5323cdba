/**
 * The `run` command's result (CONTRACTS §2) as JSON or CSV. Non-finite numbers become null (JSON) or empty
 * (CSV). Each stopped particle carries its reason and the step it stopped at (CONTRACTS §5); with a trace,
 * `stopped` says where the traced particle stopped (null: it ran to the end), a last CSV row likewise. A race (a scenario with `groups`) adds each particle's group to `final` and a line per group,
 * `groups`, after the summary; in CSV a `group` column.
 */
import type { Descent, Summary, TraceEntry } from '../engine/descent';
import { reasonNames, statusNames } from '../engine/descent';
import { stopReasons, type StopReason } from '../shared/stopping';
import { RaceDescent, type RaceGroupSummary } from '../engine/experiments/race';
import { datasetOf } from '../engine/build';
import { bestIndex, Metrics, type HeldOutMetrics } from '../engine/metrics';

export interface RunResult {
  name: string;
  paramNames: string[];
  final?: {
    params: number[][];
    loss: number[];
    status: string[];
    /** Why each particle stopped (CONTRACTS §5), null while it runs; and the step it stopped at. */
    reason: (StopReason | null)[];
    stoppedAt: (number | null)[];
    group?: string[];
    epochs: number;
    steps: number;
  };
  /** With the best particle's held-out loss and accuracies where the data have them (engine/metrics.ts). */
  summary: Summary & HeldOutMetrics;
  /** A race's results table: one line per group, named. */
  groups?: (RaceGroupSummary & { name: string })[];
  trace?: TraceEntry[];
  /** With a trace: the step at which the traced particle stopped, and why; null if it never stopped. */
  stopped?: { particle: number; step: number; reason: StopReason } | null;
}

/** `trace` is the traced particle's index, or null without --trace; `losses` the full-data losses when already made. */
export function runResult(descent: Descent, options: { summaryOnly: boolean; trace: number | null; losses?: Float64Array }): RunResult {
  // A run on threads brings its full-data losses, each computed by the thread that stepped the particle.
  const losses = options.losses ?? descent.fullLoss();
  const best = bestIndex(losses);
  const metrics = Metrics.of(descent.scenario, datasetOf(descent.scenario))?.measure(best < 0 ? null : descent.particle(best));
  const result: RunResult = { name: descent.scenario.name, paramNames: [...descent.model.paramNames], summary: { ...descent.summary(losses), ...metrics } };
  const race = descent instanceof RaceDescent ? descent : null;
  if (!options.summaryOnly) {
    result.final = {
      params: Array.from({ length: descent.n }, (_, i) => descent.particle(i)),
      loss: Array.from(losses),
      status: Array.from(descent.status, (s) => statusNames[s]),
      reason: Array.from(descent.reason, (r) => reasonNames[r]),
      stoppedAt: Array.from(descent.reason, (r, i) => (r === 0 ? null : descent.stoppedAt[i])),
      ...(race && { group: Array.from(race.groupOf, (g) => race.names[g]) }),
      epochs: descent.epoch,
      steps: descent.step,
    };
  }
  if (race) result.groups = race.groupSummaries(losses).map((line, g) => ({ name: race.names[g], ...line }));
  if (options.trace !== null) {
    const i = options.trace;
    const reason = reasonNames[descent.reason[i]];
    result.trace = descent.trace;
    result.stopped = reason === null ? null : { particle: i, step: descent.stoppedAt[i], reason };
  }
  // Keys in the order CONTRACTS §2 writes them, a race's groups after the summary.
  const { final, summary, groups, trace, stopped } = result;
  return { name: result.name, paramNames: result.paramNames, ...(final && { final }), summary, ...(groups && { groups }), ...(trace && { trace, stopped }) };
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
    lines.push(['step', 'epoch', 'loss', ...names, ...names.map((n) => `grad_${n}`), 'stop'].map(cell).join(','));
    for (const e of result.trace) lines.push([e.step, e.epoch, e.loss, ...e.params, ...e.grad, null].map(cell).join(','));
    // The step that stopped the particle applied no update: only its number and the reason.
    const stop = result.stopped;
    if (stop) lines.push([stop.step, ...Array<null>(2 + 2 * names.length).fill(null), stop.reason].map(cell).join(','));
  } else if (result.final) {
    const f = result.final;
    const group = f.group;
    lines.push(['particle', ...(group ? ['group'] : []), 'status', 'reason', 'stoppedAt', 'loss', ...names].map(cell).join(','));
    f.params.forEach((p, i) => lines.push([i, ...(group ? [group[i]] : []), f.status[i], f.reason[i], f.stoppedAt[i], f.loss[i], ...p].map(cell).join(',')));
  } else {
    const row = (s: Summary) => [s.count, s.converged, s.diverged, s.running, s.bestLoss, s.meanLoss, ...stopReasons.map((r) => s.reasons[r])];
    const header = ['count,converged,diverged,running,bestLoss,meanLoss', ...stopReasons].join(',');
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
