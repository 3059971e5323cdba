/**
 * `lab sweep` (CONTRACTS §2): the stability map of a scenario from the command line, for scripted studies.
 * The result is JSON (or CSV when --out ends in .csv), byte-identical for the same input; progress goes to
 * standard error. Exit status: 0 done, 1 an invalid scenario (one line per problem, naming the field), 2 a
 * mistake in the command, the sweep's ranges included (CONTRACTS §10), named the way it was typed.
 */
import { ExpressionError } from '../engine/expression';
import { cellCount, planSweep, runSweep, type SweepAxis, type SweepField, type SweepResult } from '../engine/experiments/sweep';
import type { Io } from './io';
import { CommandMistake } from './mistake';
import { toJson } from './output';
import type { Options } from './parse';
import { loadScenario } from './scenarios';
import type { Setting } from './set-option';
import { sweepOnThreads, ThreadFailure } from './threads/pool';

/** Problems of the request, named the way the command was written (`--alpha MIN`, `--vs FIELD`). */
function asOptionProblem(problem: string, vs: boolean): string {
  return problem
    .replace(/^alpha\.(min|max|count):/, (_, part: string) => `--alpha ${part.toUpperCase()}:`)
    .replace(/^vs\.(field|min|max|count):/, (_, part: string) => `--vs ${part.toUpperCase()}:`)
    .replace(/^epochs:/, '--epochs:')
    .replace(/^\(sweep\):/, vs ? '--alpha × --vs:' : '--alpha:')
    .replace(/^(?!--)/, vs ? '--vs: ' : '--alpha: '); // what is left names a field that a value of the range takes out of bounds
}

export async function sweepCommand(args: string[], options: Options, io: Io): Promise<number> {
  const alpha = options.value<SweepAxis>('alpha')!; // required by the table
  const vs = options.value<SweepAxis & { field: SweepField }>('vs') ?? null;
  const loaded = loadScenario(args[0], io, options.all<Setting>('set'));
  if (!loaded.ok) return report(loaded.problems, io);
  // The scenario is valid here, so whatever the plan refuses is the request's doing.
  const planned = planSweep(loaded.scenario, { alpha, vs, epochs: options.value<number>('epochs') });
  if (!planned.ok) throw new CommandMistake(planned.problems.map((p) => asOptionProblem(p, vs !== null)).join('\n'));

  const progress = progressLine(io);
  let result: SweepResult;
  try {
    // Cells are whole runs: by default every core takes some, however small the cloud.
    const threads = io.threads.entry ? Math.min(options.value<number>('threads') ?? io.threads.cores, cellCount(planned.plan)) : 1;
    result =
      threads > 1
        ? await sweepOnThreads(loaded.scenario, planned.plan, { threads, entry: io.threads.entry!, progress: progress.update })
        : await runSweep(loaded.scenario, planned.plan, { progress: progress.update });
  } catch (error) {
    if (error instanceof ExpressionError) return report([`model.expr: ${error.message}`], io);
    if (error instanceof ThreadFailure) {
      io.stderr(`lab: the sweep failed: ${error.message}\n`);
      return 70;
    }
    throw error;
  } finally {
    progress.done();
  }
  const out = options.value<string>('out');
  const text = out?.toLowerCase().endsWith('.csv') ? sweepCsv(result) : toJson(result);
  if (out) {
    io.writeFile(out, text);
    io.stderr(`lab: wrote ${out}\n`);
  } else io.stdout(text);
  return 0;
}

/** One row per cell: the second setting (when swept), alpha, the shares and the median steps (empty for none). */
export function sweepCsv(result: SweepResult): string {
  const lines = [[...(result.vs ? [result.vs.field] : []), 'alpha', 'converged', 'diverged', 'medianSteps'].join(',')];
  result.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      const lead = result.vs ? [String(result.vs.values[r])] : [];
      lines.push(
        [...lead, String(result.alpha[c]), String(cell.converged), String(cell.diverged), cell.medianSteps === null ? '' : String(cell.medianSteps)].join(','),
      );
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
