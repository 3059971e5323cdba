/** Activations against notebook 001 (cell 3 prints them for z = [[1], [8]] to 8 decimals) and their derivatives. */
import { describe, expect, it } from 'vitest';
import { activateRange, activations, relu, scaleByDerivative, sigmoid, softmaxRows, tanh } from './activations';

describe('activations', () => {
  it('match the notebook’s printed values at z = 1 and z = 8 (cell 3)', () => {
    expect(sigmoid.value(1)).toBeCloseTo(0.73105858, 8);
    expect(sigmoid.value(8)).toBeCloseTo(0.99966465, 8);
    expect(tanh.value(1)).toBeCloseTo(0.76159416, 8);
    expect(tanh.value(8)).toBeCloseTo(0.99999977, 8);
    expect([relu.value(1), relu.value(8), relu.value(-3)]).toEqual([1, 8, 0]);
  });

  it('softmax of one-element rows is 1 each (cell 3 prints [[1.], [1.]])', () => {
    expect([...softmaxRows([1, 8], 2, 1, new Float64Array(2))]).toEqual([1, 1]);
  });

  it('softmax rows sum to 1 and stay finite for inputs of 1000, where e^1000 overflows', () => {
    const out = softmaxRows([1000, 0, 1000, 999, 1, 2], 2, 3, new Float64Array(6));
    // Closed forms: [1000, 0, 1000] → [1/2, e^−1000/2, 1/2]; [999, 1, 2] → e^(z−999)/(1 + e^−998 + e^−997).
    expect(out[0]).toBeCloseTo(0.5, 15);
    expect(out[2]).toBeCloseTo(0.5, 15);
    expect(out[3]).toBeCloseTo(1, 15);
    expect(out.every(Number.isFinite)).toBe(true);
  });

  it.each([
    ['sigmoid', sigmoid],
    ['tanh', tanh],
    ['relu', relu],
  ] as const)('%s’s derivative agrees with central differences away from kinks', (_name, f) => {
    for (const z of [-3.1, -0.4, 0.7, 2.5]) {
      const h = 1e-6;
      const numeric = (f.value(z + h) - f.value(z - h)) / (2 * h);
      expect(f.derivative(z, f.value(z))).toBeCloseTo(numeric, 8);
    }
  });

  it('tanh stays finite at z = 400, where the notebook’s (e^2z − 1)/(e^2z + 1) is ∞/∞', () => {
    expect(tanh.value(400)).toBe(1);
  });
});

describe('range forms (the batched MLP’s)', () => {
  const z = Float64Array.from([-800, -3, -0.5, 0, 0.25, 2, 40, 710]);
  it.each(['sigmoid', 'tanh', 'relu', 'identity'] as const)(
    '%s: activateRange and scaleByDerivative give the elementwise values, only within lo..hi',
    (name) => {
      const f = activations[name];
      const out = new Float64Array(z.length).fill(7);
      activateRange(name, z, out, 2, 6);
      expect([...out]).toEqual([7, 7, ...[...z.subarray(2, 6)].map((v) => f.value(v)), 7, 7]);
      const d = Float64Array.from(z, (_, i) => i + 1);
      scaleByDerivative(name, d, z, out, 2, 6);
      expect([...d]).toEqual([1, 2, ...[2, 3, 4, 5].map((i) => (i + 1) * f.derivative(z[i], out[i])), 7, 8]);
    },
  );
});
