/**
 * `--set PATH=VALUE` on run, validate and sweep (CONTRACTS §10): the same result, byte for byte, as the
 * scenario with that field edited by hand; the value read as JSON, else as a string; indices either way.
 * Expected numbers: gradient descent on the bowl (x−1)² + (y−2)² moves each coordinate's distance to the
 * minimum (1, 2) by the factor 1 − 2α a step (the bowl preset's lesson, notebook 002).
 */
import { describe, expect, it } from 'vitest';
import { parseSetting } from './set-option';
import { lab } from './testing';

/** The bowl preset as a file (what `lab show bowl` prints), with `edit` applied to it. */
async function editedBowl(
  edit: (scenario: Record<string, any> /* eslint-disable-line @typescript-eslint/no-explicit-any -- a scenario edited freely, checked after */) => void,
): Promise<Record<string, string>> {
  const scenario = JSON.parse((await lab(['show', 'bowl'])).stdout);
  edit(scenario);
  return { 'edited.json': JSON.stringify(scenario, null, 2) };
}

describe('--set on run', () => {
  it('changes a setting: one step at α = 0.3 from (0, 0) lands at (1 − 0.4, 2 − 0.8)', async () => {
    const r = await lab(['run', 'bowl', '--epochs', '1', '--set', 'optimizer.alpha=0.3']);
    expect(r.code, r.stderr).toBe(0);
    const [x, y] = r.json().final.params[0];
    expect(x).toBeCloseTo(0.6, 15);
    expect(y).toBeCloseTo(1.2, 15);
  });

  it('writes the same bytes as the run of the scenario with that field edited', async () => {
    const files = await editedBowl((s) => (s.optimizer.alpha = 0.3));
    const set = await lab(['run', 'bowl', '--trace', '--set', 'optimizer.alpha=0.3']);
    const edited = await lab(['run', 'edited.json', '--trace'], files);
    const plain = await lab(['run', 'bowl', '--trace']);
    expect(set.stdout.length).toBeGreaterThan(1000);
    expect(set.stdout).toBe(edited.stdout);
    expect(set.stdout).not.toBe(plain.stdout);
  });

  it('a file takes --set as a preset does', async () => {
    const files = await editedBowl(() => {});
    const set = await lab(['run', 'edited.json', '--set', 'optimizer.alpha=0.3'], files);
    const preset = await lab(['run', 'bowl', '--set', 'optimizer.alpha=0.3']);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toBe(preset.stdout);
  });

  it('writes an array element by index, as init.points[0][1] or init.points.0.1: one step from (0, 4)', async () => {
    for (const path of ['init.points[0][1]', 'init.points.0.1']) {
      const r = await lab(['run', 'bowl', '--epochs', '1', '--set', `${path}=4`]);
      expect(r.code, r.stderr).toBe(0);
      // Factor 1 − 2·0.1 = 0.8: x = 1 + 0.8·(0 − 1), y = 2 + 0.8·(4 − 2).
      const [x, y] = r.json().final.params[0];
      expect(x).toBeCloseTo(0.2, 15);
      expect(y).toBeCloseTo(3.6, 15);
    }
  });

  it('takes a whole object as JSON, and several --set in order, the later winning', async () => {
    const files = await editedBowl((s) => (s.optimizer = { kind: 'momentum', alpha: 0.05, beta: 0.5 }));
    const set = await lab([
      'run',
      'bowl',
      '--set',
      'optimizer.alpha=9',
      '--set',
      'optimizer={"kind":"momentum","alpha":9,"beta":0.5}',
      '--set',
      'optimizer.alpha=0.05',
    ]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toBe((await lab(['run', 'edited.json'], files)).stdout);
  });

  it('reads a value that is not JSON as a string, and a quoted one as a string too', async () => {
    expect((await lab(['run', 'bowl', '--summary-only', '--set', 'name=my bowl'])).json().name).toBe('my bowl');
    expect((await lab(['run', 'bowl', '--summary-only', '--set', 'name="42"'])).json().name).toBe('42');
    const number = await lab(['run', 'bowl', '--set', 'name=42']);
    expect([number.code, number.stderr]).toEqual([1, 'name: must be a string\n']);
  });

  it('applies before the CSV data is read, so data.csv can name another file', async () => {
    const scenario = JSON.stringify({
      version: 1,
      model: { kind: 'linear' },
      data: { csv: 'a.csv', x: ['x'], y: ['y'] },
      init: { points: [[0, 0]] },
      optimizer: { kind: 'gd', alpha: 0.5 },
      epochs: 2000,
    });
    // b.csv holds y = 1 + 2x exactly, so the fit ends at b = 1, w = 2; a.csv does not exist.
    const files = { 'fit.json': scenario, [`${process.cwd()}/b.csv`]: 'x,y\n0,1\n0.5,2\n1,3\n' };
    expect((await lab(['run', 'fit.json'], files)).stderr).toMatch(/^data\.csv: cannot read "a\.csv"/);
    const r = await lab(['run', 'fit.json', '--set', 'data.csv=b.csv'], files);
    expect(r.code, r.stderr).toBe(0);
    const [b, w] = r.json().final.params[0];
    expect(b).toBeCloseTo(1, 4);
    expect(w).toBeCloseTo(2, 4);
  });
});

describe('--set of a network’s initialisation (torch.nn.init’s schemes)', () => {
  it('starts circle-classifier’s networks from Xavier uniform: the first layer’s weights within (5/3)·√(6/(2 + 8)), its biases 0', async () => {
    // [2, 8, 2] tanh: W1 is 2×8 (parameters 0–15), b1 the next 8; gain 5/3 (calculate_gain('tanh')), fans 2 and 8.
    const args = ['run', 'circle-classifier', '--epochs', '1', '--trace', '--set', 'init={"dist":"xavier-uniform","count":3}'];
    const r = await lab(args);
    expect(r.code, r.stderr).toBe(0);
    const start: number[] = r.json().trace[0].params;
    const bound = (5 / 3) * Math.sqrt(6 / 10);
    expect(Math.max(...start.slice(0, 16).map(Math.abs))).toBeLessThanOrEqual(bound);
    expect(start.slice(16, 24)).toEqual(new Array(8).fill(0));
    expect((await lab(args)).stdout).toBe(r.stdout);
  });

  it('refuses an unknown fan or a scheme on a surface, naming the field', async () => {
    const fan = await lab(['validate', 'circle-classifier', '--set', 'init={"dist":"kaiming-normal","mode":"fan_in","count":3}']);
    expect([fan.code, fan.stderr]).toEqual([1, 'init.mode: must be "fan-in" or "fan-out"\n']);
    const surface = await lab(['validate', 'bowl', '--set', 'init={"dist":"xavier-normal","count":3}']);
    expect(surface.code).toBe(1);
    expect(surface.stderr).toMatch(/^init\.dist: xavier-normal sets a network's weights from its layer widths; it needs an mlp model/);
  });
});

describe('--set that makes the scenario invalid: exit 1, the field named', () => {
  it.each([
    [['optimizer.alhpa=0.3'], 'optimizer.alhpa: unknown key (a typo? see docs/scenario.md)'],
    [['clip.limit=2'], 'clip.limit: clip is not set, so it has no fields (set "clip" as a whole)'],
    [['__proto__.polluted=1'], '__proto__.polluted: is not a field of a scenario'],
    [['optimizer.kind=sgd'], /^optimizer(\.kind)?: /],
  ])('validate bowl --set %j', async (settings, line) => {
    const r = await lab(['validate', 'bowl', ...settings.flatMap((s) => ['--set', s])]);
    expect(r.code).toBe(1);
    if (typeof line === 'string') expect(r.stderr).toBe(line + '\n');
    else expect(r.stderr).toMatch(line);
  });

  it('validate says which fields it set on a scenario that passes', async () => {
    const r = await lab(['validate', 'bowl', '--set', 'optimizer.alpha=0.3', '--set', 'epochs=5']);
    expect([r.code, r.stdout]).toEqual([0, '']);
    expect(r.stderr).toBe('lab: bowl with optimizer.alpha, epochs set is a valid scenario\n');
  });
});

describe('--set on sweep', () => {
  it('maps the scenario with the field edited: without a tolerance, nothing on the bowl converges', async () => {
    const args = ['--alpha', '0.5:2:2', '--epochs', '300'];
    const plain = await lab(['sweep', 'bowl-cloud', ...args]);
    const set = await lab(['sweep', 'bowl-cloud', ...args, '--set', 'tolerance=null']);
    // bowl-cloud's tolerance 1e-12 is met at α = 0.5 (one step lands on the minimum: 1 − 2α = 0).
    expect(plain.json().cells[0][0].converged).toBe(1);
    expect(set.code, set.stderr).toBe(0);
    expect(set.json().cells[0][0].converged).toBe(0);
    const scenario = JSON.parse((await lab(['show', 'bowl-cloud'])).stdout);
    const edited = await lab(['sweep', 'edited.json', ...args], { 'edited.json': JSON.stringify({ ...scenario, tolerance: null }) });
    expect(set.stdout).toBe(edited.stdout);
  });
});

describe('parseSetting', () => {
  it('splits at the first "=", so a value may hold "=" itself', () => {
    expect(parseSetting('name=a=b')).toEqual({ path: 'name', value: 'a=b' });
    expect(parseSetting('groups[2].optimizer.alpha=0.1')).toEqual({ path: 'groups.2.optimizer.alpha', value: 0.1 });
    expect(parseSetting('tolerance=null')).toEqual({ path: 'tolerance', value: null });
    expect(parseSetting('name=')).toEqual({ path: 'name', value: '' });
  });
});
