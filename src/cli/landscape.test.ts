/**
 * `lab landscape` (CONTRACTS §6), run in-process: the same training as `run`, the grid and the path in the
 * contract's shape, and each bad input with its exit status (§10). The numbers themselves are checked in
 * ../engine/experiments/landscape.test.ts and against the Python reference.
 */
import { describe, expect, it } from 'vitest';
import { lab } from './testing';

/** The two-layer net of notebook 001 (14 parameters, one row, 100 steps of gradient descent). */
const net = 'two-layer-net';

describe('lab landscape', () => {
  it('prints the contract’s fields around the particle that `run` trains, on the 51 × 51 grid by default', async () => {
    const [land, run] = await Promise.all([lab(['landscape', net]), lab(['run', net])]);
    expect(land.code, land.stderr).toBe(0);
    const result = land.json();
    const final = run.json().final;
    expect(Object.keys(result)).toEqual(['directions', 'center', 'd1', 'd2', 'a', 'b', 'loss', 'path', 'pathLoss']);
    expect(result.directions).toBe('filter');
    expect(result.center).toEqual(final.params[0]); // trained as run trains, to the same bits
    expect(result.a).toHaveLength(51);
    expect([result.a[0], result.a[25], result.a[50]]).toEqual([-1, 0, 1]);
    expect(result.b).toEqual(result.a);
    expect(result.loss).toHaveLength(51);
    expect(result.loss.every((row: number[]) => row.length === 51)).toBe(true);
    // The middle of the grid and the path's last point are the center: the loss `run` reports there.
    expect(result.loss[25][25]).toBe(final.loss[0]);
    expect(result.pathLoss.at(-1)).toBe(final.loss[0]);
    // The path: the parameters before each of the 100 steps, then the final ones.
    expect(result.path).toHaveLength(101);
    expect(result.path.at(-1)).toEqual([0, 0]);
    expect(result.pathLoss).toHaveLength(101);
    // Notebook 001, cell 5: the untrained net outputs [0.52647369, 0.47352631] against the target [1, 0].
    expect(result.pathLoss[0]).toBeCloseTo(-Math.log(0.52647369), 7);
  });

  it('pca: unit directions, the shares of variance, and the path projected onto them', async () => {
    const result = (await lab(['landscape', net, '--directions', 'pca', '--grid', '3'])).json();
    expect(Object.keys(result).at(-1)).toBe('explained');
    const [e1, e2] = result.explained;
    expect(e1).toBeGreaterThanOrEqual(e2);
    expect(e1 + e2).toBeLessThanOrEqual(1 + 1e-12);
    expect(Math.hypot(...result.d1)).toBeCloseTo(1, 14);
    expect(Math.hypot(...result.d2)).toBeCloseTo(1, 14);
    const first = result.path[0];
    const start = (await lab(['run', net, '--trace', '--epochs', '1'])).json().trace[0].params;
    const dot = (u: number[], v: number[]) => u.reduce((s, x, q) => s + x * v[q], 0);
    const offset = start.map((x: number, q: number) => x - result.center[q]);
    expect(first[0]).toBeCloseTo(dot(offset, result.d1), 12);
    expect(first[1]).toBeCloseTo(dot(offset, result.d2), 12);
  });

  it('axes: unit vectors along the two parameters; --span sets the grid’s ends', async () => {
    const result = (await lab(['landscape', net, '--directions', 'axes', '--axes', '2,5', '--grid', '3', '--span', '0.5'])).json();
    expect(result.a).toEqual([-0.5, 0, 0.5]);
    expect(result.d1.indexOf(1)).toBe(2);
    expect(result.d2.indexOf(1)).toBe(5);
    expect(result.d1.reduce((s: number, v: number) => s + Math.abs(v), 0)).toBe(1);
  });

  it('is byte-identical for the same seed; --seed draws other filter directions', async () => {
    const a = await lab(['landscape', net, '--grid', '3']);
    const b = await lab(['landscape', net, '--grid', '3']);
    const c = await lab(['landscape', net, '--grid', '3', '--seed', '9']);
    expect(a.stdout).toBe(b.stdout);
    expect(c.json().d1).not.toEqual(a.json().d1);
    expect(c.json().center).toEqual(a.json().center);
  });

  it('in a race, follows the particle in its own group: its path is every step it took', async () => {
    const [land, run] = await Promise.all([lab(['landscape', 'race-saddle', '--grid', '3', '--particle', '5']), lab(['run', 'race-saddle'])]);
    const final = run.json().final;
    expect(land.json().center).toEqual(final.params[5]);
    expect(land.json().path).toHaveLength(final.steps + 1);
  });

  it('writes a non-finite loss as null: the bowl far out, where (x − 1)² overflows', async () => {
    const r = await lab(['landscape', 'bowl', '--grid', '3', '--span', '1e200', '--directions', 'axes', '--axes', '0,1']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
    expect(r.json().loss.flat()).toContain(null);
  });
});

describe('lab landscape: bad input', () => {
  /** A mistake in the command: status 2, a `lab:` line naming the option, the usage, no stack trace. */
  async function expectMistake(argv: string[], message: RegExp) {
    const r = await lab(['landscape', net, ...argv]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^usage: lab landscape /m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }

  it.each([
    [['--grid', '2'], /^lab: --grid must be a whole number from 3 to 401, not "2"$/m],
    [['--grid', '402'], /^lab: --grid must be a whole number from 3 to 401, not "402"$/m],
    [['--grid', 'ten'], /^lab: --grid must be a whole number from 3 to 401, not "ten"$/m],
    [['--span', '0'], /^lab: --span must be a number > 0, not "0"$/m],
    [['--span', '-1'], /^lab: --span must be a number > 0, not "-1"$/m],
    [['--seed', '1.5'], /^lab: --seed must be a whole number, not "1\.5"$/m],
    [['--directions', 'pcb'], /^lab: --directions must be filter, pca or axes, not "pcb"; did you mean "pca"\?$/m],
    [['--directions', 'axes'], /^lab: --directions axes needs the two parameters: --axes i,j/m],
    [['--axes', '0,1'], /^lab: --axes goes with --directions axes, not filter$/m],
    [['--directions', 'axes', '--axes', '0'], /^lab: --axes must be two parameter indices from 0, written i,j/m],
    [['--directions', 'axes', '--axes', '0,14'], /^lab: --axes: 14 is out of range: the model has 14 parameters \(0 to 13\)$/m],
    [['--directions', 'axes', '--axes', '3,3'], /^lab: --axes: must name two different parameters, not 3 twice$/m],
    [['--particle', '1'], /^lab: --particle 1 is out of range: two-layer-net has 1 particle \(0 to 0\)$/m],
    [['--directions', 'pca', '--set', 'epochs=1'], /^lab: --directions: pca needs a path of at least 3 points; this one has 2 \(train for more epochs/m],
  ])('%j', async (argv, message) => {
    await expectMistake(argv, message);
  });

  it('an invalid scenario is status 1, one line naming the field: a model whose input width does not match the data', async () => {
    const r = await lab(['landscape', net, '--set', 'model.layers=[2,2,2]']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^model\.layers\[0\]: must equal the number of features per row of the data \(3\)$/m);
  });

  it('an unknown data set is status 1 too, naming the field', async () => {
    const r = await lab(['landscape', net, '--set', 'data={"generate":"moons","n":10}']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^data/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
