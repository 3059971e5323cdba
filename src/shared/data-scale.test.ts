/** `data.scale` (CONTRACTS §10) and `data.names` in the scenario schema: accepted where they belong, refused with a line naming the field. */
import { describe, expect, it } from 'vitest';
import { validateScenario } from './validate';

const withData = (data: unknown) => ({
  version: 1,
  model: { kind: 'linear', bias: true },
  data,
  init: { points: [[0, 0]] },
  optimizer: { kind: 'gd', alpha: 0.1 },
  epochs: 1,
});

describe('data.scale', () => {
  it('is "none" or "standard" on inline rows, a generator and a CSV source, and may be left out', () => {
    for (const scale of ['none', 'standard']) {
      expect(validateScenario(withData({ x: [[1], [2]], y: [1, 2], scale })).ok).toBe(true);
      expect(validateScenario(withData({ generate: 'line', n: 5, scale })).ok).toBe(true);
      expect(validateScenario(withData({ csv: 'h.csv', x: ['a'], y: ['b'], scale })).ok).toBe(true);
    }
    const left = validateScenario(withData({ x: [[1], [2]], y: [1, 2] }));
    expect(left.ok && left.scenario.data).toEqual({ x: [[1], [2]], y: [1, 2] });
  });

  it('names the field of a wrong value', () => {
    expect(validateScenario(withData({ x: [[1], [2]], y: [1, 2], scale: 'minmax' }))).toEqual({
      ok: false,
      problems: ['data.scale: must be "none" or "standard"'],
    });
  });
});

describe('data.names', () => {
  it('names each column of inline rows', () => {
    expect(validateScenario(withData({ x: [[1], [2]], y: [1, 2], names: { x: ['size'], y: ['price'] } })).ok).toBe(true);
  });

  it('must name every column, no more', () => {
    expect(validateScenario(withData({ x: [[1], [2]], y: [1, 2], names: { x: ['size', 'rooms'], y: ['price'] } }))).toEqual({
      ok: false,
      problems: ['data.names.x: must have one name per column of data.x (1)'],
    });
    expect(validateScenario(withData({ x: [[1], [2]], y: [1, 2], names: { x: ['size'], y: [] } }))).toEqual({
      ok: false,
      problems: ['data.names.y: must have one name per column of data.y (1)'],
    });
  });

  it('belongs to inline rows only (a CSV source names its columns in x and y)', () => {
    const result = validateScenario(withData({ csv: 'h.csv', x: ['a'], y: ['b'], names: { x: ['a'], y: ['b'] } }));
    expect(result.ok).toBe(false);
  });
});
