/** The basins worker's job, run in-process: validation, progress, the result, and errors as values. */
import { describe, expect, it } from 'vitest';
import { findPreset } from '../shared/presets';
import { runBasins, type BasinsEvent } from './basins';

async function run(message: unknown): Promise<BasinsEvent[]> {
  const events: BasinsEvent[] = [];
  await runBasins(message, (event) => events.push(event));
  return events;
}

describe('the basins job', () => {
  it('reports progress up to the epochs, then labels every start', async () => {
    const events = await run({ type: 'basins', scenario: findPreset('himmelblau')!.scenario, resolution: 12 });
    const progress = events.filter((e) => e.type === 'progress');
    // Every 10 steps of the preset's 500 epochs until all starts have converged (tolerance 1e-12), then done.
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toEqual({ type: 'progress', done: 500, total: 500 });
    const result = events.at(-1) as Extract<BasinsEvent, { type: 'result' }>;
    expect(result.type).toBe('result');
    expect(result.result.labels).toHaveLength(144);
  });

  it('refuses a malformed request, an invalid scenario and a model that is not a surface, as values', async () => {
    expect((await run({ type: 'basins', scenario: {}, resolution: 1 }))[0]).toMatchObject({ type: 'error', message: 'the basins request is malformed' });
    expect((await run({ type: 'basins', scenario: { version: 1 }, resolution: 10 }))[0]).toMatchObject({ type: 'error', message: 'the scenario has problems' });
    const neuron = await run({ type: 'basins', scenario: findPreset('neuron-three-inputs')!.scenario, resolution: 10 });
    expect(neuron[0]).toMatchObject({ type: 'error', problems: [expect.stringMatching(/must be a surface/)] });
  });
});
