/**
 * The command line, run in-process with an in-memory file system, and once for real through
 * scripts/lab.mjs (the path `npm run lab` takes). Expected numbers come from the notebooks (cell named).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { datasetOf } from '../engine/build';
import { Metrics } from '../engine/metrics';
import { presets } from '../shared/presets';
import { validateScenario } from '../shared/validate';
import { lab } from './testing';

const bowlFile = JSON.stringify({
  version: 1,
  name: 'mine',
  model: { kind: 'surface', fn: 'bowl' },
  init: { points: [[0, 0]] },
  optimizer: { kind: 'gd', alpha: 0.1 },
  epochs: 100,
});

describe('lab run', () => {
  it('runs a preset by name: the bowl ends at notebook 002’s printed x, y', async () => {
    const r = await lab(['run', 'bowl']);
    expect(r.code).toBe(0);
    const result = r.json();
    expect(Object.keys(result)).toEqual(['name', 'paramNames', 'final', 'summary']);
    expect(result.final.params[0][0]).toBeCloseTo(0.9999999997962964, 12);
    expect(result.final.params[0][1]).toBeCloseTo(1.9999999995925928, 12);
    expect(result.final).toMatchObject({ status: ['running'], epochs: 100, steps: 100 });
  });

  it('adds the best particle’s held-out loss and accuracies to the summary of a classifier, and nothing to a surface’s', async () => {
    const circle = {
      version: 1,
      name: 'circle',
      model: { kind: 'mlp', layers: [2, 4, 2], hidden: 'tanh', output: 'softmax' },
      data: { generate: 'circle', n: 40, noise: 0.1, test: 0.25 },
      init: { dist: 'gaussian', mean: Array(22).fill(0), std: 0.5, count: 5 },
      optimizer: { kind: 'adam', alpha: 0.05 },
      epochs: 20,
    };
    const r = await lab(['run', 'circle.descent.json'], { 'circle.descent.json': JSON.stringify(circle) });
    expect(r.code, r.stderr).toBe(0);
    const { final, summary } = r.json();
    const best = final.loss.indexOf(Math.min(...final.loss));
    const validated = validateScenario(circle);
    if (!validated.ok) throw new Error(validated.problems.join('\n'));
    const expected = Metrics.of(validated.scenario, datasetOf(validated.scenario))!.measure(final.params[best]);
    expect(Object.keys(expected)).toEqual(['testLoss', 'trainAccuracy', 'testAccuracy']);
    expect({ testLoss: summary.testLoss, trainAccuracy: summary.trainAccuracy, testAccuracy: summary.testAccuracy }).toEqual(expected);
    expect(Object.keys((await lab(['run', 'bowl', '--summary-only'])).json().summary)).not.toContain('testLoss');
  });

  it('runs a scenario file the same way', async () => {
    const r = await lab(['run', 'my.descent.json'], { 'my.descent.json': bowlFile });
    expect(r.json().name).toBe('mine');
    expect(r.json().final.steps).toBe(100);
  });

  it('reproduces every notebook experiment by preset name, without a problem', async () => {
    for (const preset of presets.filter((p) => p.group === 'notebooks')) {
      const r = await lab(['run', preset.name, '--summary-only']);
      expect(r.code, `${preset.name}: ${r.stderr}`).toBe(0);
      expect(r.json().summary.count).toBeGreaterThan(0);
    }
  });

  it('--trace shows the neuron’s first step in the notebook’s numbers (notebook 000, cell 86)', async () => {
    const r = await lab(['run', 'neuron-three-inputs', '--trace', '--epochs', '2']);
    const [first, second] = r.json().trace;
    expect(first.loss).toBeCloseTo(0.0196, 12);
    first.grad.forEach((g: number, k: number) => expect(g).toBeCloseTo([-1.19, -0.091, -0.168][k], 12));
    second.params.forEach((w: number, k: number) => expect(w).toBeCloseTo([0.1119, 0.20091, -0.09832][k], 12));
  });

  it('a diverged run writes null for non-finite numbers and exits 0 (notebook 001, cell 10)', async () => {
    const r = await lab(['run', 'regression-eta-0.3']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
    expect(r.json().final.status).toEqual(['diverged']);
    expect(r.json().final.loss).toEqual([null]);
  });

  it('the bowl at α = 5 reads diverged, by "divergence", at step 54 within its 100 epochs (5·81ᵏ passes 1e100 at k = 53)', async () => {
    const file = JSON.stringify({ ...JSON.parse(bowlFile), optimizer: { kind: 'gd', alpha: 5 } });
    const r = await lab(['run', 'fast.json', '--trace'], { 'fast.json': file });
    const result = r.json();
    expect(result.final).toMatchObject({ status: ['diverged'], reason: ['divergence'], stoppedAt: [54] });
    expect(result.summary).toMatchObject({ diverged: 1, reasons: { divergence: 1, nonFinite: 0, tolerance: 0 } });
    expect(result.trace).toHaveLength(53);
    expect(result.stopped).toEqual({ particle: 0, step: 54, reason: 'divergence' });
    const csv = await lab(['run', 'fast.json', '--trace', '--out', 'trace.csv'], { 'fast.json': file });
    expect(csv.files['trace.csv'].trim().split('\n').at(-1)).toBe('54,,,,,,,divergence');
  });

  it('a running particle has reason and stoppedAt null; a run that never stops has "stopped": null', async () => {
    const r = await lab(['run', 'bowl', '--trace']);
    expect(r.json().final).toMatchObject({ reason: [null], stoppedAt: [null] });
    expect(r.json().stopped).toBeNull();
  });

  it('the same scenario and seed give byte-identical output', async () => {
    const a = await lab(['run', 'regression-eta-0.1', '--trace']);
    const b = await lab(['run', 'regression-eta-0.1', '--trace']);
    expect(a.stdout.length).toBeGreaterThan(1000);
    expect(a.stdout).toBe(b.stdout);
  });

  it('--summary-only leaves out the per-particle results', async () => {
    const r = await lab(['run', 'himmelblau', '--summary-only', '--epochs', '5']);
    expect(Object.keys(r.json())).toEqual(['name', 'paramNames', 'summary']);
    expect(r.json().summary.count).toBe(1600);
  });

  it('--out FILE.csv writes CSV to the file and nothing to standard output', async () => {
    const r = await lab(['run', 'regression-first-step', '--trace', '--out', 'trace.csv']);
    expect(r.stdout).toBe('');
    const lines = r.files['trace.csv'].trim().split('\n');
    expect(lines[0]).toBe('step,epoch,loss,b,w1,w2,grad_b,grad_w1,grad_w2,stop');
    const first = lines[1].split(',').map(Number);
    // Notebook 001 cell 7: from b = 0, w = [1, 1], db = −3.2 and dw1 = −6 on the first three rows.
    expect(first.slice(0, 6)).toEqual([1, 0, first[2], 0, 1, 1]);
    expect(first[6]).toBeCloseTo(-3.2, 12);
    expect(first[7]).toBeCloseTo(-6, 12);
    const particles = await lab(['run', 'bowl-cloud', '--epochs', '1', '--out', 'cloud.csv']);
    expect(particles.files['cloud.csv'].split('\n')[0]).toBe('particle,status,reason,stoppedAt,loss,x,y');
    expect(particles.files['cloud.csv'].trim().split('\n')).toHaveLength(1001);
  });

  it('shows progress on standard error once a run takes more than a second', async () => {
    const r = await lab(['run', 'bowl'], {}, 700); // a fake clock: 0.7 s per look
    expect(r.stderr).toMatch(/^lab: epoch \d+\/100 \(\d+%\)/m);
    expect(JSON.parse(r.stdout).final.steps).toBe(100);
  });
});

describe('bad input', () => {
  it('an invalid scenario: exit 1, one line per problem naming the field, no stack trace', async () => {
    const bad = JSON.stringify({
      version: 1,
      model: { kind: 'surface', fn: 'bowl' },
      init: { points: [[0, 0, 0]] },
      optimizer: { kind: 'gd', alpha: 0 },
      epochs: 10,
      colour: 'red',
    });
    const r = await lab(['run', 'bad.json'], { 'bad.json': bad });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toContain('optimizer.alpha: must be a finite number > 0');
    expect(lines).toContain('colour: unknown key (a typo? see docs/scenario.md)');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('bad stop rules are refused with the field named', async () => {
    const cases: [unknown, string][] = [
      [{ patience: 0 }, 'stop.patience: must be a whole number of steps from 1 to 1000000000'],
      [{ patience: 1.5 }, 'stop.patience: must be null or a whole number of steps from 1 to 1000000000'],
      [{ patience: '3' }, 'stop.patience: must be null or a whole number of steps from 1 to 1000000000'],
      [{ gradNorm: -1 }, 'stop.gradNorm: must be a finite number ≥ 0'],
      [{ minDelta: -1 }, 'stop.minDelta: must be a finite number ≥ 0'],
      [{ divergence: 0 }, 'stop.divergence: must be a finite number > 0'],
      [{ belowLoss: 'low' }, 'stop.belowLoss: must be null or a finite number'],
      [{ foo: 1 }, 'stop.foo: unknown key (a typo? see docs/scenario.md)'],
    ];
    for (const [stop, line] of cases) {
      const r = await lab(['validate', 'stop.json'], { 'stop.json': JSON.stringify({ ...JSON.parse(bowlFile), stop }) });
      expect(r.code, JSON.stringify(stop)).toBe(1);
      expect(r.stderr.trim().split('\n')).toContain(line);
    }
  });

  it('a formula that cannot be compiled is reported as model.expr', async () => {
    const file = JSON.stringify({
      version: 1,
      model: { kind: 'surface', expr: 'x + z' },
      init: { points: [[0, 0]] },
      optimizer: { kind: 'gd', alpha: 0.1 },
      epochs: 1,
    });
    const r = await lab(['validate', 'f.json'], { 'f.json': file });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^model\.expr: unknown name "z"/);
  }, 30_000); // the first formula loads mathjs: most of a second alone, several on a busy machine
  // Mistakes in the command itself (exit status 2) are mistakes.test.ts's, for every command.
});

describe('lab validate, show', () => {
  it('validate accepts a good file and says so on standard error', async () => {
    const r = await lab(['validate', 'my.json'], { 'my.json': bowlFile });
    expect([r.code, r.stdout]).toEqual([0, '']);
    expect(r.stderr).toMatch(/is a valid scenario/);
  });

  it('show prints a preset as a scenario file that validates', async () => {
    const shown = await lab(['show', 'noisy-line-minibatch']);
    const check = await lab(['validate', 'shown.json'], { 'shown.json': shown.stdout });
    expect(check.code).toBe(0);
  });
});

describe('CSV data', () => {
  const scenario = (x: string[], y: string[]) =>
    JSON.stringify({
      version: 1,
      model: { kind: 'linear' },
      data: { csv: 'points.csv', x, y },
      init: { points: [[0, 0]] },
      optimizer: { kind: 'gd', alpha: 0.5 },
      epochs: 2000,
    });
  // y = 1 + 2x exactly, with a quoted header to exercise the reader.
  const csv = '"size","price"\r\n0,1\r\n0.5,2\r\n1,3\r\n';

  it('reads the named columns from a file beside the scenario and fits them', async () => {
    const r = await lab(['run', 'data/fit.json'], { 'data/fit.json': scenario(['size'], ['price']), [`${process.cwd()}/data/points.csv`]: csv });
    expect(r.code, r.stderr).toBe(0);
    const [b, w] = r.json().final.params[0];
    expect(b).toBeCloseTo(1, 4);
    expect(w).toBeCloseTo(2, 4);
  });

  it('names a missing column and a bad cell by line and column', async () => {
    const missing = await lab(['run', 'fit.json'], { 'fit.json': scenario(['area'], ['price']), [`${process.cwd()}/points.csv`]: csv });
    expect(missing.stderr).toMatch(/^data\.x\[0\]: points\.csv has no column "area" \(it has "size", "price"\)/);
    const bad = await lab(['run', 'fit.json'], { 'fit.json': scenario(['size'], ['price']), [`${process.cwd()}/points.csv`]: 'size,price\n1,2\nx,3\n' });
    expect(bad.stderr).toMatch(/^data\.csv: points\.csv line 3, column "size": "x" is not a finite number/);
  });
});

describe('through npm’s path (scripts/lab.mjs, the bundled build)', () => {
  it('runs a preset and validates a bad file with the contract’s exit statuses', () => {
    const output = execFileSync(process.execPath, ['scripts/lab.mjs', 'run', 'bowl', '--summary-only'], { encoding: 'utf8' });
    expect(JSON.parse(output).summary.count).toBe(1);
    const bad = spawnSync(process.execPath, ['scripts/lab.mjs', 'validate', 'package.json'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^\w[\w.]*: unknown key/m);
  }, 60_000);
});
