/**
 * The clouds of classifiers of issue 16 (./presets.ts lists them): each particle a whole network trained on
 * a generated or shipped classification set, with a fifth of the rows held out so that the loss chart can
 * show the held-out loss and accuracy beside the training loss. Every network starts from N(0, std²)
 * weights and biases drawn from the scenario's seed.
 */
import type { ScenarioInput } from './scenario';
import { paramCountOf } from './spec';

type Data = Extract<ScenarioInput['data'], { generate: string } | { dataset: string }>;

export function classifier(
  name: string,
  layers: number[],
  hidden: 'tanh' | 'relu',
  data: Data,
  options: { count: number; std: number; alpha: number; epochs: number; batch?: number },
): ScenarioInput {
  const model = { kind: 'mlp', layers, hidden, output: 'softmax' } as const;
  const params = paramCountOf(model, layers[0], layers[layers.length - 1]);
  return {
    version: 1,
    name,
    model,
    data,
    init: { dist: 'gaussian', mean: Array<number>(params).fill(0), std: options.std, count: options.count },
    optimizer: { kind: 'adam', alpha: options.alpha },
    batch: { size: options.batch ?? null },
    epochs: options.epochs,
    seed: 0,
  };
}

export const classifierScenarios = {
  circle: classifier(
    'circle-classifier',
    [2, 8, 2],
    'tanh',
    { generate: 'circle', n: 200, noise: 0.1, test: 0.2 },
    { count: 100, std: 0.5, alpha: 0.03, epochs: 300 },
  ),
  xor: classifier('xor-classifier', [2, 8, 2], 'tanh', { generate: 'xor', n: 200, noise: 0.1, test: 0.2 }, { count: 100, std: 0.5, alpha: 0.03, epochs: 300 }),
  spiral: classifier(
    'spiral-classifier',
    [2, 16, 16, 2],
    'tanh',
    { generate: 'spiral', n: 200, noise: 0.1, test: 0.2 },
    { count: 50, std: 0.5, alpha: 0.01, epochs: 300, batch: 32 },
  ),
  iris: classifier('iris-classifier', [4, 8, 3], 'tanh', { dataset: 'iris', test: 0.2, scale: 'standard' }, { count: 100, std: 0.5, alpha: 0.03, epochs: 200 }),
};
