/**
 * One optimizer step of a block of particles of a surface (particles from ≤ i < to, which all run), fused
 * with its evaluation: each particle's loss, gradient and update in one pass over the cloud, with no
 * gradient array (at a million particles its 16 bytes a particle would be a third of the memory traffic).
 * A particle whose loss is not finite, or at or past the block's divergence limit, does not move, as the
 * separate passes would stop it before their update. Each returns whether every loss and new value is
 * finite (v − v is 0 exactly then); when not, the caller looks at each particle of the block.
 * Bit-identical to Model.evaluate + Optimizer.step: the same kernel and rules (./update-rules.ts, the
 * table both are generated from) on the same values (./blocks.test.ts).
 *
 * Why one loop per optimizer and, for the named surfaces, per surface too: V8 keeps one call target per
 * call site and stops inlining a call once it has seen a second. A loop calling whatever kernel it was
 * handed ran about four times slower from the second surface a session visited (`npm run bench -- engine`,
 * "after all 8"). So each loop calls its rule by name, and `npm run generate` writes a copy of each for
 * every named surface, calling that surface's kernel by name (./surface-steps.generated.ts): their
 * optimized code has kernel and rule inlined whatever else has run in the process. The shared loops,
 * handed the kernel, serve typed formulas (one shared kernel function, so one target for V8).
 */
export type { SurfaceBlock, SurfaceStepper, SurfaceSteppers } from './surface-block';
export { formulaSteppers } from './surface-steps.generated';
