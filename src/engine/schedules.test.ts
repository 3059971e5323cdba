/** Learning-rate schedules against their closed forms (PyTorch's StepLR, ExponentialLR, CosineAnnealingLR). */
import { describe, expect, it } from 'vitest';
import { learningRate } from './schedules';

describe('learningRate', () => {
  it('no schedule, or constant: α at every step', () => {
    expect([1, 2, 100].map((t) => learningRate(0.3, undefined, t))).toEqual([0.3, 0.3, 0.3]);
    expect(learningRate(0.3, { kind: 'constant', warmup: 0 }, 50)).toBe(0.3);
  });

  it('step: α·γ^⌊(t−1)/every⌋, so steps 1–10 use α and step 11 α·γ', () => {
    const s = { kind: 'step', every: 10, gamma: 0.5, warmup: 0 } as const;
    expect([1, 10, 11, 20, 21].map((t) => learningRate(1, s, t))).toEqual([1, 1, 0.5, 0.5, 0.25]);
  });

  it('exponential: α·γ^(t−1)', () => {
    expect(learningRate(2, { kind: 'exponential', gamma: 0.9, warmup: 0 }, 3)).toBeCloseTo(2 * 0.81, 15);
  });

  it('cosine: α at t = 1, the midpoint (α + min)/2 at t = T/2 + 1, min from t = T + 1 on', () => {
    const s = { kind: 'cosine', steps: 100, min: 0.01, warmup: 0 } as const;
    expect(learningRate(1, s, 1)).toBe(1);
    expect(learningRate(1, s, 51)).toBeCloseTo(0.505, 15);
    expect(learningRate(1, s, 101)).toBeCloseTo(0.01, 15);
    expect(learningRate(1, s, 500)).toBeCloseTo(0.01, 15);
  });

  it('warm-up scales linearly by t/W over the first W steps, then leaves the schedule alone', () => {
    const s = { kind: 'constant', warmup: 4 } as const;
    expect([1, 2, 3, 4, 5].map((t) => learningRate(0.8, s, t))).toEqual([0.2, 0.4, 0.6000000000000001, 0.8, 0.8]);
  });
});
