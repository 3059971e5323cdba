/** The microscope command through a real Trainer: one step, taken apart, as a valid event and a frame. */
import { describe, expect, it } from 'vitest';
import { eventSchema, messageProblems, type MicroscopeEvent } from '../shared/messages';
import { findPreset } from '../shared/presets';
import { harness } from './testing';

describe('the microscope command', () => {
  it('steps the run exactly once and sends the step taken apart, then a frame at that step', async () => {
    const h = harness();
    await h.send(
      { type: 'load', scenario: findPreset('neuron-three-inputs')!.scenario },
      { type: 'request-frame' },
      { type: 'microscope', index: 0 },
      { type: 'request-frame' },
    );
    const event = h.last('microscope')!;
    expect(messageProblems(eventSchema, event)).toBeNull();
    expect(event).toMatchObject({ particle: 0, step: 1, epoch: 0, statusBefore: 'running', optimizer: 'gd', lr: 0.01 });
    // Notebook 000, cell 86: error 0.0196 and weights after [0.1119, 0.20091, −0.09832].
    expect(event.loss).toBe(0.01959999999999997);
    expect(Array.from(event.vectors.after).map((w) => Number(w.toFixed(12)))).toEqual([0.1119, 0.20091, -0.09832]);
    expect(event.batch).toMatchObject({ inputs: 3, outputs: 1 });
    expect(Array.from(event.batch!.x)).toEqual([8.5, 0.65, 1.2]);
    // Three weights on a two-axis view: the arrows are projections.
    expect(event.arrows!.projected).toBe(true);
    expect(h.last('frame')!.step).toBe(1);
  });

  it('draws a surface particle’s arrows in its own coordinates: the step is Δp, the gradient −α·g', async () => {
    const h = harness();
    await h.send({ type: 'load', scenario: findPreset('bowl')!.scenario }, { type: 'microscope', index: 0 });
    const { arrows, vectors } = h.last('microscope') as MicroscopeEvent;
    // From (0, 0) on (x−1)² + (y−2)² with α = 0.1: g = (−2, −4), so the step is (0.2, 0.4) (notebook 002, cell 7).
    expect(arrows!.origin).toEqual([0, 0]);
    expect(arrows!.projected).toBe(false);
    expect(Array.from(vectors.gradient)).toEqual([-2, -4]);
    expect(arrows!.vectors.step[0]).toBeCloseTo(0.2, 15);
    expect(arrows!.vectors.step[1]).toBeCloseTo(0.4, 15);
    expect(arrows!.vectors.gradient).toEqual(arrows!.vectors.step);
    expect(arrows!.range).toEqual(h.last('loaded')!.range); // the bowl's own range, [[−3, 5], [−2, 6]]
  });

  it('refuses a particle that does not exist, and a run that is done', async () => {
    const h = harness();
    await h.send({ type: 'load', scenario: findPreset('bowl')!.scenario }, { type: 'microscope', index: 5 });
    expect(h.last('error')!.problems[0]).toMatch(/particle 5 does not exist/);
    await h.send({ type: 'step', count: 100 }, { type: 'microscope', index: 0 });
    expect(h.last('error')!.message).toMatch(/the run is done/);
  });
});
