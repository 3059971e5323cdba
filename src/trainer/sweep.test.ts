/** The sweep worker's job, in-process: progress then the result, and every failure as an error event. */
import { describe, expect, it } from 'vitest';
import { findPreset } from '../shared/presets';
import { runSweepJob, type SweepEvent } from './sweep';

async function job(message: unknown): Promise<SweepEvent[]> {
  const events: SweepEvent[] = [];
  await runSweepJob(message, (e) => events.push(e));
  return events;
}

const bowlCloud = findPreset('bowl-cloud')!.scenario;

describe('the sweep job', () => {
  it('reports progress, ending at the total, then the map', async () => {
    const events = await job({ type: 'sweep', scenario: bowlCloud, alpha: { min: 0.1, max: 0.9, count: 4 }, vs: null, epochs: 50 });
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress.at(-1)).toEqual({ type: 'progress', done: 4, total: 4 });
    const result = events.at(-1)!;
    expect(result.type).toBe('result');
    if (result.type === 'result') expect(result.result.cells[0]).toHaveLength(4);
  });

  it('sweeps a race’s own optimizer, leaving its groups out', async () => {
    const events = await job({ type: 'sweep', scenario: findPreset('race-valley')!.scenario, alpha: { min: 0.1, max: 0.4, count: 2 }, vs: null, epochs: 20 });
    expect(events.at(-1)!.type).toBe('result');
  });

  it('answers a malformed request, a bad scenario and a bad sweep with an error naming the field', async () => {
    expect((await job({ type: 'sweep', scenario: bowlCloud, alpha: { min: 0.1 }, vs: null }))[0]).toMatchObject({ type: 'error', message: 'the sweep request is malformed' });
    expect((await job({ type: 'sweep', scenario: { ...bowlCloud, epochs: 0 }, alpha: { min: 0.1, max: 1, count: 2 }, vs: null }))[0]).toMatchObject({ type: 'error', problems: ['epochs: must be an epoch count from 1 to 10000000'] });
    const bad = await job({ type: 'sweep', scenario: bowlCloud, alpha: { min: 0.1, max: 1, count: 2 }, vs: { field: 'init.std', min: 0.1, max: 1, count: 2 } });
    expect(bad[0]).toMatchObject({ type: 'error', message: 'the sweep has problems', problems: ['vs.field: init.std needs a gaussian init; this scenario\'s init is uniform'] });
  });
});
