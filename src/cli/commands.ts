/**
 * The command line's one table (CONTRACTS §2, §10): every command with its arguments, its options and their
 * kinds, and a help line each. Parsing (parse.ts), `lab --help` and `lab COMMAND --help` (help.ts) are all
 * read from here, so a command cannot accept what its help does not show, nor the other way round.
 */

/**
 * What an option's value must be; parse.ts reads each kind into a value (flag: true, epochs and index: a
 * number, file: a string, range: a sweep axis, field-range: a field and an axis, setting: a path and a value;
 * text: the word as written, for the command to read, named in the help by the option's own `value`; threads: a
 * thread count, by readThreads).
 */
export type OptionKind = 'flag' | 'epochs' | 'index' | 'file' | 'range' | 'field-range' | 'setting' | 'text' | 'threads';

/** How the help writes each kind's value. */
export const valueNames: Record<OptionKind, string> = {
  flag: '',
  epochs: 'N',
  index: 'I',
  file: 'FILE',
  range: 'MIN:MAX:COUNT',
  'field-range': 'FIELD=MIN:MAX:COUNT',
  setting: 'PATH=VALUE',
  text: 'VALUE',
  threads: 'N',
};

/** How the help writes this option's value. */
export function valueName(option: OptionSpec): string {
  return option.value ?? valueNames[option.kind];
}

export interface OptionSpec {
  /** Written `--name`. */
  readonly name: string;
  readonly kind: OptionKind;
  readonly help: string;
  readonly required?: boolean;
  /** Given as often as wanted (each value kept, in order); any other option at most once. */
  readonly repeatable?: boolean;
  /** How the help writes the value, when not by its kind (`K`, `filter|pca|axes`). */
  readonly value?: string;
}

export interface ArgumentSpec {
  /** As the usage line writes it, e.g. `<scenario.json | preset>`. */
  readonly name: string;
  /** What a missing one is called in the message ("one scenario file or preset name"). */
  readonly what: string;
  readonly optional?: boolean;
}

export interface CommandSpec {
  readonly name: 'run' | 'validate' | 'presets' | 'show' | 'sweep' | 'landscape' | 'race-tune' | 'help';
  readonly args: readonly ArgumentSpec[];
  readonly options: readonly OptionSpec[];
  readonly help: string;
}

const scenario: ArgumentSpec = { name: '<scenario.json | preset>', what: 'scenario file or preset name' };
const set: OptionSpec = {
  name: 'set',
  kind: 'setting',
  repeatable: true,
  help: 'change one field of the scenario first, by its dotted path (init.points[0][1]); VALUE is JSON, else a string',
};
/** `--threads N` (CONTRACTS §7): any command that steps particles takes this same option. */
export const threads: OptionSpec = {
  name: 'threads',
  kind: 'threads',
  help: 'step the particles on N threads, 1 to 256 [every core]; the output is the same for every N',
};

export const commands: readonly CommandSpec[] = [
  {
    name: 'run',
    args: [scenario],
    help: 'train a scenario and print the result as JSON (CSV with --out FILE.csv)',
    options: [
      { name: 'epochs', kind: 'epochs', help: 'train for N epochs instead of the scenario’s own' },
      { name: 'trace', kind: 'flag', help: 'add every step of one particle: parameters, loss, gradient' },
      { name: 'particle', kind: 'index', help: 'the particle --trace follows [0]' },
      { name: 'summary-only', kind: 'flag', help: 'leave out the per-particle results' },
      { name: 'out', kind: 'file', help: 'write the result to FILE (CSV when it ends in .csv) instead of standard output' },
      threads,
      set,
    ],
  },
  {
    name: 'validate',
    args: [scenario],
    help: 'check a scenario; problems are printed one per line, naming the field',
    options: [set],
  },
  {
    name: 'presets',
    args: [],
    help: 'list the built-in scenarios: name, model and title',
    options: [{ name: 'json', kind: 'flag', help: 'print the list as JSON, with each preset’s group, source and lesson' }],
  },
  {
    name: 'show',
    args: [{ name: '<preset>', what: 'preset name' }],
    help: 'print a preset as a scenario file, to start your own from',
    options: [],
  },
  {
    name: 'sweep',
    args: [scenario],
    help: 'the stability map: share converged and diverged per learning rate (and a second setting)',
    options: [
      { name: 'alpha', kind: 'range', required: true, help: 'learning rates, COUNT of them log-spaced from MIN to MAX' },
      { name: 'vs', kind: 'field-range', help: 'a second setting (batch.size, optimizer.beta, clip.limit, init.std), spaced linearly' },
      { name: 'epochs', kind: 'epochs', help: 'train each cell for N epochs instead of the scenario’s own' },
      { name: 'out', kind: 'file', help: 'write the map to FILE (CSV when it ends in .csv) instead of standard output' },
      threads,
      set,
    ],
  },
  {
    name: 'landscape',
    args: [scenario],
    help: 'train as run does, then the loss on a grid of a plane around one particle, with its path (CONTRACTS §6)',
    options: [
      {
        name: 'directions',
        kind: 'text',
        value: 'filter|pca|axes',
        help: 'the plane: filter-normalised random, the path’s principal ones, or two parameters [filter]',
      },
      { name: 'grid', kind: 'text', value: 'K', help: 'K × K points, K from 3 to 401 [51]' },
      { name: 'span', kind: 'text', value: 'S', help: 'a and b run from −S to S [1]' },
      { name: 'particle', kind: 'index', help: 'the particle whose end point is the center and whose path is drawn [0]' },
      { name: 'seed', kind: 'text', value: 'N', help: 'the seed of the filter directions [the scenario’s seed]' },
      { name: 'axes', kind: 'text', value: 'i,j', help: 'the two parameter indices of --directions axes' },
      threads,
      set,
    ],
  },
  {
    name: 'race-tune',
    args: [scenario],
    help: 'a fair race: each group’s best learning rate from a short sweep around its own, printed as JSON',
    options: [
      { name: 'by-loss', kind: 'flag', help: 'pick by the lowest final mean loss instead of the fewest median steps to the tolerance' },
      { name: 'count', kind: 'index', help: 'try N values of α per group, log-spaced over 2 decades each side of its own (9 unless told)' },
      { name: 'epochs', kind: 'epochs', help: 'train each trial for N epochs instead of the race’s own' },
      set,
    ],
  },
  {
    name: 'help',
    args: [{ name: '[command]', what: 'command name', optional: true }],
    help: 'this list, or one command’s options',
    options: [],
  },
];

export function findCommand(name: string): CommandSpec | undefined {
  return commands.find((c) => c.name === name);
}
