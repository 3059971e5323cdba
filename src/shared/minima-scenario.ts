/**
 * The flat-and-sharp-minima lesson's run (issue 16, ./lessons.ts): a cloud of small regression networks
 * trained by plain gradient descent in small batches, whose "try this" changes the batch size and the step
 * and nothing else, so that the same start cloud on the same data ends at minima of different sharpness.
 * ./minima-lesson.test.ts holds the lesson's numbers to this run, for this seed and for others.
 */
import type { ScenarioInput } from './scenario';
import { paramCountOf } from './spec';

const model = { kind: 'mlp' as const, layers: [2, 16, 1], hidden: 'tanh' as const, output: 'identity' as const };

/**
 * 32 networks [2, 16, 1] (65 parameters each, one block of the MLP cloud) on the Playground's gauss-mix
 * regression set, 32 rows with standardised inputs, from N(0, 0.5²) weights: a start whose median sharpness
 * is about 2/η for η = 0.2, so the step's stability limit binds from the first epoch. Squared error (the
 * identity output's default): its minima have a finite curvature to compare, unlike a separable
 * cross-entropy's, whose minima lie at infinity.
 */
export const minimaScenario: ScenarioInput = {
  version: 1,
  name: 'flat-sharp-minima',
  model,
  data: { generate: 'gauss-mix', n: 32, noise: 0, scale: 'standard' },
  init: { dist: 'gaussian', mean: Array<number>(paramCountOf(model, 2, 1)).fill(0), std: 0.5, count: 32 },
  optimizer: { kind: 'gd', alpha: 0.2 },
  batch: { size: 4, shuffle: true },
  epochs: 100,
  seed: 0,
};
