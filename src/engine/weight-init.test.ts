/**
 * An MLP's starting weights by torch.nn.init's schemes (./weight-init.ts). Every expected bound and standard
 * deviation is the closed form of torch.nn.init's docs (docs.pytorch.org/docs/stable/nn.init.html):
 * xavier a = gain·√(6/(fan_in+fan_out)), std = gain·√(2/(fan_in+fan_out)); kaiming b = gain·√(3/fan),
 * std = gain/√fan; calculate_gain tanh 5/3, relu √2, sigmoid and linear 1.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../shared/scenario';
import { validateScenario } from '../shared/validate';
import { initialPositions, networkOf } from './init';
import { scenarioOf } from './testing';
import { gainOf, layerDraws, type NetworkShape } from './weight-init';

const net = (hidden: NetworkShape['hidden'], output: NetworkShape['output'] = 'identity'): NetworkShape => ({ layers: [2, 16, 16, 1], hidden, output });
/** [2,16,16,1]: W1 2×16 + b1 16, W2 16×16 + b2 16, W3 16×1 + b3 1 = 337 parameters. */
const paramCount = 337;
const layerSpans = [
  { w: [0, 32], b: [32, 48] },
  { w: [48, 304], b: [304, 320] },
  { w: [320, 336], b: [336, 337] },
];

/** Every particle's values of parameters [from, to), from a parameter-major cloud of n particles. */
const valuesOf = (params: Float64Array, n: number, [from, to]: number[]) => params.subarray(from * n, to * n);
const maxAbs = (values: Float64Array) => values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
/** √(mean of w²): the sample standard deviation about the known mean 0. */
const rms = (values: Float64Array) => Math.sqrt(values.reduce((s, v) => s + v * v, 0) / values.length);

describe('gainOf (torch.nn.init.calculate_gain)', () => {
  it('is 5/3 for tanh, √2 for relu, 1 for sigmoid, identity and softmax', () => {
    expect(gainOf('tanh')).toBe(5 / 3);
    expect(gainOf('relu')).toBe(Math.SQRT2);
    expect([gainOf('sigmoid'), gainOf('identity'), gainOf('softmax')]).toEqual([1, 1, 1]);
  });
});

describe('layerDraws', () => {
  it('takes each layer’s fan-in and fan-out from the widths, the hidden gain but on the last layer', () => {
    const draws = layerDraws({ dist: 'xavier-uniform', count: 1 }, net('tanh'));
    expect(draws.map((d) => [d.fanIn, d.fanOut])).toEqual([
      [2, 16],
      [16, 16],
      [16, 1],
    ]);
    expect(draws.map((d) => d.weights)).toEqual([
      { kind: 'uniform', bound: (5 / 3) * Math.sqrt(6 / 18) },
      { kind: 'uniform', bound: (5 / 3) * Math.sqrt(6 / 32) },
      { kind: 'uniform', bound: Math.sqrt(6 / 17) }, // identity output: gain 1
    ]);
    expect(draws.every((d) => d.biasBound === 0)).toBe(true);
  });

  it('uses fan-in for Kaiming by default and fan-out when asked; a given gain replaces every layer’s', () => {
    const fanIn = layerDraws({ dist: 'kaiming-normal', mode: 'fan-in', count: 1 }, net('relu'));
    expect(fanIn.map((d) => d.weights)).toEqual([
      { kind: 'normal', std: Math.SQRT2 / Math.sqrt(2) },
      { kind: 'normal', std: Math.SQRT2 / Math.sqrt(16) },
      { kind: 'normal', std: 1 / Math.sqrt(16) },
    ]);
    const fanOut = layerDraws({ dist: 'kaiming-uniform', mode: 'fan-out', gain: 0.5, count: 1 }, net('relu'));
    expect(fanOut.map((d) => d.weights)).toEqual([
      { kind: 'uniform', bound: 0.5 * Math.sqrt(3 / 16) },
      { kind: 'uniform', bound: 0.5 * Math.sqrt(3 / 16) },
      { kind: 'uniform', bound: 0.5 * Math.sqrt(3 / 1) },
    ]);
  });

  it('torch-default is nn.Linear’s reset: kaiming_uniform_ with a = √5, i.e. 1/√fan_in, and the same bound for biases', () => {
    // kaiming_uniform_(a=√5): gain = √(2/(1 + a²)) = √(1/3), bound = gain·√(3/fan_in) = 1/√fan_in (closed form).
    const draws = layerDraws({ dist: 'torch-default', count: 1 }, net('tanh'));
    for (const d of draws) {
      const viaKaiming = Math.sqrt(2 / (1 + 5)) * Math.sqrt(3 / d.fanIn);
      expect(d.weights).toEqual({ kind: 'uniform', bound: 1 / Math.sqrt(d.fanIn) });
      expect(viaKaiming).toBeCloseTo(1 / Math.sqrt(d.fanIn), 14);
      expect(d.biasBound).toBe(1 / Math.sqrt(d.fanIn));
    }
  });
});

describe('a cloud of [2,16,16,1] networks by initialPositions', () => {
  const n = 200;

  it('xavier-uniform: each layer’s max |w| is at most its bound and within 1 % of it; biases 0', () => {
    const params = initialPositions({ dist: 'xavier-uniform', count: n }, paramCount, 7, undefined, net('tanh'));
    const bounds = [(5 / 3) * Math.sqrt(6 / 18), (5 / 3) * Math.sqrt(6 / 32), Math.sqrt(6 / 17)];
    layerSpans.forEach(({ w, b }, l) => {
      const top = maxAbs(valuesOf(params, n, w));
      // Of m = n·fan_in·fan_out ≥ 3,200 draws from U(−a, a), all below 0.99a has probability 0.99^m < 1e-13.
      expect(top).toBeLessThanOrEqual(bounds[l]);
      expect(top).toBeGreaterThan(0.99 * bounds[l]);
      expect(maxAbs(valuesOf(params, n, b))).toBe(0);
    });
  });

  it('kaiming-normal (relu, fan-in): each layer’s sample std is gain/√fan_in to within 5 standard errors', () => {
    const params = initialPositions({ dist: 'kaiming-normal', mode: 'fan-in', count: n }, paramCount, 7, undefined, net('relu'));
    const stds = [Math.SQRT2 / Math.sqrt(2), Math.SQRT2 / 4, 1 / 4];
    layerSpans.forEach(({ w }, l) => {
      const values = valuesOf(params, n, w);
      // The sample std of m normal draws has standard error σ/√(2m) (m ≥ 3,200 here: ≤ 1.25 %); 5 of them.
      expect(Math.abs(rms(values) / stds[l] - 1)).toBeLessThan(5 / Math.sqrt(2 * values.length));
    });
  });

  it('xavier-normal: each layer’s sample std is gain·√(2/(fan_in+fan_out)) to within 5 standard errors', () => {
    const params = initialPositions({ dist: 'xavier-normal', count: n }, paramCount, 3, undefined, net('sigmoid', 'sigmoid'));
    const stds = [Math.sqrt(2 / 18), Math.sqrt(2 / 32), Math.sqrt(2 / 17)];
    layerSpans.forEach(({ w }, l) => {
      const values = valuesOf(params, n, w);
      expect(Math.abs(rms(values) / stds[l] - 1)).toBeLessThan(5 / Math.sqrt(2 * values.length));
    });
  });

  it('torch-default: weights and biases within 1/√fan_in, each reaching within 2 % of it', () => {
    const networks = 1000;
    const params = initialPositions({ dist: 'torch-default', count: networks }, paramCount, 1, undefined, net('relu'));
    layerSpans.forEach(({ w, b }, l) => {
      const bound = 1 / Math.sqrt([2, 16, 16][l]);
      for (const span of [w, b]) {
        const top = maxAbs(valuesOf(params, networks, span));
        // The smallest span, b3, has 1,000 draws: all below 0.98·bound has probability 0.98^1000 < 2e-9.
        expect(top).toBeLessThanOrEqual(bound);
        expect(top).toBeGreaterThan(0.98 * bound);
      }
    });
  });

  it('is the same cloud for the same seed and another for another seed', () => {
    const spec = { dist: 'kaiming-uniform', mode: 'fan-in', count: 20 } as const;
    const a = initialPositions(spec, paramCount, 5, undefined, net('relu'));
    expect(initialPositions(spec, paramCount, 5, undefined, net('relu'))).toEqual(a);
    expect(initialPositions(spec, paramCount, 6, undefined, net('relu'))).not.toEqual(a);
  });

  it('refuses a scheme without a network (validation says so first; this guards a direct call)', () => {
    expect(() => initialPositions({ dist: 'xavier-normal', count: 2 }, 2, 0)).toThrow("init.dist: xavier-normal sets a network's weights");
  });
});

describe('a scenario with a weight scheme', () => {
  const network = (init: unknown, model: unknown = { kind: 'mlp', layers: [2, 16, 16, 1], hidden: 'relu' }) =>
    ({
      version: 1,
      model,
      data: { generate: 'plane', n: 20 },
      init,
      optimizer: { kind: 'gd', alpha: 0.1 },
      epochs: 1,
    }) as ScenarioInput;
  const problems = (input: unknown) => {
    const result = validateScenario(input);
    return result.ok ? [] : result.problems;
  };

  it('is read with Kaiming’s fan-in by default and placed from the model’s layers', () => {
    const scenario = scenarioOf(network({ dist: 'kaiming-uniform', count: 10 }));
    expect(scenario.init).toEqual({ dist: 'kaiming-uniform', mode: 'fan-in', count: 10 });
    const cloud = initialPositions(scenario.init, paramCount, scenario.seed, undefined, networkOf(scenario.model));
    expect(maxAbs(valuesOf(cloud, 10, layerSpans[1].w))).toBeLessThanOrEqual(Math.SQRT2 * Math.sqrt(3 / 16));
  });

  it('names the field of a wrong value: an unknown scheme, an unknown fan, a gain ≤ 0, a fan on Xavier, a scheme on a surface', () => {
    expect(problems(network({ dist: 'he-normal', count: 10 }))[0]).toMatch(/^init\.dist: must be one of .*kaiming-normal/);
    expect(problems(network({ dist: 'kaiming-normal', mode: 'fan_in', count: 10 }))).toEqual(['init.mode: must be "fan-in" or "fan-out"']);
    expect(problems(network({ dist: 'xavier-uniform', gain: 0, count: 10 }))).toEqual(['init.gain: must be a finite number > 0']);
    expect(problems(network({ dist: 'xavier-uniform', mode: 'fan-in', count: 10 }))).toEqual(['init.mode: unknown key (a typo? see docs/scenario.md)']);
    const surface = {
      version: 1,
      model: { kind: 'surface', fn: 'bowl' },
      init: { dist: 'xavier-uniform', count: 10 },
      optimizer: { kind: 'gd', alpha: 0.1 },
      epochs: 1,
    };
    expect(problems(surface)).toEqual([
      "init.dist: xavier-uniform sets a network's weights from its layer widths; it needs an mlp model (use gaussian, uniform or grid)",
    ]);
  });
});
