/** Every notebook experiment has a lesson (and one network preset too), every "try this" is a valid change, and each ends as it says. */
import { describe, expect, it } from 'vitest';
import { createDescent } from '../engine/build';
import { statusNames } from '../engine/descent';
import { withValueAt } from './paths';
import { lessons } from './lessons';
import { findPreset, presets } from './presets';
import { validateScenario } from './validate';

/** The preset's scenario with a try's changes applied in order, as `descentLab.set` applies them. */
function changed(preset: string, changes: { path: string; value: unknown }[]) {
  let scenario: unknown = findPreset(preset)!.scenario;
  for (const { path, value } of changes) {
    const next = withValueAt(scenario, path, value);
    if (!next.ok) throw new Error(next.problem);
    scenario = next.scenario;
  }
  return validateScenario(scenario);
}

describe('lessons', () => {
  it('cover every notebook experiment preset, once each, and beyond them only networks on data (the flat-and-sharp-minima lesson)', () => {
    const notebooks = presets.filter((p) => p.group === 'notebooks').map((p) => p.name);
    const guided = lessons.map((l) => l.preset);
    expect(guided.filter((name) => notebooks.includes(name)).sort()).toEqual([...notebooks].sort());
    expect(guided.filter((name) => !notebooks.includes(name))).toEqual(['flat-sharp-minima']);
    expect(findPreset('flat-sharp-minima')!.group).toBe('networks');
    expect(new Set(guided).size).toBe(guided.length);
  });

  it('each load a preset that exists and offer at least one try', () => {
    for (const lesson of lessons) {
      expect(findPreset(lesson.preset), lesson.preset).toBeDefined();
      expect(lesson.tries.length, lesson.preset).toBeGreaterThan(0);
    }
  });

  for (const lesson of lessons) {
    for (const attempt of lesson.tries) {
      it(`${lesson.preset}: “${attempt.label}” is a valid change and ends ${attempt.ends}`, async () => {
        const validation = changed(lesson.preset, attempt.changes);
        if (!validation.ok) throw new Error(validation.problems.join('\n'));
        const descent = await createDescent(validation.scenario);
        const start = descent.fullLoss()[0];
        descent.run(validation.scenario.epochs);
        const status = statusNames[descent.status[0]];
        if (attempt.ends === 'finite') expect(status).not.toBe('diverged');
        else if (attempt.ends === 'grows') {
          expect(status).toBe('running');
          expect(descent.fullLoss()[0]).toBeGreaterThan(100 * start);
        } else expect(status).toBe(attempt.ends);
      });
    }
  }
});
