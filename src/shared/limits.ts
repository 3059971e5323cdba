/** Documented limits of a scenario (docs/scenario.md); a file beyond them is rejected, never truncated. */
export const limits = {
  /** A scenario file or link larger than this is refused before it is parsed. */
  maxScenarioBytes: 8 * 1024 * 1024,
  /** Deepest nesting of arrays and objects; a real scenario needs 4. */
  maxDepth: 10,
  maxParticles: 2_000_000,
  /** Particles × parameters: bounds the cloud's memory (Adam keeps 4 numbers per value: 256 MB here). */
  maxParticleValues: 8_000_000,
  maxRows: 1_000_000,
  maxFeatures: 1_000,
  maxEpochs: 10_000_000,
  /** Steps counted by a rule (stop.patience): an epoch of mini-batches is many steps. */
  maxSteps: 1_000_000_000,
  maxLayers: 8,
  maxLayerWidth: 256,
  maxExpressionLength: 500,
} as const;
