/**
 * The command line of CONTRACTS §2 and §10: `lab run | validate | presets | show | sweep | landscape | race-tune | help`, read against
 * one table (commands.ts). Standard output carries only the result; messages, progress and problems go to
 * standard error. Exit status: 0 done, 1 an invalid scenario (one `field: problem` line each, no stack
 * trace), 2 a mistake in the command itself (a `lab:` line saying what to type instead).
 */
import { createRun, RaceDescent, RaceError } from '../engine/experiments/race';
import { ExpressionError } from '../engine/expression';
import { findPreset, presets } from '../shared/presets';
import { commands, findCommand, type CommandSpec } from './commands';
import { commandHelp, labHelp, mistakeText } from './help';
import { nodeIo, type Io } from './io';
import { CommandMistake, didYouMean } from './mistake';
import { runResult, toCsv, toJson } from './output';
import { parseCommandLine, type Options } from './parse';
import { presetsJson, presetsTable } from './presets-list';
import { loadScenario } from './scenarios';
import type { Setting } from './set-option';
import { landscapeCommand } from './landscape';
import { raceTuneCommand } from './race-tune';
import { sweepCommand } from './sweep';
import { threadCount } from '../engine/parallel/split';
import { runOnThreads, runRaceOnThreads, ThreadFailure } from './threads/pool';

type Handler = (args: string[], options: Options, io: Io) => number | Promise<number>;

const handlers: Record<CommandSpec['name'], Handler> = {
  run,
  validate,
  presets: listPresets,
  show,
  sweep: sweepCommand,
  landscape: landscapeCommand,
  'race-tune': raceTuneCommand,
  help,
};

export async function main(argv: string[], io: Io = nodeIo()): Promise<number> {
  let command: CommandSpec | null = null;
  try {
    const line = parseCommandLine(argv);
    if (line.help) {
      io.stdout(line.command ? commandHelp(line.command) : labHelp());
      return 0;
    }
    command = line.command;
    return await handlers[command.name](line.args, line.options, io);
  } catch (error) {
    if (!(error instanceof CommandMistake)) throw error;
    // A mistake found while running (a missing preset) is shown with the usage of the command it was found in.
    io.stderr(mistakeText(error, error.command ?? command));
    return 2;
  }
}

async function run(args: string[], options: Options, io: Io): Promise<number> {
  const [source] = args;
  const loaded = loadScenario(source, io, options.all<Setting>('set'));
  if (!loaded.ok) return reportProblems(loaded.problems, io);
  const epochs = options.value<number>('epochs') ?? loaded.scenario.epochs;
  const particle = options.value<number>('particle') ?? 0;
  const trace = options.flag('trace');

  let descent = await buildOrReport(loaded.scenario, io);
  if (!descent) return 1;
  if (particle >= descent.n) {
    const count = descent.n === 1 ? '1 particle' : `${descent.n} particles`;
    throw new CommandMistake(`--particle ${particle} is out of range: ${source} has ${count} (0 to ${descent.n - 1})`);
  }
  // Split when more than one thread is to be had; a race's groups are split one after another, so its share is a group's.
  const shared = descent instanceof RaceDescent ? descent.perGroup : descent.n;
  const threads = !io.threads.entry ? 1 : threadCount(shared, options.value<number>('threads'), io.threads.cores);
  const progress = progressLine(io, epochs);
  let losses: Float64Array | undefined;
  if (threads > 1) {
    try {
      const entry = io.threads.entry!;
      const onThreads = loaded.scenario.groups ? runRaceOnThreads : runOnThreads;
      ({ descent, losses } = await onThreads(loaded.scenario, { threads, entry, epochs, trace: trace ? particle : null, onEpoch: progress.update }));
    } catch (error) {
      if (!(error instanceof ThreadFailure)) throw error;
      progress.done();
      io.stderr(`lab: the run failed: ${error.message}\n`);
      return 70;
    }
  } else {
    if (trace) descent.traceParticle(particle);
    descent.run(epochs, progress.update);
  }
  progress.done();

  const result = runResult(descent, { summaryOnly: options.flag('summary-only'), trace: trace ? particle : null, losses });
  const out = options.value<string>('out');
  const text = out?.toLowerCase().endsWith('.csv') ? toCsv(result) : toJson(result);
  if (out) {
    io.writeFile(out, text);
    io.stderr(`lab: wrote ${out}\n`);
  } else io.stdout(text);
  return 0;
}

async function validate(args: string[], options: Options, io: Io): Promise<number> {
  const [source] = args;
  const settings = options.all<Setting>('set');
  const loaded = loadScenario(source, io, settings);
  if (!loaded.ok) return reportProblems(loaded.problems, io);
  if (!(await buildOrReport(loaded.scenario, io))) return 1;
  const changed = settings.length ? ` with ${settings.map((s) => s.path).join(', ')} set` : '';
  io.stderr(`lab: ${source}${changed} is a valid scenario\n`);
  return 0;
}

function listPresets(_args: string[], options: Options, io: Io): number {
  io.stdout(options.flag('json') ? presetsJson() : presetsTable());
  return 0;
}

function show(args: string[], _options: Options, io: Io): number {
  const [name] = args;
  const preset = findPreset(name);
  if (!preset)
    throw new CommandMistake(
      `no preset named "${name}"${didYouMean(
        name,
        presets.map((p) => p.name),
      )} (lab presets lists them)`,
    );
  io.stdout(JSON.stringify(preset.scenario, null, 2) + '\n');
  return 0;
}

function help(args: string[], _options: Options, io: Io): number {
  if (args.length === 0) {
    io.stdout(labHelp());
    return 0;
  }
  const [name] = args;
  const about = findCommand(name);
  if (!about)
    throw new CommandMistake(
      `no command named "${name}"${didYouMean(
        name,
        commands.map((c) => c.name),
      )}`,
    );
  io.stdout(commandHelp(about));
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
