/**
 * An MLP's starting weights by the schemes of torch.nn.init (docs.pytorch.org/docs/stable/nn.init.html),
 * each layer's from its fan-in (its input width) and fan-out (its output width); W is stored in × out, so
 * torch's (out × in) weight has the same fans.
 * - xavier-uniform: U(−a, a), a = gain·√(6/(fan_in + fan_out)); xavier-normal: N(0, std²), std = gain·√(2/(fan_in + fan_out))
 * - kaiming-uniform: U(−b, b), b = gain·√(3/fan); kaiming-normal: N(0, std²), std = gain/√fan, fan = fan_in (default) or fan_out
 * - torch-default (nn.Linear's reset_parameters): weights and biases U(−1/√fan_in, 1/√fan_in)
 * Xavier and Kaiming only fill weights; the biases start at 0, as `nn.init.zeros_(layer.bias)` does.
 * The gain is calculate_gain's for the nonlinearity after the layer: the hidden one's (sigmoid 1, tanh 5/3,
 * relu √2), and 1 for the last layer (identity and sigmoid are 1; softmax has no gain of its own: linear's).
 */
import type { WeightInitSpec } from '../shared/scenario';
import type { ActivationName } from './activations';
import type { Random } from './random';

/** What the schemes need of a network: its widths and nonlinearities (an mlp model spec is one). */
export interface NetworkShape {
  readonly layers: readonly number[];
  readonly hidden: Exclude<ActivationName, 'identity'>;
  readonly output: 'softmax' | 'sigmoid' | 'identity';
}

/** torch.nn.init.calculate_gain for the lab's nonlinearities. */
export function gainOf(nonlinearity: ActivationName | 'softmax'): number {
  switch (nonlinearity) {
    case 'tanh':
      return 5 / 3;
    case 'relu':
      return Math.SQRT2;
    default:
      return 1; // sigmoid, identity (linear); softmax: treated as linear
  }
}

/** One layer's draw: its weights and its biases, each uniform on (−bound, bound), normal with `std`, or zero. */
export interface LayerDraw {
  readonly fanIn: number;
  readonly fanOut: number;
  readonly weights: { readonly kind: 'uniform'; readonly bound: number } | { readonly kind: 'normal'; readonly std: number };
  readonly biasBound: number;
}

/** Each layer's fans and draw under `spec`, in parameter order. */
export function layerDraws(spec: WeightInitSpec, shape: NetworkShape): LayerDraw[] {
  const last = shape.layers.length - 2;
  return shape.layers.slice(0, -1).map((fanIn, l) => {
    const fanOut = shape.layers[l + 1];
    const gain = 'gain' in spec && spec.gain !== undefined ? spec.gain : gainOf(l === last ? shape.output : shape.hidden);
    const fan = 'mode' in spec && spec.mode === 'fan-out' ? fanOut : fanIn;
    switch (spec.dist) {
      case 'xavier-uniform':
        return { fanIn, fanOut, weights: { kind: 'uniform', bound: gain * Math.sqrt(6 / (fanIn + fanOut)) }, biasBound: 0 };
      case 'xavier-normal':
        return { fanIn, fanOut, weights: { kind: 'normal', std: gain * Math.sqrt(2 / (fanIn + fanOut)) }, biasBound: 0 };
      case 'kaiming-uniform':
        return { fanIn, fanOut, weights: { kind: 'uniform', bound: gain * Math.sqrt(3 / fan) }, biasBound: 0 };
      case 'kaiming-normal':
        return { fanIn, fanOut, weights: { kind: 'normal', std: gain / Math.sqrt(fan) }, biasBound: 0 };
      case 'torch-default':
        return { fanIn, fanOut, weights: { kind: 'uniform', bound: 1 / Math.sqrt(fanIn) }, biasBound: 1 / Math.sqrt(fanIn) };
    }
  });
}

/**
 * Fills `params` (n particles, parameter-major: value j of particle i at j·n + i) with `spec`'s weights.
 * Draws go particle by particle, layer by layer, W row-major then b (the model's parameter order), so the
 * same seed always gives the same cloud; a zero bias takes no draw.
 */
export function fillNetworkInit(spec: WeightInitSpec, shape: NetworkShape, n: number, random: Random, params: Float64Array): void {
  const draws = layerDraws(spec, shape);
  for (let i = 0; i < n; i++) {
    let j = 0;
    for (const { fanIn, fanOut, weights, biasBound } of draws) {
      for (let k = 0; k < fanIn * fanOut; k++, j++) {
        params[j * n + i] = weights.kind === 'uniform' ? weights.bound * (2 * random.uniform() - 1) : weights.std * random.normal();
      }
      for (let k = 0; k < fanOut; k++, j++) params[j * n + i] = biasBound === 0 ? 0 : biasBound * (2 * random.uniform() - 1);
    }
  }
}
