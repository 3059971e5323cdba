/**
 * Scenario files round-trip: a generated valid scenario, once validated (defaults filled in), survives
 * JSON text and validation again unchanged, numbers bit for bit. The scenarios come from
 * ./scenario-generator.testing.ts (seeded), so a failure names a reproducible index.
 */
import { describe, expect, test } from 'vitest';
import { generateScenarios } from './scenario-generator.testing';
import { weightSchemes } from '../shared/scenario';
import { optimizerChoices } from '../shared/settings';
import { parseScenarioText, validateScenario } from '../shared/validate';

const count = 1000;
const scenarios = generateScenarios(count, 20261122);

describe('generated scenarios', () => {
  test(`all ${count} are valid`, () => {
    const invalid = scenarios.flatMap((s, k) => {
      const v = validateScenario(s);
      return v.ok ? [] : [{ k, problems: v.problems, scenario: s }];
    });
    expect(invalid).toEqual([]);
  });

  test('cover every model, init, optimizer and schedule kind', () => {
    const seen = new Set<string>();
    for (const s of scenarios) {
      const v = validateScenario(s);
      if (!v.ok) continue;
      const { model, init, optimizer, data, clip, batch } = v.scenario;
      seen.add(`model:${model.kind}${model.kind === 'surface' ? (model.fn ? ':fn' : ':expr') : ''}`);
      seen.add(`init:${'points' in init ? 'points' : init.dist}`);
      seen.add(`optimizer:${optimizer.kind}`);
      if (optimizer.schedule) seen.add(`schedule:${optimizer.schedule.kind}`);
      if (data) seen.add(`data:${'generate' in data ? 'generate' : 'inline'}`);
      if (clip) seen.add(`clip:${clip.mode}`);
      if (batch.size !== null) seen.add('batch:size');
      if (v.scenario.freeze.length) seen.add('freeze');
      if (v.scenario.tolerance !== null) seen.add('tolerance');
    }
    const expected = [
      'model:surface:fn',
      'model:surface:expr',
      'model:linear',
      'model:neuron',
      'model:mlp',
      'init:points',
      'init:gaussian',
      'init:uniform',
      'init:grid',
      ...weightSchemes.map((scheme) => `init:${scheme}`),
      ...optimizerChoices.map((choice) => `optimizer:${choice.value}`),
      'schedule:constant',
      'schedule:step',
      'schedule:exponential',
      'schedule:cosine',
      'data:generate',
      'data:inline',
      'clip:value',
      'clip:norm',
      'batch:size',
      'freeze',
      'tolerance',
    ];
    expect([...seen].sort()).toEqual(expect.arrayContaining(expected));
  });

  test('survive JSON and validation again unchanged (numbers exact)', () => {
    for (const [k, s] of scenarios.entries()) {
      const first = validateScenario(s);
      if (!first.ok) throw new Error(`scenario ${k}: ${first.problems.join('; ')}`);
      const again = validateScenario(JSON.parse(JSON.stringify(first.scenario)));
      expect(again, `scenario ${k}`).toEqual({ ok: true, scenario: first.scenario });
    }
  });

  test('survive the file text (pretty-printed, as Save writes it) through parseScenarioText', () => {
    for (const [k, s] of scenarios.entries()) {
      const first = validateScenario(s);
      if (!first.ok) throw new Error(`scenario ${k}: ${first.problems.join('; ')}`);
      const again = parseScenarioText(JSON.stringify(first.scenario, null, 2));
      expect(again, `scenario ${k}`).toEqual({ ok: true, scenario: first.scenario });
      // The file as written by hand (defaults left out) reads the same too.
      expect(parseScenarioText(JSON.stringify(s)), `scenario ${k}`).toEqual({ ok: true, scenario: first.scenario });
    }
  });

  test('are the same for the same seed', () => {
    expect(generateScenarios(20, 7)).toEqual(generateScenarios(20, 7));
    expect(generateScenarios(20, 7)).not.toEqual(generateScenarios(20, 8));
  });
});
