/** Freezing and clipping (CONTRACTS §1, step 3) on hand-computed gradients. */
import { describe, expect, it } from 'vitest';
import { adjustGradients } from './gradients';

// Two particles, two parameters, parameter-major: particle 0 has g = (3, −4) (‖g‖ = 5), particle 1 g = (0.5, 0.1).
const fresh = () => Float64Array.of(3, 0.5, -4, 0.1);
const running = Uint8Array.of(1, 1);

describe('adjustGradients', () => {
  it('value clipping clamps each component to [−c, c]', () => {
    const g = fresh();
    adjustGradients(g, 2, 2, running, [], { mode: 'value', limit: 1 });
    expect([...g]).toEqual([1, 0.5, -1, 0.1]);
  });

  it('norm clipping scales a long gradient to length c and leaves a short one alone', () => {
    const g = fresh();
    adjustGradients(g, 2, 2, running, [], { mode: 'norm', limit: 1 });
    expect(g[0]).toBeCloseTo(0.6, 15); // (3, −4)·1/5
    expect(g[2]).toBeCloseTo(-0.8, 15);
    expect([g[1], g[3]]).toEqual([0.5, 0.1]); // ‖(0.5, 0.1)‖ < 1
  });

  it('a zero gradient stays zero under norm clipping (no 0/0)', () => {
    const g = new Float64Array(4);
    adjustGradients(g, 2, 2, running, [], { mode: 'norm', limit: 1 });
    expect([...g]).toEqual([0, 0, 0, 0]);
  });

  it('frozen parameters get a zero gradient before the norm is taken', () => {
    const g = fresh();
    adjustGradients(g, 2, 2, running, [1], { mode: 'norm', limit: 1 });
    expect([...g]).toEqual([1, 0.5, 0, 0]); // ‖(3, 0)‖ = 3 → 1; (0.5, 0) is short
  });

  it('stopped particles are left as they are', () => {
    const g = fresh();
    adjustGradients(g, 2, 2, Uint8Array.of(3, 1), [], { mode: 'value', limit: 0.2 });
    expect([...g]).toEqual([3, 0.2, -4, 0.1]);
  });
});
