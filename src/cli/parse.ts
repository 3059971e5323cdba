/**
 * Reads a command line against the table of commands.ts: the command, its arguments, and each option's value
 * checked by its kind. Every mistake is a CommandMistake (exit status 2). An option's value is the next word
 * whatever it starts with, so `--epochs -5` is read, and refused, as the number −5; `--name=value` works too.
 */
import { limits } from '../shared/limits';
import { sweepFields, type SweepAxis, type SweepField } from '../shared/sweep-messages';
import { commands, findCommand, valueName, type CommandSpec, type OptionKind, type OptionSpec } from './commands';
import { CommandMistake, didYouMean } from './mistake';
import { parseSetting } from './set-option';

/** A command line as read: `help` when --help (or -h) was asked for, whatever else it holds. */
export type CommandLine = { help: true; command: CommandSpec | null } | { help: false; command: CommandSpec; args: string[]; options: Options };

/** The options' values, by name: one per use (a repeatable option may have several). */
export class Options {
  constructor(private readonly values: ReadonlyMap<string, unknown[]>) {}
  flag(name: string): boolean {
    return this.values.has(name);
  }
  /** The value given, or undefined. */
  value<T>(name: string): T | undefined {
    return this.values.get(name)?.[0] as T | undefined;
  }
  all<T>(name: string): T[] {
    return (this.values.get(name) ?? []) as T[];
  }
}

export function parseCommandLine(argv: readonly string[]): CommandLine {
  const [name, ...rest] = argv;
  if (name === undefined) throw new CommandMistake('no command given');
  if (name === '--help' || name === '-h') return { help: true, command: null };
  const command = findCommand(name);
  if (!command) {
    const near = didYouMean(
      name,
      commands.map((c) => c.name),
    );
    throw new CommandMistake(`unknown command "${name}"${near || `; the commands are ${commands.map((c) => c.name).join(', ')}`}`);
  }
  const words = rest.slice(0, rest.includes('--') ? rest.indexOf('--') : undefined);
  if (words.includes('--help') || words.includes('-h')) return { help: true, command };
  return { help: false, command, ...readWords(command, rest) };
}

function readWords(command: CommandSpec, words: readonly string[]): { args: string[]; options: Options } {
  const args: string[] = [];
  const values = new Map<string, unknown[]>();
  for (let k = 0; k < words.length; k++) {
    const word = words[k];
    if (word === '--') {
      args.push(...words.slice(k + 1)); // after --, every word is an argument (a file named -x)
      break;
    }
    if (!word.startsWith('-') || word === '-') {
      args.push(word);
      continue;
    }
    const at = word.indexOf('=');
    const written = at > 0 && word.startsWith('--') ? word.slice(0, at) : word;
    const option = command.options.find((o) => `--${o.name}` === written);
    if (!option) throw unknownOption(command, written);
    let text: string | undefined;
    if (written !== word) text = word.slice(at + 1);
    else if (option.kind !== 'flag') {
      const next = words[k + 1];
      // The next word is the value even when it starts with "-" (a negative number), but not another option.
      if (next === undefined || next.startsWith('--'))
        throw new CommandMistake(`--${option.name} needs a value: --${option.name} ${valueName(option)}`, command);
      text = next;
      k++;
    }
    if (values.has(option.name) && !option.repeatable) throw new CommandMistake(`--${option.name} is given twice`, command);
    values.set(option.name, [...(values.get(option.name) ?? []), readValue(option, text, command)]);
  }
  checkArguments(command, args);
  const missing = command.options.find((o) => o.required && !values.has(o.name));
  if (missing) throw new CommandMistake(`${command.name} needs --${missing.name} ${valueName(missing)}`, command);
  return { args, options: new Options(values) };
}

function unknownOption(command: CommandSpec, written: string): CommandMistake {
  const names = command.options.map((o) => o.name);
  const near = didYouMean(written.replace(/^-+/, ''), names, (name) => `--${name}`);
  const list = names.length ? `its options are ${names.map((n) => `--${n}`).join(', ')}` : 'it takes no options';
  return new CommandMistake(`${command.name} has no option ${written}${near || `; ${list}`}`, command);
}

function checkArguments(command: CommandSpec, args: string[]): void {
  const most = command.args.length;
  const least = command.args.filter((a) => !a.optional).length;
  if (args.length >= least && args.length <= most) return;
  const wanted = most === 0 ? 'no arguments' : least === most ? `one ${command.args[0].what}` : `at most one ${command.args[0].what}`;
  const got = args.length === 0 ? 'none' : args.map((a) => `"${a}"`).join(' ');
  throw new CommandMistake(`${command.name} takes ${wanted}; got ${got}`, command);
}

/** The value of one option by its kind; `text` is undefined only for a flag written without `=`. */
function readValue(option: OptionSpec, text: string | undefined, command: CommandSpec): unknown {
  const fail = (why: string) => new CommandMistake(why, command);
  const kind: OptionKind = option.kind;
  const flag = `--${option.name}`;
  switch (kind) {
    case 'flag':
      if (text !== undefined) throw fail(`${flag} takes no value`);
      return true;
    case 'epochs': {
      const value = wholeNumber(text!);
      if (value === null || value < 1 || value > limits.maxEpochs) throw fail(`${flag} must be a whole number from 1 to ${limits.maxEpochs}, not "${text}"`);
      return value;
    }
    case 'index': {
      const value = wholeNumber(text!);
      if (value === null || value < 0) throw fail(`${flag} must be a whole number from 0, not "${text}"`);
      return value;
    }
    case 'file':
      if (text!.trim() === '') throw fail(`${flag} must name a file, not "${text}"`);
      return text;
    case 'range':
      return readRange(text!, flag, (range) => `${flag} ${range}`, fail);
    case 'field-range': {
      const at = text!.indexOf('=');
      if (at <= 0) throw fail(`${flag} must be FIELD=MIN:MAX:COUNT, not "${text}"`);
      const field = text!.slice(0, at);
      if (!(sweepFields as readonly string[]).includes(field))
        throw fail(`${flag} FIELD must be one of ${sweepFields.join(', ')}, not "${field}"${didYouMean(field, sweepFields)}`);
      return { field: field as SweepField, ...readRange(text!.slice(at + 1), flag, (range) => `${flag} ${field}=${range}`, fail) };
    }
    case 'text':
      if (text!.trim() === '') throw fail(`${flag} needs a value: ${flag} ${valueName(option)}`);
      return text;
    case 'threads':
      return readThreads(text!, fail);
    case 'setting':
      try {
        return parseSetting(text!);
      } catch (error) {
        throw fail((error as Error).message);
      }
  }
}

/**
 * MIN:MAX:COUNT: three numbers, MIN not above MAX, COUNT a whole number ≥ 1 (what a sweep needs beyond that,
 * planSweep says). `write` shows a range as the option would be typed, to quote it and offer the fix.
 */
function readRange(text: string, flag: string, write: (range: string) => string, fail: (why: string) => CommandMistake): SweepAxis {
  const parts = text.split(':');
  const [min, max, count] = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
  if (parts.length !== 3 || [min, max, count].some((v) => !Number.isFinite(v))) throw fail(`${flag} must be MIN:MAX:COUNT (three numbers), not "${text}"`);
  if (!Number.isInteger(count) || count < 1) throw fail(`${write(text)}: COUNT must be a whole number from 1, not ${parts[2]}`);
  if (min > max) throw fail(`${write(text)}: MIN (${parts[0]}) is above MAX (${parts[1]}); write ${write([parts[1], parts[0], parts[2]].join(':'))}`);
  return { min, max, count };
}

/** The most threads `--threads` takes. */
export const maxThreads = 256;

/** `--threads N`: a whole number from 1 to 256 (the one reader of the option, for every command that takes it). */
export function readThreads(text: string, fail: (why: string) => Error = (why) => new CommandMistake(why)): number {
  const value = wholeNumber(text);
  if (value === null || value < 1 || value > maxThreads) throw fail(`--threads must be a whole number from 1 to ${maxThreads}, not "${text}"`);
  return value;
}

/** A whole number written in decimal digits (a sign allowed, so that -5 is read and refused by its value), else null. */
function wholeNumber(text: string): number | null {
  if (!/^[+-]?\d+$/.test(text.trim())) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}
