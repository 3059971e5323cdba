import { describe, expect, it } from 'vitest';
import { decade, linearLabel, linearSplits, linearUnit, logLabel, logRange, logSplits, toLog } from './loss-axis';

describe('the log chart', () => {
  it('plots log₁₀ of a loss, exactly at powers of ten from 1e-300 to 1e300; 0, a negative loss and ∞ are gaps', () => {
    // Math.log10 is exact at powers of ten (IEEE 754 and ECMAScript's log10 of 10ᵏ).
    for (const e of [-300, -111, -1, 0, 1, 111, 300]) expect(toLog(decade(e))).toBe(e);
    expect(toLog(7.4e111)).toBeCloseTo(111.86923, 5); // log10(7.4) = 0.869232
    expect(toLog(0)).toBeNull();
    expect(toLog(-1)).toBeNull();
    expect(toLog(Infinity)).toBeNull();
    expect(toLog(null)).toBeNull();
  });

  it('ranges over whole decades around the data: regression-eta-0.3 at step 620 (mean loss 7.4e111, first 1.9e3)', () => {
    expect(logRange(toLog(1.9e3), toLog(7.4e111))).toEqual([3, 112]);
    expect(logRange(-300, 300)).toEqual([-300, 300]);
    // One loss, or losses within a decade: one decade at least.
    expect(logRange(toLog(5), toLog(5))).toEqual([0, 1]);
    expect(logRange(2, 2)).toEqual([2, 3]);
    // Every loss 0 (a gap each): a default range, still labelled.
    expect(logRange(null, null)).toEqual([-1, 1]);
  });

  it('labels powers of ten, every few decades so that they fit, at any magnitude', () => {
    expect(logSplits(3, 112, 9)).toEqual([20, 40, 60, 80, 100]); // 109 decades, room 9: every 20th
    expect(logSplits(-300, 300, 9)).toEqual([-300, -200, -100, 0, 100, 200, 300]);
    expect(logSplits(-300, -290, 20)).toEqual([-300, -299, -298, -297, -296, -295, -294, -293, -292, -291, -290]);
    expect(logSplits(290, 308, 4).map(logLabel)).toEqual(['1e290', '1e295', '1e300', '1e305']); // 18 decades, room 4: every 5th
    expect(logSplits(-2, 3, 9)).toEqual([-2, -1, 0, 1, 2, 3]);
  });

  it('adds 2× and 5× a power within a decade or two, so that a loss of 3 to 40 has labels', () => {
    expect(logSplits(0, 2, 12).map(logLabel)).toEqual(['1', '2', '5', '10', '20', '50', '100']);
    expect(logSplits(-300, -299, 9).map(logLabel)).toEqual(['1e−300', '2e−300', '5e−300', '1e−299']);
  });

  it('labels a tick with the loss it stands for', () => {
    expect([-300, -5, -3, -1, 0, 2, 4, 5, 111, 300].map(logLabel)).toEqual(['1e−300', '1e−5', '0.001', '0.1', '1', '100', '10000', '1e5', '1e111', '1e300']);
    expect(logLabel(Math.log10(5) + 111)).toBe('5e111');
  });
});

describe('the linear chart (a loss below 0)', () => {
  it('plots losses that uPlot labels as they are, and others in units of a power of ten', () => {
    expect(linearUnit(-3, 40)).toBe(1);
    expect(linearUnit(-7.4e111, 5)).toBe(1e111);
    expect(linearUnit(-2e-300, 0)).toBe(1e-300);
    expect(linearUnit(null, null)).toBe(1);
  });

  it('labels the plotted ticks with the losses they stand for', () => {
    const unit = linearUnit(-7.4e111, 0);
    const splits = linearSplits(-7.4e111 / unit, 0, 4);
    expect(splits).toEqual([-6, -4, -2, 0]);
    expect(splits.map((s) => linearLabel(s, unit))).toEqual(['−6e111', '−4e111', '−2e111', '0']);
  });
});
