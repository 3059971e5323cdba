/**
 * `lab run --set` takes the optimizers and surfaces of CONTRACTS §9 like any other value: the numbers come from
 * scripts/reference/reference.py (src/engine/fixtures/reference.json) and from the surface catalogue's minima.
 */
import { describe, expect, it } from 'vitest';
import reference from '../engine/fixtures/reference.json';
import { lab } from './testing';

const rosenbrockFile = JSON.stringify({
  version: 1,
  name: 'start',
  model: { kind: 'surface', fn: 'rosenbrock' },
  init: { points: [[-1.5, 2]] },
  optimizer: { kind: 'gd', alpha: 0.001 },
  epochs: 300,
});

describe('lab run with the rules and surfaces of issue 18', () => {
  it('--set optimizer.kind=lion: 300 steps on Rosenbrock end where the reference script’s Lion ends', async () => {
    const r = await lab(['run', 'start.descent.json', '--set', 'optimizer.kind=lion'], { 'start.descent.json': rosenbrockFile });
    expect(r.code, r.stderr).toBe(0);
    const expected = reference.optimizers.find((c) => c.name === 'lion rosenbrock')!;
    const last = expected.params.at(-1)!;
    const [x, y] = r.json().final.params[0];
    expect(Math.abs(x - last[0]!)).toBeLessThan(1e-12);
    expect(Math.abs(y - last[1]!)).toBeLessThan(1e-12);
  });

  it('--set model.fn=goldstein-price: a particle at the documented minimum (0, −1) stays there with f = 3', async () => {
    const r = await lab(['run', 'start.descent.json', '--set', 'model.fn=goldstein-price', '--set', 'init.points=[[0,-1]]', '--set', 'epochs=5'], {
      'start.descent.json': rosenbrockFile,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.json().final.params[0]).toEqual([0, -1]);
    expect(r.json().final.loss[0]).toBe(3);
  });

  it('refuses β₂ = 1 for NAdam, naming the field', async () => {
    const r = await lab(['run', 'start.descent.json', '--set', 'optimizer.kind=nadam', '--set', 'optimizer.beta2=1'], { 'start.descent.json': rosenbrockFile });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('optimizer.beta2: must be a number from 0 up to 1 (not 1)');
  });
});
