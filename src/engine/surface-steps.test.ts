/**
 * The fused surface steps (./surface-steps.ts) and their per-surface copies (./surface-steps.generated.ts):
 * the generated files are what the generator writes from the current table of rules (./update-rules.ts) and
 * surfaces, and every surface with every optimizer steps bit for bit as the separate passes do. ./blocks.test.ts checks the loops themselves against a
 * particle-by-particle reference of CONTRACTS §1.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { generate } from '../../scripts/generate-surface-steps.mjs';
import type { OptimizerKind, ScenarioInput } from '../shared/scenario';
import { Descent, Status } from './descent';
import { initialPositions } from './init';
import { SurfaceModel } from './models/surface';
import { partials, surfaceNames, surfaces, type SurfaceName } from './surfaces';
import { descentOf, scenarioOf } from './testing';

const kinds: OptimizerKind[] = ['gd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw', 'nadam', 'radam', 'lion'];
/** Each kind with its options away from their defaults, so that every line of every rule runs (CONTRACTS §9). */
const options: Partial<Record<OptimizerKind, object>> = {
  gd: { weightDecay: 0.1 },
  momentum: { weightDecay: 0.1, dampening: 0.3 },
  nesterov: { weightDecay: 0.1, dampening: 0.3 },
  rmsprop: { momentum: 0.5, centered: true },
  adam: { weightDecay: 0.1, amsgrad: true },
  lion: { weightDecay: 0.1 },
};
const bytes = (a: Float64Array | Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** A cloud of 1,100 particles (a block of 1,024 and a part block) over the surface's own view, with a rate its curvature keeps stable. */
function scenario(fn: SurfaceName, kind: OptimizerKind, clipped: boolean): ScenarioInput {
  const [[x0, x1], [y0, y1]] = surfaces[fn].range;
  return {
    version: 1,
    model: { kind: 'surface', fn },
    init: { dist: 'uniform', min: [x0, y0], max: [x1, y1], count: 1100 },
    optimizer: { kind, alpha: fn === 'rosenbrock' || fn === 'beale' ? 1e-4 : 1e-3, ...options[kind] } as ScenarioInput['optimizer'],
    // A value clip at 10³⁰⁰ changes no finite gradient, and sends every block through the separate passes.
    clip: clipped ? { mode: 'value', limit: 1e300 } : null,
    epochs: 1000,
    seed: 4,
  };
}

describe('fused surface steps', () => {
  it('update-rules.generated.ts and surface-steps.generated.ts are what `npm run generate` writes from the current sources', () => {
    const files: { path: string; text: string }[] = generate();
    expect(files.map(({ path }) => path.replace(/.*\//, ''))).toEqual(['update-rules.generated.ts', 'surface-steps.generated.ts']);
    for (const { path, text } of files) expect(readFileSync(path, 'utf8'), path).toBe(text);
  });

  it.each(surfaceNames.flatMap((fn) => kinds.map((kind) => [fn, kind] as const)))(
    '%s with %s: the surface’s own loop, the shared loop and the separate passes agree bit for bit',
    async (fn, kind) => {
      const own = await descentOf(scenario(fn, kind, false));
      const passes = await descentOf(scenario(fn, kind, true));
      // The shared loops a typed formula takes, handed this surface's kernel.
      const plain = scenarioOf(scenario(fn, kind, false));
      const shared = new Descent(new SurfaceModel(surfaces[fn].evaluate), plain, initialPositions(plain.init, 2, plain.seed));
      for (let k = 0; k < 12; k++) [own, passes, shared].forEach((d) => d.advance());
      for (const other of [passes, shared]) {
        expect(bytes(other.params).equals(bytes(own.params))).toBe(true);
        expect(bytes(other.loss).equals(bytes(own.loss))).toBe(true);
        expect(bytes(other.status).equals(bytes(own.status))).toBe(true);
      }
      expect(own.running).toBeGreaterThan(0);
      // A frame's full loss takes the surface's own loss loop; here it is checked against the kernel itself.
      const full = own.fullLoss();
      expect(bytes(shared.fullLoss()).equals(bytes(full))).toBe(true);
      const kernel = surfaces[fn].evaluate;
      for (const i of [0, 1023, 1099]) if (own.status[i] !== Status.diverged) expect(full[i]).toBe(kernel(own.params[i], own.params[own.n + i], partials()));
    },
  );
});
