/**
 * `lab sweep` (CONTRACTS §2): the stability map of a scenario from the command line, for scripted studies.
 * The result is JSON (or CSV when --out ends in .csv), byte-identical for the same input; progress goes to
 * standard error. Exit status: 0 done, 1 an invalid scenario or sweep (one line per problem, naming the
 * field or the option), 2 a malformed command.
 */
import { parseArgs } from 'node:util';
import { ExpressionError } from '../engine/expression';
import { planSweep, runSweep, type SweepAxis, type SweepField, type SweepResult } from '../engine/experiments/sweep';
import type { Io } from './io';
import { toJson } from './output';
import { loadScenario } from './scenarios';

export const sweepUsage = 'lab sweep <scenario.json | preset> --alpha MIN:MAX:COUNT [--vs FIELD=MIN:MAX:COUNT] [--epochs N] [--out FILE]';

class SweepUsageError extends Error {}

/** "MIN:MAX:COUNT" as numbers; anything else is a malformed command. */
function parseAxis(text: string, flag: string): SweepAxis {
  const parts = text.split(':');
  const [min, max, count] = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
  if (parts.length !== 3 || [min, max, count].some((v) => Number.isNaN(v))) throw new SweepUsageError(`${flag} must be MIN:MAX:COUNT (three numbers), not "${text}"`);
  return { min, max, count };
}

/** Problems of the request, named the way the command was written (`--alpha MIN`, `--vs FIELD`). */
function asOptionProblem(problem: string): string {
  return problem
    .replace(/^alpha\.(min|max|count):/, (_, part: string) => `--alpha ${part.toUpperCase()}:`)
    .replace(/^vs\.(field|min|max|count):/, (_, part: string) => `--vs ${part.toUpperCase()}:`)
    .replace(/^epochs:/, '--epochs:');
}

export async function sweepCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { alpha: { type: 'string' }, vs: { type: 'string' }, epochs: { type: 'string' }, out: { type: 'string' } } });
  try {
    if (positionals.length !== 1) throw new SweepUsageError(`expected one scenario file or preset name, got ${positionals.length}`);
    if (values.alpha === undefined) throw new SweepUsageError('--alpha MIN:MAX:COUNT is required');
    const alpha = parseAxis(values.alpha, '--alpha');
    let vs: (SweepAxis & { field: SweepField }) | null = null;
    if (values.vs !== undefined) {
      const at = values.vs.indexOf('=');
      if (at <= 0) throw new SweepUsageError(`--vs must be FIELD=MIN:MAX:COUNT, not "${values.vs}"`);
      vs = { field: values.vs.slice(0, at) as SweepField, ...parseAxis(values.vs.slice(at + 1), '--vs') };
    }
    const epochs = values.epochs === undefined ? undefined : Number(values.epochs);
    if (epochs !== undefined && !Number.isSafeInteger(epochs)) throw new SweepUsageError(`--epochs must be a whole number, not "${values.epochs}"`);

    const loaded = loadScenario(positionals[0], io);
    if (!loaded.ok) return report(loaded.problems, io);
    const planned = planSweep(loaded.scenario, { alpha, vs, epochs });
    if (!planned.ok) return report(planned.problems.map(asOptionProblem), io);

    const progress = progressLine(io);
    let result: SweepResult;
    try {
      result = await runSweep(loaded.scenario, planned.plan, { progress: progress.update });
    } catch (error) {
      if (error instanceof ExpressionError) return report([`model.expr: ${error.message}`], io);
      throw error;
    } finally {
      progress.done();
    }
    const out = values.out;
    const text = out?.toLowerCase().endsWith('.csv') ? sweepCsv(result) : toJson(result);
    if (out) {
      io.writeFile(out, text);
      io.stderr(`lab: wrote ${out}\n`);
    } else io.stdout(text);
    return 0;
  } catch (error) {
    if (!(error instanceof SweepUsageError)) throw error;
    io.stderr(`lab: ${error.message}\nusage: ${sweepUsage}\n`);
    return 2;
  }
}

/** One row per cell: the second setting (when swept), alpha, the shares and the median steps (empty for none). */
export function sweepCsv(result: SweepResult): string {
  const lines = [[...(result.vs ? [result.vs.field] : []), 'alpha', 'converged', 'diverged', 'medianSteps'].join(',')];
  result.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      const lead = result.vs ? [String(result.vs.values[r])] : [];
      lines.push([...lead, String(result.alpha[c]), String(cell.converged), String(cell.diverged), cell.medianSteps === null ? '' : String(cell.medianSteps)].join(','));
    }),
  );
  return lines.join('\n') + '\n';
}

function report(problems: string[], io: Io): number {
  io.stderr(problems.map((p) => p + '\n').join(''));
  return 1;
}

/** After the first second, "cell K/N" on standard error: rewritten in place on a terminal, every 5 s otherwise. */
function progressLine(io: Io) {
  const start = io.now();
  let last = start;
  let shown = false;
  return {
    update: (done: number, total: number) => {
      const now = io.now();
      if (now - start < 1000 || now - last < (io.isTTY ? 250 : 5000)) return;
      last = now;
      shown = true;
      const text = `lab: sweep cell ${done}/${total} (${Math.floor((100 * done) / total)}%), ${((now - start) / 1000).toFixed(0)} s`;
      io.stderr(io.isTTY ? `\r${text}` : `${text}\n`);
    },
    done: () => {
      if (shown && io.isTTY) io.stderr('\n');
    },
  };
}
