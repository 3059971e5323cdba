/**
 * The command line of CONTRACTS §2: `lab run | validate | presets | show`. Standard output carries only
 * the result; messages, progress and problems go to standard error. Exit status: 0 done, 1 an invalid
 * scenario (one line per problem, no stack trace), 2 a mistake in the command itself.
 */
import { parseArgs } from 'node:util';
import { createRun, RaceError } from '../engine/experiments/race';
import { ExpressionError } from '../engine/expression';
import { presets } from '../shared/presets';
import { runResult, toCsv, toJson } from './output';
import { loadScenario } from './scenarios';
import { nodeIo, type Io } from './io';
import { sweepCommand, sweepUsage } from './sweep';

const usage = `usage:
  lab run <scenario.json | preset> [--epochs N] [--trace] [--particle I] [--summary-only] [--out FILE]
  lab validate <scenario.json | preset>
  lab presets
  lab show <preset>            print a preset as a scenario file, to start your own from
  ${sweepUsage}`;

class UsageError extends Error {}

export async function main(argv: string[], io: Io = nodeIo()): Promise<number> {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case 'run':
        return await run(rest, io);
      case 'validate':
        return await validate(rest, io);
      case 'presets':
        io.stdout(toJson(presets.map(({ name, group, title, source, lesson }) => ({ name, group, title, source: source ?? null, lesson }))));
        return 0;
      case 'show':
        return show(rest, io);
      case 'sweep':
        return await sweepCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
        io.stderr(usage + '\n');
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`lab: ${(error as Error).message}\n${usage}\n`);
      return 2;
    }
    throw error;
  }
}

function onePositional(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError(`expected one ${what}, got ${positionals.length}`);
  return positionals[0];
}

function wholeNumber(text: string | undefined, flag: string, min: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min) throw new UsageError(`${flag} must be a whole number ≥ ${min}, not "${text}"`);
  return value;
}

async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      epochs: { type: 'string' },
      trace: { type: 'boolean', default: false },
      particle: { type: 'string' },
      'summary-only': { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  const loaded = loadScenario(onePositional(positionals, 'scenario file or preset name'), io);
  if (!loaded.ok) return reportProblems(loaded.problems, io);
  const epochs = wholeNumber(values.epochs, '--epochs', 1) ?? loaded.scenario.epochs;
  const particle = wholeNumber(values.particle, '--particle', 0) ?? 0;

  const descent = await buildOrReport(loaded.scenario, io);
  if (!descent) return 1;
  if (particle >= descent.n) throw new UsageError(`--particle ${particle} is out of range: the scenario has ${descent.n} particles`);
  if (values.trace) descent.traceParticle(particle);

  const progress = progressLine(io, epochs);
  descent.run(epochs, progress.update);
  progress.done();

  const result = runResult(descent, { summaryOnly: values['summary-only'], trace: values.trace ? particle : null });
  const out = values.out;
  const text = out?.toLowerCase().endsWith('.csv') ? toCsv(result) : toJson(result);
  if (out) {
    io.writeFile(out, text);
    io.stderr(`lab: wrote ${out}\n`);
  } else io.stdout(text);
  return 0;
}

async function validate(args: string[], io: Io): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const source = onePositional(positionals, 'scenario file');
  const loaded = loadScenario(source, io);
  if (!loaded.ok) return reportProblems(loaded.problems, io);
  if (!(await buildOrReport(loaded.scenario, io))) return 1;
  io.stderr(`lab: ${source} is a valid scenario\n`);
  return 0;
}

function show(args: string[], io: Io): number {
  const name = onePositional(parseArgs({ args, allowPositionals: true, options: {} }).positionals, 'preset name');
  const preset = presets.find((p) => p.name === name);
  if (!preset) throw new UsageError(`no preset named "${name}" (see: lab presets)`);
  io.stdout(JSON.stringify(preset.scenario, null, 2) + '\n');
  return 0;
}

/** Builds the run; a formula that cannot be compiled is a scenario problem, reported like the others. */
async function buildOrReport(scenario: Parameters<typeof createRun>[0], io: Io) {
  try {
    // A race (a scenario with groups) runs every group: G × count particles, group by group.
    return await createRun(scenario);
  } catch (error) {
    if (error instanceof ExpressionError) {
      reportProblems([`model.expr: ${error.message}`], io);
      return null;
    }
    if (error instanceof RaceError) {
      reportProblems([error.message], io);
      return null;
    }
    throw error;
  }
}

function reportProblems(problems: string[], io: Io): number {
  io.stderr(problems.map((p) => p + '\n').join(''));
  return 1;
}

/** After the first second, "epoch E/N" on standard error: rewritten in place on a terminal, every 5 s otherwise. */
function progressLine(io: Io, total: number) {
  const start = io.now();
  let last = start;
  let shown = false;
  return {
    update: (epoch: number) => {
      const now = io.now();
      if (now - start < 1000 || now - last < (io.isTTY ? 250 : 5000)) return;
      last = now;
      shown = true;
      const text = `lab: epoch ${epoch}/${total} (${Math.floor((100 * epoch) / total)}%), ${((now - start) / 1000).toFixed(0)} s`;
      io.stderr(io.isTTY ? `\r${text}` : `${text}\n`);
    },
    done: () => {
      if (shown && io.isTTY) io.stderr('\n');
    },
  };
}
