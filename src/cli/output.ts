/** The `run` command's result (CONTRACTS §2) as JSON or CSV. Non-finite numbers become null (JSON) or empty (CSV). */
import type { Descent, Summary, TraceEntry } from '../engine/descent';
import { statusNames } from '../engine/descent';

export interface RunResult {
  name: string;
  paramNames: string[];
  final?: { params: number[][]; loss: number[]; status: string[]; epochs: number; steps: number };
  summary: Summary;
  trace?: TraceEntry[];
}

export function runResult(descent: Descent, options: { summaryOnly: boolean; trace: boolean }): RunResult {
  const losses = descent.fullLoss();
  const result: RunResult = { name: descent.scenario.name, paramNames: [...descent.model.paramNames], summary: descent.summary(losses) };
  if (!options.summaryOnly) {
    result.final = {
      params: Array.from({ length: descent.n }, (_, i) => descent.particle(i)),
      loss: Array.from(losses),
      status: Array.from(descent.status, (s) => statusNames[s]),
      epochs: descent.epoch,
      steps: descent.step,
    };
  }
  if (options.trace) result.trace = descent.trace;
  // Keys in the order CONTRACTS §2 writes them.
  return { name: result.name, paramNames: result.paramNames, ...(result.final && { final: result.final }), summary: result.summary, ...(result.trace && { trace: result.trace }) };
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
    lines.push(['particle', 'status', 'loss', ...names].map(cell).join(','));
    f.params.forEach((p, i) => lines.push([i, f.status[i], f.loss[i], ...p].map(cell).join(',')));
  } else {
    const s = result.summary;
    lines.push('count,converged,diverged,running,bestLoss,meanLoss');
    lines.push([s.count, s.converged, s.diverged, s.running, s.bestLoss, s.meanLoss].map(cell).join(','));
  }
  return lines.join('\n') + '\n';
}
