/**
 * Pure arithmetic on a scenario's spec (CONTRACTS §1): how many particles, parameters and data rows it
 * describes. The validator and the engine both use it, so it sits with the contracts and imports nothing
 * but the scenario types.
 */
import type { DataSpec, InitSpec, MlpLoss, ModelSpec } from './scenario';

/** A CSV data spec must be read into inline rows by the host (desktop or command line) first. */
export type InlineOrGenerated = Exclude<DataSpec, { csv: string }>;

/** The shapes of the shipped data sets (src/engine/datasets/; its tests check that they agree). */
export const shippedShapes = { iris: { rows: 150, inputs: 4, outputs: 3 }, digits: { rows: 1797, inputs: 64, outputs: 10 } } as const;

/** Rows held out for testing: round(test·n), as the engine splits them (src/engine/datasets/split.ts). */
export function heldOutRows(test: number, rows: number): number {
  return Math.round(test * rows);
}

/**
 * Rows and widths a data spec will have, without building it (for validation): `rows` are the training rows,
 * `heldOut` the rows kept out for testing (`data.test`). Classification sets have one one-hot column per class.
 */
export function dataShape(spec: InlineOrGenerated): { rows: number; heldOut: number; inputs: number; outputs: number } {
  if ('dataset' in spec) {
    const { rows, inputs, outputs } = shippedShapes[spec.dataset];
    const heldOut = heldOutRows(spec.test, rows);
    return { rows: rows - heldOut, heldOut, inputs, outputs };
  }
  if ('generate' in spec) {
    if (spec.generate === 'line') return { rows: spec.n, heldOut: 0, inputs: 1, outputs: 1 };
    const heldOut = heldOutRows(spec.test, spec.n);
    const outputs = spec.generate === 'plane' || spec.generate === 'gauss-mix' ? 1 : 2;
    return { rows: spec.n - heldOut, heldOut, inputs: 2, outputs };
  }
  const first = spec.y[0];
  return { rows: spec.x.length, heldOut: 0, inputs: spec.x[0]?.length ?? 0, outputs: Array.isArray(first) ? first.length : 1 };
}

/** How many particles an init makes. */
export function particleCount(spec: InitSpec): number {
  return 'points' in spec ? spec.points.length : spec.count;
}

/** Points per axis of a grid of `count` particles in `dims` dimensions (count must be a perfect power). */
export function gridSide(count: number, dims: number): number {
  const side = Math.round(Math.pow(count, 1 / dims));
  return Math.pow(side, dims) === count ? side : -1;
}

/** Parameters a model has for data of the given widths (CONTRACTS §1, "Model and parameter order"). */
export function paramCountOf(model: ModelSpec, inputs: number, outputs: number): number {
  switch (model.kind) {
    case 'surface':
      return 2;
    case 'linear':
      return inputs + (model.bias ? 1 : 0);
    case 'neuron':
      return inputs * outputs;
    case 'mlp': {
      let count = 0;
      for (let l = 0; l + 1 < model.layers.length; l++) count += model.layers[l] * model.layers[l + 1] + model.layers[l + 1];
      return count;
    }
  }
}

/** The loss an MLP trains on: its `loss` field, or when left out cross-entropy for a softmax output and squared otherwise. */
export function mlpLossOf(model: { output: 'softmax' | 'sigmoid' | 'identity'; loss?: MlpLoss }): MlpLoss {
  return model.loss ?? (model.output === 'softmax' ? 'cross-entropy' : 'squared');
}
