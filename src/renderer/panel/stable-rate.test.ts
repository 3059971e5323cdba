import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../shared/validate';
import { findPreset } from '../../shared/presets';
import { createDescent } from '../../engine/build';
import { formatRate, stableRateOf, stableRateReadout } from './stable-rate';

const scenario = (input: unknown) => {
  const v = validateScenario(input);
  if (!v.ok) throw new Error(v.problems.join('\n'));
  return v.scenario;
};
const preset = (name: string) => scenario(findPreset(name)!.scenario);

describe('the stable-rate readout', () => {
  it('writes two significant digits, in exponent form below 0.001', () => {
    expect(formatRate(5.776e-5)).toBe('5.8e-5');
    expect(formatRate(0.5413)).toBe('0.54');
    expect(formatRate(12.4)).toBe('12');
    expect(formatRate(Infinity)).toBe('∞');
  });

  it('is 2/λ_max on the data as the model sees it: 5.8e-5 raw, 0.54 scaled (src/shared/houses.test.ts)', () => {
    expect(formatRate(stableRateOf(preset('houses-raw'))!)).toBe('5.8e-5');
    expect(formatRate(stableRateOf(preset('houses-scaled'))!)).toBe('0.54');
  });

  it('is 0.5 on one feature x = 0, 2 without bias: H = (2/2)·(0² + 2²) = 4', () => {
    const s = scenario({
      version: 1,
      model: { kind: 'linear', bias: false },
      data: { x: [[0], [2]], y: [1, 1] },
      init: { points: [[0]] },
      optimizer: { kind: 'gd', alpha: 0.1 },
      epochs: 1,
    });
    expect(stableRateOf(s)).toBe(0.5);
  });

  it('with weight decay λ, is 2/(λ_max + λ): 1/3 on that feature with λ = 2, and a run on either side of it agrees', async () => {
    const input = (alpha: number) => ({
      version: 1,
      model: { kind: 'linear', bias: false },
      data: { x: [[0], [2]], y: [1, 1] },
      init: { points: [[3]] },
      optimizer: { kind: 'gd', alpha, weightDecay: 2 },
      epochs: 300,
    });
    const s = scenario(input(0.1));
    // The data alone give 0.5 (the test above); the Hessian of the loss with decay is 4 + 2 = 6: 2/6.
    const readout = stableRateReadout(s, stableRateOf(s)!);
    expect(readout.limit).toBeCloseTo(1 / 3, 15);
    expect(readout.text).toBe('Stable for gradient descent below α = 0.33 (2/(λ_max + weight decay))');
    expect(stableRateReadout(scenario(input(0.34)), 0.5).warning).toContain('above the largest stable rate 0.33');
    // Full-batch steps from w = 3: below 1/3 the weight settles, above it the steps grow.
    const end = async (alpha: number) => {
      const d = await createDescent(scenario(input(alpha)));
      d.run(300);
      return Math.abs(d.params[0]);
    };
    expect(await end(0.32)).toBeLessThan(3);
    expect(await end(0.345)).toBeGreaterThan(3);
  });

  it('warns when α is at or above it, with the remedy that applies', () => {
    const raw = preset('houses-raw');
    const readout = stableRateReadout(raw, stableRateOf(raw)!);
    expect(readout.text).toBe('Stable for gradient descent below α = 5.8e-5 (2/λ_max)');
    expect(readout.warning).toBe(
      'α = 0.01 is above the largest stable rate 5.8e-5: full-batch gradient descent diverges here; lower α, or scale the features (data.scale).',
    );
    const scaled = preset('houses-scaled');
    expect(stableRateReadout(scaled, stableRateOf(scaled)!).warning).toBeNull();
    const fast = { ...scaled, optimizer: { kind: 'gd' as const, alpha: 0.6, weightDecay: 0 } };
    expect(stableRateReadout(fast, stableRateOf(fast)!).warning).toBe(
      'α = 0.6 is above the largest stable rate 0.54: full-batch gradient descent diverges here; lower α.',
    );
  });

  it('does not warn for other optimizers, whose limits differ, and says so for mini-batches', () => {
    const raw = preset('houses-raw');
    const adam = { ...raw, optimizer: { kind: 'adam' as const, alpha: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0, amsgrad: false } };
    expect(stableRateReadout(adam, 1e-4).warning).toBeNull();
    expect(stableRateReadout({ ...raw, batch: { size: 10, shuffle: true, dropLast: false } }, 1e-4).text).toContain('full batch');
  });

  it('has nothing to say for a surface, a neuron, or a CSV source the page has not read', () => {
    expect(stableRateOf(preset('bowl'))).toBeNull();
    expect(stableRateOf(preset('neuron-three-inputs'))).toBeNull();
    expect(
      stableRateOf(
        scenario({
          version: 1,
          model: { kind: 'linear' },
          data: { csv: 'h.csv', x: ['size'], y: ['price'] },
          init: { points: [[0, 0]] },
          optimizer: { kind: 'gd', alpha: 0.1 },
          epochs: 1,
        }),
      ),
    ).toBeNull();
  });
});
