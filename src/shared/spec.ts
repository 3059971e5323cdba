/**
 * Pure arithmetic on a scenario's spec (CONTRACTS §1): how many particles, parameters and data rows it
 * describes. The validator and the engine both use it, so it sits with the contracts and imports nothing
 * but the scenario types.
 */
import type { DataSpec, InitSpec, ModelSpec } from './scenario';

/** A CSV data spec must be read into inline rows by the host (desktop or command line) first. */
export type InlineOrGenerated = Exclude<DataSpec, { csv: string }>;

/** Rows and widths a data spec will have, without building it (for validation). */
export function dataShape(spec: InlineOrGenerated): { rows: number; inputs: number; outputs: number } {
  if ('generate' in spec) return { rows: spec.n, inputs: 1, outputs: 1 };
  const first = spec.y[0];
  return { rows: spec.x.length, inputs: spec.x[0]?.length ?? 0, outputs: Array.isArray(first) ? first.length : 1 };
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
