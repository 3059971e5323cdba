import { describe, expect, it } from 'vitest';
import { isHot, withValueAt } from './paths';

describe('scenario paths', () => {
  it('optimizer, clip, batch, freeze, tolerance, stop and epochs are hot; model, data, init and seed are not', () => {
    expect(['optimizer.alpha', 'clip', 'batch.size', 'freeze', 'tolerance', 'stop.patience', 'stop.divergence', 'epochs'].every(isHot)).toBe(true);
    expect(['model', 'data', 'init.count', 'seed'].some(isHot)).toBe(false);
  });

  it('writes into a deep copy, leaving the original alone', () => {
    const original = { optimizer: { kind: 'gd', alpha: 0.1 }, init: { mean: [1, 2] } };
    const result = withValueAt(original, 'init.mean.1', 5);
    expect(result).toEqual({ ok: true, scenario: { optimizer: { kind: 'gd', alpha: 0.1 }, init: { mean: [1, 5] } } });
    expect(original.init.mean).toEqual([1, 2]);
  });

  it.each(['__proto__.x', 'constructor.prototype', 'a..b', 'clip.limit', 'init.mean.first'])('refuses %s with a problem line', (path) => {
    const result = withValueAt({ clip: null, init: { mean: [1] } }, path, 1);
    expect(result.ok).toBe(false);
    expect(({} as { x?: unknown }).x).toBeUndefined();
  });
});
