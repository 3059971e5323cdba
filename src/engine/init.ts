/** Initial positions of the cloud from a scenario's `init`, parameter-major (value j of particle i at j·n + i). */
import type { InitSpec, ModelSpec } from '../shared/scenario';
import { gridSide, particleCount } from '../shared/spec';
export { gridSide, particleCount } from '../shared/spec';
import { Random, Stream } from './random';
import { fillNetworkInit, type NetworkShape } from './weight-init';

/** The network a weight scheme (xavier-…, kaiming-…, torch-default) needs: an mlp model's widths and nonlinearities. */
export function networkOf(model: ModelSpec): NetworkShape | null {
  return model.kind === 'mlp' ? model : null;
}

/**
 * Fills `params` (n × paramCount) from the spec, into `into` when given (it must have that length). Random draws go particle by particle, parameter by
 * parameter, from the init stream of the seed, so the same seed always gives the same cloud. A weight scheme needs `network` (./weight-init.ts).
 */
export function initialPositions(spec: InitSpec, paramCount: number, seed: number, into?: Float64Array, network?: NetworkShape | null): Float64Array {
  const n = particleCount(spec);
  // `into` (a cloud's own array, when it restarts) saves allocating a second cloud-sized array.
  const params = into ?? new Float64Array(n * paramCount);
  if ('points' in spec) {
    spec.points.forEach((point, i) => point.forEach((v, j) => (params[j * n + i] = v)));
    return params;
  }
  const random = new Random(seed, Stream.init);
  switch (spec.dist) {
    case 'gaussian': {
      const std = typeof spec.std === 'number' ? Array(paramCount).fill(spec.std) : spec.std;
      for (let i = 0; i < n; i++) for (let j = 0; j < paramCount; j++) params[j * n + i] = spec.mean[j] + std[j] * random.normal();
      break;
    }
    case 'uniform':
      for (let i = 0; i < n; i++) for (let j = 0; j < paramCount; j++) params[j * n + i] = spec.min[j] + (spec.max[j] - spec.min[j]) * random.uniform();
      break;
    case 'grid': {
      // Particle i's digits in base `side`, the last parameter varying fastest; one point: the centre.
      const side = gridSide(n, paramCount);
      for (let i = 0; i < n; i++) {
        let rest = i;
        for (let j = paramCount - 1; j >= 0; j--) {
          const digit = rest % side;
          rest = Math.floor(rest / side);
          const { [j]: lo } = spec.min;
          const { [j]: hi } = spec.max;
          params[j * n + i] = side === 1 ? (lo + hi) / 2 : lo + ((hi - lo) * digit) / (side - 1);
        }
      }
      break;
    }
    default:
      // Validation refuses a weight scheme without an mlp model (shared/validate.ts); this guards a direct call.
      if (!network) throw new Error(`init.dist: ${spec.dist} sets a network's weights; it needs an mlp model`);
      fillNetworkInit(spec, network, n, random, params);
  }
  return params;
}
