/**
 * One grammar for every command (CONTRACTS §10): each kind of mistake, in each command, gives exit status 2
 * and a message that starts with `lab:` and says what to type instead; an invalid scenario gives 1 and
 * `field: problem` lines; never a stack trace or the argument parser's own wording. Run in-process.
 */
import { describe, expect, it } from 'vitest';
import { commands } from './commands';
import { lab } from './testing';

const bowlFile = JSON.stringify({
  version: 1,
  name: 'mine',
  model: { kind: 'surface', fn: 'bowl' },
  init: { points: [[0, 0]] },
  optimizer: { kind: 'gd', alpha: 0.1 },
  epochs: 100,
});
const files = { 'mine.json': bowlFile };

/** A working call of each command: the mistakes below are made on top of it. */
const working: Record<string, string[]> = {
  run: ['run', 'bowl', '--summary-only'],
  validate: ['validate', 'mine.json'],
  presets: ['presets'],
  show: ['show', 'bowl'],
  sweep: ['sweep', 'bowl', '--alpha', '0.1:1:2', '--epochs', '5'],
  landscape: ['landscape', 'bowl', '--grid', '3'],
  'race-tune': ['race-tune', 'race-valley', '--count', '2', '--epochs', '5', '--by-loss'],
  help: ['help'],
};

/** What every mistake's output must look like, besides its own words. */
function expectMistake(r: { code: number; stdout: string; stderr: string }, message: RegExp) {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^lab: /);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).toMatch(/^usage: lab /m);
  expectNoInternals(r.stderr);
}

/** Neither a stack trace nor node:util parseArgs' wording ("ambiguous", "Unknown option '--x'"). */
function expectNoInternals(stderr: string) {
  expect(stderr).not.toMatch(/\n\s+at |ERR_PARSE_ARGS|ambiguous|-XYZ|Unknown option '/);
}

describe('the table of commands', () => {
  it('has a working call here for every command, and each works (exit 0)', async () => {
    expect(commands.map((c) => c.name).sort()).toEqual(Object.keys(working).sort());
    for (const argv of Object.values(working)) expect((await lab(argv, files)).code, argv.join(' ')).toBe(0);
  });
});

describe('the command itself is wrong: exit 2', () => {
  it('no command at all: the list of commands', async () => {
    const r = await lab([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^lab: no command given/);
    for (const { name } of commands) expect(r.stderr).toContain(`  ${name} `);
  });

  it('an unknown command, with the nearest one offered', async () => {
    expectMistake(
      await lab(['frobnicate']),
      /^lab: unknown command "frobnicate"; the commands are run, validate, presets, show, sweep, landscape, race-tune, help$/m,
    );
    expectMistake(await lab(['rnu', 'bowl']), /^lab: unknown command "rnu"; did you mean "run"\?$/m);
    expectMistake(await lab(['preset']), /did you mean "presets"\?/);
  });

  it.each(Object.entries(working))('%s: an unknown option, and a near miss with the nearest one', async (name, argv) => {
    expectMistake(await lab([...argv, '--colour'], files), new RegExp(`^lab: ${name} has no option --colour`, 'm'));
    const near = commands.find((c) => c.name === name)!.options[0];
    if (near) expectMistake(await lab([...argv, `--${near.name}x`], files), new RegExp(`did you mean --${near.name}\\?`));
  });

  it.each(Object.entries(working))('%s: one argument too many, or a stray "-x"', async (name, argv) => {
    expectMistake(await lab([...argv, 'extra', 'more'], files), new RegExp(`^lab: ${name} takes `, 'm'));
    expectMistake(await lab([...argv, '-x'], files), new RegExp(`^lab: ${name} has no option -x`, 'm'));
  });

  it.each([['run'], ['validate'], ['show'], ['sweep', '--alpha', '0.1:1:2']])('%s: no scenario named at all', async (...argv) => {
    expectMistake(await lab(argv), new RegExp(`^lab: ${argv[0]} takes one `, 'm'));
  });

  it.each([['run'], ['validate'], ['show'], ['sweep', '--alpha', '0.1:1:2']])('%s: a preset that does not exist, with the nearest name', async (...argv) => {
    const [command, ...rest] = argv;
    expectMistake(
      await lab([command, 'himmelbau', ...rest]),
      /^lab: no (file or )?preset named "himmelbau"; did you mean "himmelblau"\? \(lab presets lists them\)$/m,
    );
    expectMistake(await lab([command, 'no-such-file.json', ...rest]), /^lab: no (file or preset|preset) named "no-such-file\.json"/m);
  });

  it('show: a file is not a preset', async () => {
    expectMistake(await lab(['show', 'mine.json'], files), /^lab: no preset named "mine\.json"/m);
  });

  it.each([
    ['-5', /^lab: --epochs must be a whole number from 1 to 10000000, not "-5"$/m],
    ['0', /not "0"/],
    ['2.5', /not "2\.5"/],
    ['many', /not "many"/],
    ['', /not ""/],
    ['20000000', /not "20000000"/],
  ])('run and sweep: --epochs %j', async (value, message) => {
    expectMistake(await lab(['run', 'bowl', '--epochs', value]), message);
    expectMistake(await lab(['run', 'bowl', `--epochs=${value}`]), message);
    expectMistake(await lab(['sweep', 'bowl', '--alpha', '0.1:1:2', '--epochs', value]), message);
  });

  it.each([
    ['0', /^lab: --threads must be a whole number from 1 to 256, not "0"$/m],
    ['-2', /not "-2"/],
    ['1.5', /not "1\.5"/],
    ['all', /not "all"/],
    ['257', /not "257"/],
  ])('run and sweep: --threads %j', async (value, message) => {
    expectMistake(await lab(['run', 'bowl', '--threads', value]), message);
    expectMistake(await lab(['sweep', 'bowl', '--alpha', '0.1:1:2', `--threads=${value}`]), message);
  });

  it('an option without its value, a flag with one, an option given twice', async () => {
    expectMistake(await lab(['run', 'bowl', '--epochs']), /^lab: --epochs needs a value: --epochs N$/m);
    expectMistake(await lab(['run', 'bowl', '--epochs', '--trace']), /^lab: --epochs needs a value: --epochs N$/m);
    expectMistake(await lab(['run', 'bowl', '--trace=yes']), /^lab: --trace takes no value$/m);
    expectMistake(await lab(['run', 'bowl', '--epochs', '3', '--epochs', '4']), /^lab: --epochs is given twice$/m);
    expectMistake(await lab(['run', 'bowl', '--out', '']), /^lab: --out must name a file, not ""$/m);
  });

  it('run: --particle below 0, or past the cloud', async () => {
    expectMistake(await lab(['run', 'bowl', '--particle', '-1']), /^lab: --particle must be a whole number from 0, not "-1"$/m);
    expectMistake(await lab(['run', 'bowl', '--particle', '3']), /^lab: --particle 3 is out of range: bowl has 1 particle \(0 to 0\)$/m);
  });

  it.each([
    [['--alpha', '1:0.1:3'], /^lab: --alpha 1:0\.1:3: MIN \(1\) is above MAX \(0\.1\); write --alpha 0\.1:1:3$/m],
    [['--alpha', '0.1:1'], /^lab: --alpha must be MIN:MAX:COUNT \(three numbers\), not "0\.1:1"$/m],
    [['--alpha', '0.1:x:3'], /^lab: --alpha must be MIN:MAX:COUNT \(three numbers\), not "0\.1:x:3"$/m],
    [['--alpha', '0.1:1:-3'], /^lab: --alpha 0\.1:1:-3: COUNT must be a whole number from 1, not -3$/m],
    [['--alpha', '0:1:3'], /^lab: --alpha MIN: must be a finite number > 0, not 0$/m],
    [['--alpha', '0.1:1:500'], /^lab: --alpha COUNT: must be an integer from 1 to 200, not 500$/m],
    [
      ['--alpha', '0.1:1:2', '--vs', 'optimizer.beta=0.9:0.5:2'],
      /^lab: --vs optimizer\.beta=0\.9:0\.5:2: MIN \(0\.9\) is above MAX \(0\.5\); write --vs optimizer\.beta=0\.5:0\.9:2$/m,
    ],
    [['--alpha', '0.1:1:2', '--vs', '0.1:1:3'], /^lab: --vs must be FIELD=MIN:MAX:COUNT, not "0\.1:1:3"$/m],
    [['--alpha', '0.1:1:2', '--vs', 'seed=1:2:2'], /^lab: --vs FIELD must be one of optimizer\.beta, init\.std, batch\.size, clip\.limit, not "seed"$/m],
    [['--alpha', '0.1:1:2', '--vs', 'init.sdt=1:2:2'], /^lab: --vs FIELD must be one of .*, not "init\.sdt"; did you mean "init\.std"\?$/m],
    [
      ['--alpha', '0.1:1:2', '--vs', 'optimizer.beta=0.5:0.9:2'],
      /^lab: --vs FIELD: optimizer\.beta needs a momentum or nesterov optimizer; this scenario's is gd$/m,
    ],
    [[], /^lab: sweep needs --alpha MIN:MAX:COUNT$/m],
  ])('sweep bowl-cloud %j', async (options, message) => {
    expectMistake(await lab(['sweep', 'bowl-cloud', ...options]), message);
  });

  it('sweep: a setting that leaves its valid range at some value of --vs names it', async () => {
    const momentum = JSON.stringify({ ...JSON.parse(bowlFile), optimizer: { kind: 'momentum', alpha: 0.1, beta: 0.9 } });
    const r = await lab(['sweep', 'm.json', '--alpha', '0.1:1:2', '--vs', 'optimizer.beta=0.5:1.5:3'], { 'm.json': momentum });
    expectMistake(r, /^lab: --vs: optimizer\.beta: must be a number in \(0, 1\) \(at optimizer\.beta = 1(\.5)?\)$/m);
  });

  it.each([['run'], ['validate'], ['sweep', '--alpha', '0.1:1:2']])('%s: --set without PATH=VALUE', async (...argv) => {
    const [command, ...rest] = argv;
    expectMistake(
      await lab([command, 'bowl', ...rest, '--set', 'optimizer.alpha']),
      /^lab: --set must be PATH=VALUE \(e\.g\. --set optimizer\.alpha=0\.3\), not "optimizer\.alpha"$/m,
    );
    expectMistake(await lab([command, 'bowl', ...rest, '--set', '=0.3']), /not "=0\.3"/);
  });
});

describe('the scenario is invalid: exit 1, one `field: problem` line each', () => {
  const bad = JSON.stringify({ ...JSON.parse(bowlFile), optimizer: { kind: 'gd', alpha: 0 }, colour: 'red' });

  it.each([['run'], ['validate'], ['sweep', '--alpha', '0.1:1:2']])('%s of an invalid file', async (...argv) => {
    const [command, ...rest] = argv;
    const r = await lab([command, 'bad.json', ...rest], { 'bad.json': bad });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n').sort()).toEqual(['colour: unknown key (a typo? see docs/scenario.md)', 'optimizer.alpha: must be a finite number > 0']);
  });

  it.each([['run'], ['validate'], ['sweep', '--alpha', '0.1:1:2']])('%s of a preset made invalid by --set', async (...argv) => {
    const [command, ...rest] = argv;
    const r = await lab([command, 'bowl', ...rest, '--set', 'optimizer.alpha=-1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('optimizer.alpha: must be a finite number > 0\n');
    expectNoInternals(r.stderr);
  });
});

describe('help: exit 0, on standard output, from the same table', () => {
  it('lab --help and lab help list every command with its help line', async () => {
    for (const argv of [['--help'], ['help'], ['-h']]) {
      const r = await lab(argv);
      expect(r.code).toBe(0);
      for (const { name, help } of commands) expect(r.stdout).toContain(`  ${name.padEnd(10)}${help}`);
      expect(r.stdout).toMatch(/exit status: 0 done; 1 an invalid scenario/);
    }
  });

  it.each(commands.filter((c) => c.name !== 'help').map((c) => [c.name]))(
    '%s --help, and help with its name, show its usage and every option',
    async (name) => {
      const a = await lab([name, '--help']);
      const b = await lab(['help', name]);
      expect(a.code).toBe(0);
      expect(a.stdout).toBe(b.stdout);
      expect(a.stdout).toMatch(new RegExp(`^usage: lab ${name}`));
      for (const option of commands.find((c) => c.name === name)!.options)
        expect(a.stdout).toMatch(new RegExp(`^  --${option.name}\\b.*  ${escape(option.help)}$`, 'm'));
    },
  );

  it('help for a command that does not exist is a mistake', async () => {
    expectMistake(await lab(['help', 'rnu']), /did you mean "run"\?/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
