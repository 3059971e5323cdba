/**
 * Every experiment of the source notebooks as a guided lesson, and one on a real network (flat and sharp
 * minima, issue 16): what to look at, the preset's point (its own `lesson`), and one to three "try this"
 * changes, each a list of `set(path, value)` calls with what to expect. `ends` is the claim the lesson
 * makes about particle 0 once the changed scenario has run its epochs; ./lessons.test.ts runs the engine to
 * hold every lesson to it, and ./lesson-claims.test.ts and ./minima-lesson.test.ts hold the numbers the
 * texts state.
 */

export interface Change {
  /** A field path as `descentLab.set` takes it ("optimizer.alpha"). */
  path: string;
  value: unknown;
}

export interface TryThis {
  /** The button's text. */
  label: string;
  changes: Change[];
  /** What happens, and why, in a sentence or two. */
  expect: string;
  /**
   * Particle 0 at the end of the changed run: diverged (its loss passed the divergence threshold or stopped
   * being finite), grows (its loss is over a
   * hundred times the start's, on its way out), converged (the tolerance stop), or finite (did not diverge).
   */
  ends: 'diverged' | 'grows' | 'converged' | 'finite';
}

export interface Lesson {
  /** The preset it loads. */
  preset: string;
  /** What to watch, in the lab's own views. */
  look: string;
  tries: TryThis[];
}

// For one row of a linear neuron, a step of weight delta multiplies the error P − GT by 1 − α·|x|², so it
// converges when α·|x|² < 2. Three inputs [8.5, 0.65, 1.2]: |x|² = 74.1125; without the first, 1.8625.
export const lessons: readonly Lesson[] = [
  {
    preset: 'bowl',
    look: 'Watch the single particle in the scene and the loss curve: each step covers 80 % less of the remaining way to (1, 2), a straight line to the bottom and a straight line on the log loss chart.',
    tries: [
      {
        label: 'Try α = 0.5',
        changes: [{ path: 'optimizer.alpha', value: 0.5 }],
        expect: 'One step lands exactly on (1, 2): 1 − 2α = 0, the best a fixed step can do on this bowl.',
        ends: 'finite',
      },
      {
        label: 'Try α = 1.05',
        changes: [{ path: 'optimizer.alpha', value: 1.05 }],
        expect:
          'Each step multiplies the distance to the minimum by |1 − 2α| = 1.1: the particle jumps across the bowl, further each time; the loss grows without bound.',
        ends: 'grows',
      },
    ],
  },
  {
    preset: 'neuron-three-inputs',
    look: 'Open the Microscope and step once: the log prints the notebook’s “Epoch 0 | Prediction 0.86 | Error 0.0196” and the weight deltas. The largest input (8.5) moves its weight most.',
    tries: [
      {
        label: 'Try α = 0.03',
        changes: [{ path: 'optimizer.alpha', value: 0.03 }],
        expect:
          'Each epoch multiplies the error by 1 − α·|x|² = 1 − 0.03·74.11 = −1.22: the prediction overshoots further every time and the error grows without bound.',
        ends: 'grows',
      },
      {
        label: 'Try freezing the first weight',
        changes: [{ path: 'freeze', value: [0] }],
        expect: 'The other two inputs carry the prediction alone: the error still shrinks, by 1 − 0.01·1.86 a step, about forty times slower.',
        ends: 'finite',
      },
    ],
  },
  {
    preset: 'neuron-frozen-weight',
    look: 'The first weight stays at 0 in the Inspector’s table, yet the error falls to zero: the net learns to predict without ever using its strongest input.',
    tries: [
      {
        label: 'Try unfreezing it',
        changes: [{ path: 'freeze', value: [] }],
        expect:
          'At α = 0.03 all three inputs together give α·|x|² = 2.22 > 2: the same step that converged with the weight frozen now overshoots, and the error grows without bound.',
        ends: 'grows',
      },
      {
        label: 'Try α = 0.3',
        changes: [{ path: 'optimizer.alpha', value: 0.3 }],
        expect: 'With the big input frozen, α·|x|² = 0.3·1.86 = 0.56: ten times the step converges in a handful of epochs.',
        ends: 'finite',
      },
    ],
  },
  {
    preset: 'neuron-multiple-outputs',
    look: 'Three outputs from one input: in the Inspector each output has its own error and its own weight delta, and each weight moves on its own.',
    tries: [
      {
        label: 'Try α = 3',
        changes: [{ path: 'optimizer.alpha', value: 3 }],
        expect: 'With one input of 0.65, α·x² = 1.27: every error flips sign each epoch but shrinks by 0.27, far faster than at α = 0.03.',
        ends: 'finite',
      },
      {
        label: 'Try α = 5',
        changes: [{ path: 'optimizer.alpha', value: 5 }],
        expect: 'α·x² = 2.11 > 2: each error flips sign and grows by 1.11 every epoch, without bound.',
        ends: 'grows',
      },
    ],
  },
  {
    preset: 'neuron-inputs-outputs',
    look: 'A 3×3 weight matrix: in the Microscope’s log the weight deltas are a matrix, the outer product (P − GT)ᵀ·x, one row per output.',
    tries: [
      {
        label: 'Try α = 0.03',
        changes: [{ path: 'optimizer.alpha', value: 0.03 }],
        expect:
          'Every row sees the same input, |x|² = 74.11: α·|x|² = 2.22 > 2 and all three errors grow without bound together, until the loss passes the divergence threshold (1e100) and the particle counts as diverged.',
        ends: 'diverged',
      },
      {
        label: 'Try freezing the first input’s weights',
        changes: [{ path: 'freeze', value: [0, 3, 6] }],
        expect: 'No output may use the first input: each still reaches its target through the other two, more slowly.',
        ends: 'finite',
      },
    ],
  },
  {
    preset: 'forward-pass',
    look: 'The Inspector prints X @ w + b = [[1], [8]] for the two rows, as the notebook does. One epoch: this preset is about the forward pass.',
    tries: [
      {
        label: 'Try training it',
        changes: [
          { path: 'epochs', value: 300 },
          { path: 'optimizer.alpha', value: 0.02 },
        ],
        expect: 'The targets are 0: gradient descent pulls both outputs towards 0, and the Inspector’s [[1], [8]] shrinks step by step.',
        ends: 'finite',
      },
    ],
  },
  {
    preset: 'two-layer-net',
    look: 'The Inspector prints z1 = sigmoid(X @ w1 + b1) and z2 = softmax(…) = [[0.52647369 0.47352631]] before any training: “Yes” with 52.65 %.',
    tries: [
      {
        label: 'Try a tanh hidden layer',
        changes: [{ path: 'model.hidden', value: 'tanh' }],
        expect: 'The same weights through tanh instead of sigmoid: a different first output, and training still pushes the first probability towards 1.',
        ends: 'finite',
      },
      {
        label: 'Try α = 2',
        changes: [{ path: 'optimizer.alpha', value: 2 }],
        expect: 'Bigger steps: the loss curve drops far faster and the “Yes” probability nears 1 within a few dozen epochs.',
        ends: 'finite',
      },
    ],
  },
  {
    preset: 'regression-first-step',
    look: 'Step once in the Microscope: the log prints dw = [[−6], [−4.26666667]] and db = −3.2, then w = [[1.6], [1.42666667]] and b = 0.32, the notebook’s cells 7–8.',
    tries: [
      {
        label: 'Try η = 0.3, shuffled, 1000 epochs',
        changes: [
          { path: 'epochs', value: 1000 },
          { path: 'batch', value: { size: 3, shuffle: true } },
          { path: 'optimizer.alpha', value: 0.3 },
        ],
        expect:
          'The notebook’s cell 10: with η = 0.3 and shuffled batches of 3 the steps overshoot and grow until the weights are nan. The particle is marked diverged.',
        ends: 'diverged',
      },
      {
        label: 'Try η = 0.3 in this fixed order',
        changes: [
          { path: 'epochs', value: 1000 },
          { path: 'optimizer.alpha', value: 0.3 },
        ],
        expect:
          'A surprise: with the batches always in the same order the same η = 0.3 settles on w = [1.5, 1.5], b = 0.1. Which batches come in which order decides whether this step size survives.',
        ends: 'finite',
      },
    ],
  },
  {
    preset: 'regression-eta-0.1',
    look: 'Mini-batches of 3 rows, shuffled every epoch: the loss curve is jagged, and the Microscope shows each batch gradient beside the full-data gradient.',
    tries: [
      {
        label: 'Try η = 0.3',
        changes: [{ path: 'optimizer.alpha', value: 0.3 }],
        expect: 'Three times the step: it diverges, as the notebook’s cell 10 shows.',
        ends: 'diverged',
      },
      {
        label: 'Try the full batch',
        changes: [{ path: 'batch.size', value: null }],
        expect: 'One step per epoch on all 12 rows: a smooth loss curve, and the tolerance stop comes once the error settles.',
        ends: 'converged',
      },
    ],
  },
  {
    preset: 'regression-eta-0.3',
    look: 'Watch the loss chart climb and the particle leave the surface, then the readouts: “Diverged” goes from 0 to 1 once the loss passes the divergence threshold (1e100, the Stopping folder), long before the weights stop being numbers; hover it for the reason.',
    tries: [
      {
        label: 'Try η = 0.1',
        changes: [{ path: 'optimizer.alpha', value: 0.1 }],
        expect: 'The notebook’s cell 16: a third of the step converges near w = [1.5, 1.5], b = 0.1.',
        ends: 'converged',
      },
      {
        label: 'Try clipping by norm 1',
        changes: [{ path: 'clip', value: { mode: 'norm', limit: 1 } }],
        expect: 'Each step is at most η·1 = 0.3 long: no overshoot can feed on itself, and η = 0.3 no longer diverges (it hovers near the answer instead).',
        ends: 'finite',
      },
    ],
  },
  {
    preset: 'regression-good-init',
    look: 'Starting near the answer: the loss curve starts low and the tolerance stop comes early.',
    tries: [
      {
        label: 'Try the bad initialisation',
        changes: [{ path: 'init', value: { points: [[5, -10, -10]] } }],
        expect: 'The notebook’s cell 20: from w = [−10, −10], b = 5 it still gets there on this convex loss, just later.',
        ends: 'converged',
      },
    ],
  },
  {
    preset: 'regression-bad-init',
    look: 'Starting far from the answer: a long descent, visible on the loss chart’s log scale, to the same place.',
    tries: [
      {
        label: 'Try the good initialisation',
        changes: [{ path: 'init', value: { points: [[0.15, 1.4, 1.6]] } }],
        expect: 'The notebook’s cell 23: from w = [1.4, 1.6], b = 0.15 the loss starts low and the run stops early.',
        ends: 'converged',
      },
    ],
  },
  {
    preset: 'regression-tolerance',
    look: 'A cloud of 200 starts with a coarse tolerance (1e-3): the converged count climbs early, and the particles stop scattered around the answer.',
    tries: [
      {
        label: 'Try tolerance 1e-8',
        changes: [{ path: 'tolerance', value: 1e-8 }],
        expect: 'The notebook’s default: particles run much longer and stop much closer to w = [1.5, 1.5], b = 0.1.',
        ends: 'converged',
      },
    ],
  },
  {
    preset: 'noisy-line-clip',
    look: 'The fitted line over the scatter in the data view, and in the Microscope the raw gradient against the clipped one: the slope’s component stays cut to ±1000, so w1 jumps 0.5 across the valley every step and the loss zig-zags between about 500 and 640 instead of settling. The clip stopped the explosion, not the overshoot.',
    tries: [
      {
        label: 'Try turning clipping off',
        changes: [{ path: 'clip', value: null }],
        expect:
          'Along w1 (the slope) the curvature is about 6,700, so α·6,700 = 3.35 > 2: without the clip each step overshoots more than the last, and the fit diverges.',
        ends: 'diverged',
      },
      {
        label: 'Try α = 0.0002',
        changes: [{ path: 'optimizer.alpha', value: 0.0002 }],
        expect: 'α·6,700 = 1.34 < 2: after a few clipped steps the slope settles, the zig-zag dies out and the loss comes down to 352, the least-squares fit.',
        ends: 'finite',
      },
    ],
  },
  {
    preset: 'noisy-line-minibatch',
    look: 'Ten noisy steps per epoch: in the Microscope the batch gradient of 10 rows differs visibly from the full-data gradient, the noise of small batches.',
    tries: [
      {
        label: 'Try the full batch',
        changes: [{ path: 'batch.size', value: null }],
        expect: 'One step per epoch on all 100 rows: the noise goes, and with it nine steps in ten: a smoother, slower descent.',
        ends: 'finite',
      },
      {
        label: 'Try turning clipping off',
        changes: [{ path: 'clip', value: null }],
        expect: 'The same curvature problem as the full batch: α·6,700 > 2, and without the clip the fit diverges.',
        ends: 'diverged',
      },
    ],
  },
  {
    preset: 'houses-raw',
    look: 'The loss chart shoots up and “Diverged” reaches 100 by step 21. Beside α the panel shows the largest stable rate, 5.8e-5, and warns that 0.01 is above it. Open the Stability map with its default range (α from 1e-4 to 0.3): every cell diverges.',
    tries: [
      {
        label: 'Try α = 5e-5, just stable',
        changes: [{ path: 'optimizer.alpha', value: 5e-5 }],
        expect:
          'Nothing diverges now, but the flat directions are 164,000 times flatter than the steep one: after 1,000 steps the loss is still more than twice its minimum.',
        ends: 'finite',
      },
      {
        label: 'Try scaling the features',
        changes: [
          { path: 'data.scale', value: 'standard' },
          { path: 'optimizer.alpha', value: 0.3 },
        ],
        expect: 'Standardised columns make the bowl nearly round: the stable limit rises to 0.54, and at α = 0.3 every particle converges.',
        ends: 'converged',
      },
    ],
  },
  {
    preset: 'houses-scaled',
    look: 'The axes say b and w·size, in standardised units; the cloud has converged by step 132 and the fitted prices lie along the diagonal of the data view. Open the Stability map with its default range (α from 0.003 to 9): it converges up to the panel’s limit of 0.54 and diverges above it.',
    tries: [
      {
        label: 'Try α = 0.6, above the limit',
        changes: [{ path: 'optimizer.alpha', value: 0.6 }],
        expect: 'Just past 2/λ_max = 0.54: each step multiplies the error along the steepest direction by 1 − 0.6·3.69 ≈ −1.22, and the fit diverges.',
        ends: 'diverged',
      },
      {
        label: 'Try the raw features',
        changes: [{ path: 'data.scale', value: 'none' }],
        expect: 'Without scaling, the same α = 0.3 is over five thousand times the stable limit of 5.8e-5: every particle diverges.',
        ends: 'diverged',
      },
    ],
  },
  {
    preset: 'flat-sharp-minima',
    look: 'The loss chart falls in a jagged line, eight noisy steps an epoch. The cloud starts at a median sharpness λ_max of 10.1, right at the limit 2/η = 10; after 100 epochs the median is 4.6 and the sharpest network 5.9: the small batches have carried every network to a minimum less than 60 % as sharp as the limit. In the Landscape tab, Compute draws the slice around the best network and gives, under it, that network’s λ_max and the cloud’s median.',
    tries: [
      {
        label: 'Try the full batch',
        changes: [{ path: 'batch.size', value: null }],
        expect:
          'The same start and the same η, one step an epoch on all 32 rows: the median λ_max ends at 8.5 and the sharpest network at 9.9, just under 2/η = 10, nearly twice as sharp as with batches of 4 at about the same training loss (median 0.060 against 0.066).',
        ends: 'finite',
      },
      {
        label: 'Try batches of 8',
        changes: [{ path: 'batch.size', value: 8 }],
        expect: 'Half the noise of batches of 4: the median λ_max ends at 6.3, between the batches of 4 (4.6) and the full batch (8.5).',
        ends: 'finite',
      },
      {
        label: 'Try the full batch at η = 0.1',
        changes: [
          { path: 'batch.size', value: null },
          { path: 'optimizer.alpha', value: 0.1 },
        ],
        expect:
          'Now 2/η = 20 and the start is already stable: the median λ_max stays where it began (10.0 against 10.1), and the sharpest network ends at 14.0, a minimum that η = 0.2 could not have held.',
        ends: 'finite',
      },
    ],
  },
];

export function findLesson(preset: string): Lesson | undefined {
  return lessons.find((lesson) => lesson.preset === preset);
}
