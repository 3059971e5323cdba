/**
 * Scenario validation (CONTRACTS §1): a corpus of malformed files, each valid but for one defect, must be
 * refused with one `path: message` line per problem, the first naming the defect's field; every preset
 * must load to exactly what it wrote, with the contract's defaults filled in, and survive a JSON round trip.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { limits } from './limits';
import { presets } from './presets';
import type { ScenarioInput } from './scenario';
import { parseScenarioText, validateScenario } from './validate';

const corpusDir = join(import.meta.dirname, 'fixtures', 'malformed');
const corpusFiles = readdirSync(corpusDir)
  .filter((file) => file.endsWith('.descent.json'))
  .sort();
/** File name → the field path that the first problem must name. */
const expected: Record<string, string> = JSON.parse(readFileSync(join(corpusDir, 'expected.json'), 'utf8'));
const readCorpus = (file: string) => readFileSync(join(corpusDir, file), 'utf8');

/** Problems of a text that must be refused (fails the test if it is accepted). */
function problemsOf(text: string): string[] {
  const result = parseScenarioText(text);
  if (result.ok) throw new Error('accepted a malformed scenario');
  return result.problems;
}

/** `path: message` on one line: a field path (or `(scenario)`), a colon, a space and some text. */
const problemLine = /^(?:\(scenario\)|\S+): \S[^\n\r]*$/;

/** Every field of `written` is in `loaded` and deep-equal to it (`loaded` may have more fields). */
function expectSubset(loaded: unknown, written: unknown, path = 'scenario'): void {
  if (Array.isArray(written)) {
    expect(Array.isArray(loaded), `${path} is an array`).toBe(true);
    expect((loaded as unknown[]).length, `${path}.length`).toBe(written.length);
    written.forEach((item, k) => expectSubset((loaded as unknown[])[k], item, `${path}[${k}]`));
  } else if (written !== null && typeof written === 'object') {
    expect(loaded !== null && typeof loaded === 'object' && !Array.isArray(loaded), `${path} is an object`).toBe(true);
    for (const [key, value] of Object.entries(written)) {
      if (value === undefined) continue; // an absent optional field in a TypeScript literal
      expect(Object.hasOwn(loaded as object, key), `${path}.${key} is present`).toBe(true);
      expectSubset((loaded as Record<string, unknown>)[key], value, `${path}.${key}`);
    }
  } else {
    expect(loaded, path).toBe(written); // Object.is: numbers exact, -0 and NaN included
  }
}

/**
 * The defaults of CONTRACTS §1 and §9 (the values in brackets there) for the fields a scenario leaves out,
 * overlaid by what it wrote: what validation must produce for those fields.
 */
function withContractDefaults(written: ScenarioInput): Record<string, unknown> {
  // §9 adds weight decay, dampening, RMSprop's momentum and centred, and AMSGrad, each off by default.
  const optimizerDefaults: Record<string, Record<string, number | boolean>> = {
    gd: { weightDecay: 0 },
    momentum: { beta: 0.9, weightDecay: 0, dampening: 0 },
    nesterov: { beta: 0.9, weightDecay: 0, dampening: 0 },
    adagrad: { eps: 1e-10 },
    rmsprop: { rho: 0.99, eps: 1e-8, momentum: 0, centered: false },
    adam: { beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0, amsgrad: false },
  };
  return {
    clip: null,
    freeze: [],
    tolerance: null,
    seed: 0,
    ...written,
    batch: { size: null, shuffle: true, dropLast: false, ...written.batch },
    optimizer: { ...optimizerDefaults[written.optimizer.kind], ...written.optimizer },
  };
}

describe('the malformed corpus', () => {
  it('has at least 60 files, and expected.json names exactly the files present', () => {
    expect(corpusFiles.length).toBeGreaterThanOrEqual(60);
    expect(Object.keys(expected).sort()).toEqual(corpusFiles);
  });

  describe.each(corpusFiles)('%s', (file) => {
    it(`is refused, first naming ${expected[file]}`, () => {
      const problems = problemsOf(readCorpus(file));
      expect(problems.length).toBeGreaterThan(0);
      expect(problems[0].startsWith(`${expected[file]}:`), `first problem: ${problems[0]}`).toBe(true);
    });

    it('words every problem as one line `path: message`', () => {
      for (const problem of problemsOf(readCorpus(file))) {
        expect(problem).toMatch(problemLine);
        expect(problem).not.toMatch(/\bat .*:\d+:\d+/); // a stack frame
        expect(problem).not.toContain('[object Object]');
      }
    });
  });

  it('pollutes no prototype, even through __proto__ and constructor keys', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    for (const file of corpusFiles) parseScenarioText(readCorpus(file));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });
});

describe('messages', () => {
  it('name the field and say what is allowed', () => {
    const text = readCorpus('37-alpha-zero.descent.json');
    expect(problemsOf(text)).toEqual(['optimizer.alpha: must be a finite number > 0']);
  });

  it('refuse a text just over the size limit without parsing it, naming the limit', () => {
    const scenario = JSON.stringify(presets[0].scenario);
    const text = scenario + ' '.repeat(limits.maxScenarioBytes + 1 - scenario.length); // valid JSON if it were parsed
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const problems = problemsOf(text);
      expect(parse).not.toHaveBeenCalled();
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^\(scenario\): /);
      expect(problems[0]).toContain(String(limits.maxScenarioBytes));
    } finally {
      parse.mockRestore();
    }
  });
});

describe.each(presets.map((preset) => [preset.name, preset] as const))('preset %s', (_, preset) => {
  const validate = (value: unknown) => {
    const result = validateScenario(value);
    if (!result.ok) throw new Error(`refused:\n${result.problems.join('\n')}`);
    return result.scenario;
  };

  it('validates and gives back every field it wrote', () => {
    expectSubset(validate(preset.scenario), preset.scenario);
  });

  it('gets the defaults of CONTRACTS §1 for the fields it left out', () => {
    expectSubset(validate(preset.scenario), withContractDefaults(preset.scenario));
  });

  it('survives a JSON round trip unchanged', () => {
    const loaded = validate(preset.scenario);
    expect(validate(JSON.parse(JSON.stringify(loaded)))).toEqual(loaded);
  });
});

describe('optimizer defaults (CONTRACTS §1)', () => {
  const base: ScenarioInput = {
    version: 1,
    model: { kind: 'surface', fn: 'bowl' },
    init: { points: [[0, 0]] },
    optimizer: { kind: 'gd', alpha: 0.1 },
    epochs: 1,
  };

  it.each(['gd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'] as const)('%s', (kind) => {
    const written: ScenarioInput = { ...base, optimizer: { kind, alpha: 0.1 } };
    const result = validateScenario(written);
    expect(result.ok && result.scenario.optimizer).toEqual(withContractDefaults(written).optimizer);
  });

  it('fills batch, clip, freeze, tolerance and seed', () => {
    const result = validateScenario(base);
    expect(result.ok).toBe(true);
    if (result.ok) {
      const { batch, clip, freeze, tolerance, seed } = result.scenario;
      expect({ batch, clip, freeze, tolerance, seed }).toEqual({
        batch: { size: null, shuffle: true, dropLast: false },
        clip: null,
        freeze: [],
        tolerance: null,
        seed: 0,
      });
    }
  });
});
