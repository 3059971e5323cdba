/**
 * Every number in ../shared/notebooks/README.md, reproduced through the presets. Where a notebook prints
 * full doubles the tolerance is 1e-12; where it prints 8 decimals, half a unit of the last one (5e-9);
 * closed forms are computed in the test from the cell's stated inputs.
 */
import { describe, expect, it } from 'vitest';
import reference from './fixtures/reference.json';
import { Status } from './descent';
import { MlpModel } from './models/mlp';
import { NeuronModel } from './models/neuron';
import { findPreset } from '../shared/presets';
import type { ScenarioInput } from '../shared/scenario';
import { descentOf, expectClose, runOf } from './testing';

describe('notebook 002: the paraboloid', () => {
  it('reaches the printed x and y after 100 steps of α = 0.1 from (0, 0) (cells 9–10)', async () => {
    const d = await runOf('bowl');
    expectClose(d.particle(0), [0.9999999997962964, 1.9999999995925928], 1e-12, 'bowl');
    expect(d.step).toBe(100);
  });
});

describe('notebook 000: the linear neuron', () => {
  it('three inputs: epoch 0 prediction 0.86, error 0.0196, deltas and weights as printed (cell 86)', async () => {
    const d = await descentOf('neuron-three-inputs', true);
    d.advance();
    d.advance();
    const [first, second] = d.trace;
    const neuron = d.model as NeuronModel;
    expectClose(neuron.predict(first.params, [8.5, 0.65, 1.2], new Float64Array(1)), [0.8600000000000001], 1e-12, 'P');
    expectClose([first.loss], [0.01959999999999997], 1e-12, 'error');
    expectClose(first.grad, [-1.19, -0.091, -0.168], 1e-12, 'deltas');
    expectClose(second.params, [0.1119, 0.20091, -0.09832], 1e-12, 'weights');
    // Epoch 1's line of the log, printed with full doubles.
    expectClose([second.loss], [0.0013135188062500048], 1e-12, 'epoch 1 error');
  });

  it('three inputs: the first six errors of the printed log', async () => {
    const d = await runOf('neuron-three-inputs', { epochs: 6, trace: true });
    const printed = [0.01959999999999997, 0.0013135188062500048, 8.802712522307997e-5, 5.899249206154892e-6, 3.953456517877471e-7, 2.6494589213863218e-8];
    expectClose(
      d.trace.map((e) => e.loss),
      printed,
      1e-12,
      'errors',
    );
  });

  it('one weight frozen at 0: prediction 0.01, error 0.9801, weights [0, 0.219305, −0.06436] (cell 84)', async () => {
    const d = await runOf('neuron-frozen-weight', { epochs: 2, trace: true });
    const [first, second] = d.trace;
    expectClose([first.loss], [0.9801], 1e-12, 'error');
    expectClose(first.grad, [0, -0.6435, -1.188], 1e-12, 'applied delta (the frozen one zeroed)');
    expectClose(second.params, [0, 0.219305, -0.06436], 1e-12, 'weights');
    expectClose([second.loss], [0.8736337125140625], 1e-12, 'epoch 1 error');
  });

  it('one weight frozen: the error still falls, from 0.9801 by four orders of magnitude in the cell’s 100 epochs, and the frozen weight never moves', async () => {
    const d = await runOf('neuron-frozen-weight');
    expect(d.particle(0)[0]).toBe(0);
    expect(d.fullLoss()[0]).toBeLessThan(0.9801e-4);
  });

  it('several outputs, from the stated weights [0.3, 0.2, 0.9] (cell 99; closed form)', async () => {
    const d = await runOf('neuron-multiple-outputs', { epochs: 2, trace: true });
    const x = 0.65;
    const W = [0.3, 0.2, 0.9];
    const GT = [0.1, 1, 0.1];
    const P = W.map((w) => w * x);
    const error = P.reduce((s, p, k) => s + (p - GT[k]) ** 2, 0);
    expectClose([d.trace[0].loss], [error], 1e-12, 'error');
    expectClose(
      d.trace[1].params,
      W.map((w, k) => w - 0.03 * (P[k] - GT[k]) * x),
      1e-12,
      'weights',
    );
  });

  it('several outputs: one step from the weights the log prints reproduces the next printed prediction', async () => {
    // The log's epoch-0 weights (8 decimals) predict epoch 1's printed [0.12619372 0.7601207 0.23372582].
    const neuron = (await descentOf('neuron-multiple-outputs')).model as NeuronModel;
    expectClose(neuron.predict([0.19414418, 1.16941646, 0.35957818], [0.65], new Float64Array(3)), [0.12619372, 0.7601207, 0.23372582], 5e-9, 'P');
  });

  it('several inputs and outputs: prediction [0.555, 0.98, 0.965], errors as printed, true-gradient step (cell 108)', async () => {
    const d = await runOf('neuron-inputs-outputs', { epochs: 2, trace: true });
    const x = [8.5, 0.65, 1.2];
    const GT = [0.1, 1, 0.1];
    const W = [0.1, 0.1, -0.3, 0.1, 0.2, 0.0, 0.0, 1.3, 0.1];
    const neuron = d.model as NeuronModel;
    const P = neuron.predict(W, x, new Float64Array(3));
    expectClose(P, [0.555, 0.98, 0.965], 1e-12, 'P');
    expectClose([d.trace[0].loss], [2.07025e-1 + 4e-4 + 7.48225e-1], 1e-12, 'error (sum of the printed errors)');
    // The outer product (P − GT)ᵀ·x, not the notebook's elementwise rule (notebooks README, "known flaws").
    const expected = W.map((w, q) => w - 0.01 * (P[Math.floor(q / 3)] - GT[Math.floor(q / 3)]) * x[q % 3]);
    expectClose(d.trace[1].params, expected, 1e-12, 'weights');
  });
});

describe('notebook 001: forward pass, activations, a two-layer net', () => {
  it('X @ w + b = [[1], [8]] (cell 1)', async () => {
    const d = await descentOf('forward-pass');
    const mlp = d.model as MlpModel;
    expectClose(mlp.predict(d.particle(0), [1, 2, 3, -1], 2, new Float64Array(2)), [1, 8], 1e-12, 'forward');
  });

  it('the two-layer net outputs [0.52647369, 0.47352631] (cells 4–5)', async () => {
    const d = await descentOf('two-layer-net');
    const out = (d.model as MlpModel).predict(d.particle(0), [0.29, 0.11, 0.8], 1, new Float64Array(2));
    expectClose(out, [0.52647369, 0.47352631], 5e-9, 'printed');
    // Closed form with the cell's weights, to full precision.
    const s = (z: number) => 1 / (1 + Math.exp(-z));
    const h = [s(0.29 * 0.3 + 0.11 * 0.8 + 0.8 * 0.1 + 1), s(0.29 * 0.6 + 0.11 * 0.4 + 0.8 * 0.5 + 1)];
    expectClose(h, [0.77816418, 0.83451912], 5e-9, 'hidden (printed)');
    const z = [h[0] * 0.1 + h[1] * 0.7 + 1, h[0] * 0.5 + h[1] * 0.2 + 1];
    const e = z.map((v) => Math.exp(v));
    expectClose(out, [e[0] / (e[0] + e[1]), e[1] / (e[0] + e[1])], 1e-12, 'closed form');
  });

  it('training the two-layer net towards [1, 0] lowers the cross-entropy', async () => {
    const d = await descentOf('two-layer-net');
    const before = d.fullLoss()[0];
    d.run(100);
    expect(before).toBeCloseTo(-Math.log(0.52647369), 7);
    expect(d.fullLoss()[0]).toBeLessThan(before);
  });
});

describe('notebook 001: linear regression on 12 observations', () => {
  it('one mini-batch step on the first 3 rows: dw = [−6, −4.2667], db = −3.2, then w = [1.6, 1.42667], b = 0.32 (cells 7–8)', async () => {
    const d = await runOf('regression-first-step', { trace: true });
    expectClose(d.trace[0].grad, [-3.2, -6, -64 / 15], 1e-12, 'gradient [db, dw1, dw2] (dw2 = 2/3·(−6.4))');
    expectClose(d.trace[1].params, [0.32, 1.6, 1 + (0.1 * 64) / 15], 1e-12, 'after one step');
  });

  it('η = 0.1 with shuffled batches of 3 ends within 1e-2 of w = [1.5, 1.5], b = 0.1 (cell 16)', async () => {
    const d = await runOf('regression-eta-0.1');
    expectClose(d.particle(0), [0.1, 1.5, 1.5], 1e-2, 'η = 0.1');
    expect(d.status[0]).toBe(Status.converged);
  });

  it('η = 0.3 is reported diverged, and nothing is thrown (cell 10)', async () => {
    const d = await runOf('regression-eta-0.3');
    expect(d.status[0]).toBe(Status.diverged);
    expect(d.summary()).toMatchObject({ diverged: 1, bestLoss: null, meanLoss: null });
  });

  it.each(['regression-good-init', 'regression-bad-init'])('%s ends within 1e-2 of the true parameters (cells 20, 23)', async (name) => {
    const d = await runOf(name);
    expectClose(d.particle(0), [0.1, 1.5, 1.5], 1e-2, name);
  });

  it('a coarser tolerance stops the cloud sooner than 1e-8 does', async () => {
    const coarse = await runOf('regression-tolerance');
    expect(coarse.converged).toBeGreaterThan(150);
    expect(coarse.epoch).toBeLessThan(1000);
  });
});

describe('notebook 002: the noisy line, against scripts/reference/reference.py', () => {
  const cases = Object.fromEntries(reference.noisyLine.cases.map((c) => [c.name, c]));
  type Case = (typeof reference.noisyLine.cases)[number];

  /** The preset with the reference's own data written in: Math.log and Math.cos may differ from libm by an ulp. */
  function withReferenceData(preset: string, c: Case) {
    const scenario = findPreset(preset)!.scenario;
    return {
      ...scenario,
      data: { x: reference.noisyLine.data.x.map((v) => [v]), y: reference.noisyLine.data.y },
      optimizer: { kind: 'gd' as const, alpha: c.alpha },
      clip: c.clip as ScenarioInput['clip'],
      batch: { size: c.batchSize, shuffle: true, dropLast: c.dropLast },
      init: { points: [c.start] },
    };
  }

  it('generates the same 100 points as the reference (seed 0), to an ulp of the normal draws', async () => {
    const d = await descentOf('noisy-line-clip');
    const { x, y } = (d.model as unknown as { data: { x: Float64Array; y: Float64Array } }).data;
    expectClose(x, reference.noisyLine.data.x, 0, 'x');
    expectClose(y, reference.noisyLine.data.y, 1e-13, 'y');
  });

  it.each(['full-batch clip', 'mini-batch clip', 'mini-batch drop-last'])('%s: every checkpoint and the final fit match', async (name) => {
    const c = cases[name];
    const preset = c.batchSize === null ? 'noisy-line-clip' : 'noisy-line-minibatch';
    const d = await descentOf(withReferenceData(preset, c));
    for (const checkpoint of c.checkpoints) {
      while (d.step < checkpoint.step) d.advance();
      expectClose(d.particle(0), checkpoint.params, 1e-12, `step ${checkpoint.step}`);
    }
    expect(d.epoch).toBe(c.epochs);
    expectClose(d.particle(0), c.final.params, 1e-12, 'final');
    expectClose([d.fullLoss()[0]], [c.final.loss], 1e-12, 'loss');
  });
});
