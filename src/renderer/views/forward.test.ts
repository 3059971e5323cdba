import { describe, expect, it } from 'vitest';
import { buildDataset, type InlineOrGenerated } from '../../engine/data';
import { fullBatch } from '../../engine/model';
import { MlpModel } from '../../engine/models/mlp';
import { NeuronModel } from '../../engine/models/neuron';
import { findPreset } from '../../shared/presets';
import { validateScenario } from '../../shared/validate';
import type { Scenario } from '../../shared/scenario';
import { dataRow, linearPredict, mlpPass, neuronPass, neuronStep, type MlpSpec } from './forward';

/** A preset's validated scenario, its data set, and its first particle's parameters. */
function preset(name: string) {
  const validation = validateScenario(findPreset(name)!.scenario);
  if (!validation.ok) throw new Error(validation.problems.join('\n'));
  const scenario: Scenario = validation.scenario;
  const data = buildDataset(scenario.data as InlineOrGenerated, scenario.seed);
  const params = (scenario.init as { points: number[][] }).points[0];
  return { scenario, data, params };
}

describe('neuronPass: the notebook’s linear neuron', () => {
  it('predicts 0.86 with error 0.0196 and deltas [−1.19, −0.091, −0.168] at epoch 0 (notebook 000, cell 86)', () => {
    const { data, params } = preset('neuron-three-inputs');
    const { x, y } = dataRow(data, 0);
    const pass = neuronPass(params, x, y);
    expect(pass.prediction[0]).toBeCloseTo(0.86, 14);
    expect(pass.error).toBeCloseTo(0.0196, 14);
    expect(Array.from(pass.deltas)).toEqual([-1.19, -0.091, -0.168].map((v) => expect.closeTo(v, 14)));
  });

  it('one step of α = 0.01 gives the weights the notebook prints on that line, [0.1119, 0.20091, −0.09832] (cell 86)', () => {
    const { data, params } = preset('neuron-three-inputs');
    const { x, y } = dataRow(data, 0);
    const next = neuronStep(neuronPass(params, x, y), 0.01);
    expect(Array.from(next)).toEqual([0.1119, 0.20091, -0.09832].map((v) => expect.closeTo(v, 14)));
  });

  it('holds a frozen weight: prediction 0.01, error 0.9801, then [0, 0.219305, −0.06436] (notebook 000, cell 84)', () => {
    const { data, params } = preset('neuron-frozen-weight');
    const pass = neuronPass(params, dataRow(data, 0).x, dataRow(data, 0).y);
    expect(pass.prediction[0]).toBeCloseTo(0.01, 14);
    expect(pass.error).toBeCloseTo(0.9801, 14);
    expect(Array.from(neuronStep(pass, 0.03, [0]))).toEqual([0, 0.219305, -0.06436].map((v) => expect.closeTo(v, 14)));
  });

  it('with three outputs predicts [0.555, 0.98, 0.965], errors [0.207025, 0.0004, 0.748225] (notebook 000, cell 108)', () => {
    const { data, params } = preset('neuron-inputs-outputs');
    const pass = neuronPass(params, dataRow(data, 0).x, dataRow(data, 0).y);
    expect(Array.from(pass.prediction)).toEqual([0.555, 0.98, 0.965].map((v) => expect.closeTo(v, 14)));
    expect(Array.from(pass.errors)).toEqual([0.207025, 0.0004, 0.748225].map((v) => expect.closeTo(v, 14)));
    expect(pass.error).toBeCloseTo(0.207025 + 0.0004 + 0.748225, 14);
    // The outer product (P − GT)ᵀ·x, not the notebook's elementwise rule: row k is (Pₖ − GTₖ)·x.
    expect(pass.deltas[0]).toBeCloseTo(0.455 * 8.5, 14);
    expect(pass.deltas[5]).toBeCloseTo(-0.02 * 1.2, 14);
  });

  it('agrees with the engine’s NeuronModel: the same prediction, and the deltas it steps with', () => {
    const { data, params } = preset('neuron-inputs-outputs');
    const model = new NeuronModel(data);
    const pass = neuronPass(params, dataRow(data, 0).x, dataRow(data, 0).y);
    expect(Array.from(pass.prediction)).toEqual(Array.from(model.predict(params, data.x, new Float64Array(3))));
    const loss = new Float64Array(1);
    const grad = new Float64Array(params.length);
    model.evaluate(Float64Array.from(params), 1, fullBatch(1), loss, grad, null);
    expect(pass.error).toBeCloseTo(loss[0], 14);
    expect(Array.from(pass.deltas)).toEqual(Array.from(grad).map((v) => expect.closeTo(v, 14)));
  });
});

describe('mlpPass: the notebook’s forward pass and two-layer net', () => {
  it('X @ w + b gives [[1], [8]] (notebook 001, cell 1)', () => {
    const { scenario, data, params } = preset('forward-pass');
    const outputs = [0, 1].map((r) => mlpPass(params, scenario.model as MlpSpec, dataRow(data, r).x, dataRow(data, r).y).output[0]);
    expect(outputs).toEqual([1, 8]);
  });

  it('the hidden layer is [0.77816418, 0.83451912] and the output [0.52647369, 0.47352631] (notebook 001, cell 4)', () => {
    const { scenario, data, params } = preset('two-layer-net');
    const pass = mlpPass(params, scenario.model as MlpSpec, dataRow(data, 0).x, dataRow(data, 0).y);
    expect(pass.layers.map((l) => l.activation)).toEqual(['sigmoid', 'softmax']);
    expect(Array.from(pass.layers[0].post)).toEqual([0.77816418, 0.83451912].map((v) => expect.closeTo(v, 8)));
    expect(Array.from(pass.output)).toEqual([0.52647369, 0.47352631].map((v) => expect.closeTo(v, 8)));
    // Cross-entropy against the target [1, 0]: −log 0.52647369.
    expect(pass.lossKind).toBe('cross-entropy');
    expect(pass.loss).toBeCloseTo(-Math.log(0.52647369), 7);
  });

  it('agrees with the engine’s MlpModel on outputs and loss', () => {
    const { scenario, data, params } = preset('two-layer-net');
    const model = new MlpModel(data, scenario.model as MlpSpec);
    const pass = mlpPass(params, scenario.model as MlpSpec, dataRow(data, 0).x, dataRow(data, 0).y);
    expect(Array.from(pass.output)).toEqual(Array.from(model.predict(params, data.x, 1, new Float64Array(2))));
    const loss = new Float64Array(1);
    model.evaluate(Float64Array.from(params), 1, fullBatch(1), loss, null, null);
    expect(pass.loss).toBeCloseTo(loss[0], 14);
  });

  it.each<MlpSpec>([
    { layers: [2, 3, 2], hidden: 'tanh', output: 'sigmoid', loss: 'cross-entropy' },
    { layers: [2, 3, 2], hidden: 'relu', output: 'softmax', loss: 'squared' },
  ])('agrees with the engine’s MlpModel on one row for the loss $loss after a $output output', (spec) => {
    const data = buildDataset({ x: [[0.4, -1.2]], y: [[1, 0]] }, 0);
    const params = Float64Array.from({ length: 17 }, (_, q) => Math.sin(q + 1)); // any fixed point
    const loss = new Float64Array(1);
    new MlpModel(data, spec).evaluate(params, 1, fullBatch(1), loss, null, null);
    const pass = mlpPass(params, spec, dataRow(data, 0).x, dataRow(data, 0).y);
    expect(pass.lossKind).toBe(spec.loss === 'squared' ? 'squared error' : 'cross-entropy');
    expect(pass.loss).toBeCloseTo(loss[0], 14);
  });
});

describe('linearPredict', () => {
  it('is b + w·x: the first mini-batch row of notebook 001 (cell 7) with w = [1, 1], b = 0', () => {
    const { data } = preset('regression-first-step');
    expect(linearPredict([0, 1, 1], true, dataRow(data, 0).x)).toBe(3); // x = [1, 2]
    expect(linearPredict([1, 1], false, dataRow(data, 0).x)).toBe(3);
  });
});
