/** `lab --help`, `lab COMMAND --help` and the lines after a mistake, all written from the table of commands.ts. */
import { commands, valueName, type CommandSpec, type OptionSpec } from './commands';
import type { CommandMistake } from './mistake';

const exitStatuses = 'exit status: 0 done; 1 an invalid scenario (one "field: problem" line each); 2 a mistake in the command';

function optionUsage(option: OptionSpec): string {
  const written = option.kind === 'flag' ? `--${option.name}` : `--${option.name} ${valueName(option)}`;
  const once = option.required ? written : `[${written}]`;
  return option.repeatable ? `${once}…` : once;
}

/** `lab run <scenario.json | preset> [--epochs N] … [--set PATH=VALUE]…` */
export function usageLine(command: CommandSpec): string {
  return ['lab', command.name, ...command.args.map((a) => a.name), ...command.options.map(optionUsage)].join(' ');
}

/** One command: its usage, what it does, and a line per option. */
export function commandHelp(command: CommandSpec): string {
  const rows = command.options.map((o) => [o.kind === 'flag' ? `--${o.name}` : `--${o.name} ${valueName(o)}`, o.help]);
  const width = Math.max(0, ...rows.map(([left]) => left.length));
  const options = rows.map(([left, help]) => `  ${left.padEnd(width)}  ${help}`);
  return [`usage: ${usageLine(command)}`, '', command.help, ...(options.length ? ['', 'options:', ...options] : []), '', exitStatuses, ''].join('\n');
}

/** Every command with its help line. */
export function labHelp(): string {
  const lines = commands.map((c) => `  ${c.name.padEnd(10)}${c.help}`);
  return [
    'usage: lab COMMAND [arguments] [options]   (npm run --silent lab -- COMMAND …)',
    '',
    'commands:',
    ...lines,
    '',
    'lab COMMAND --help shows its options.',
    exitStatuses,
    '',
  ].join('\n');
}

/** What a mistake prints on standard error: the message, then the usage to type instead. */
export function mistakeText(mistake: CommandMistake, command: CommandSpec | null): string {
  const after = command ? `usage: ${usageLine(command)}\n(lab ${command.name} --help for more)\n` : labHelp();
  return `lab: ${mistake.message.split('\n').join('\nlab: ')}\n${after}`;
}
