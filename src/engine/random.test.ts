/** The generator against scripts/reference/reference.py's independent xoshiro128** + SplitMix64. */
import { describe, expect, it } from 'vitest';
import reference from './fixtures/reference.json';
import { Random } from './random';

describe('Random (xoshiro128**, seeded by SplitMix64)', () => {
  it.each(reference.rng.map((r) => [r.seed, r.stream, r] as const))('seed %i, stream %i: the reference’s integers, uniforms and normals', (seed, stream, r) => {
    const random = new Random(seed, stream);
    expect(r.u32.map(() => random.nextUint32())).toEqual(r.u32);
    expect(r.uniform.map(() => random.uniform())).toEqual(r.uniform);
    // Box–Muller goes through Math.log and Math.cos, which may differ from C's libm by an ulp.
    const normals = r.normal.map(() => random.normal());
    normals.forEach((v, k) => expect(v).toBeCloseTo(r.normal[k], 14));
  });

  it('the same seed gives the same stream; another seed or stream a different one', () => {
    const draw = (seed: number, stream: number) => {
      const random = new Random(seed, stream);
      return Array.from({ length: 4 }, () => random.nextUint32());
    };
    expect(draw(7, 1)).toEqual(draw(7, 1));
    expect(draw(7, 1)).not.toEqual(draw(8, 1));
    expect(draw(7, 1)).not.toEqual(draw(7, 2));
  });

  it('normals have mean ≈ 0 and variance ≈ 1 (100,000 draws: standard errors 0.003 and 0.0045)', () => {
    const random = new Random(1);
    let sum = 0;
    let squares = 0;
    const n = 100_000;
    for (let k = 0; k < n; k++) {
      const z = random.normal();
      sum += z;
      squares += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.015); // 5 standard errors
    expect(Math.abs(squares / n - 1)).toBeLessThan(0.025);
  });

  it('shuffle is a permutation', () => {
    const order = Int32Array.from({ length: 50 }, (_, k) => k);
    new Random(3).shuffle(order);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, k) => k));
    expect([...order]).not.toEqual(Array.from({ length: 50 }, (_, k) => k));
  });
});
