import { describe, expect, it } from 'vitest';
import { formatLoss } from './format';

describe('formatLoss', () => {
  it('writes "—", never NaN, when there is no finite loss', () => {
    expect(formatLoss(null)).toBe('—');
    expect(formatLoss(Number.NaN)).toBe('—');
    expect(formatLoss(Infinity)).toBe('—');
  });

  it('keeps four significant digits, in a form Number() reads back', () => {
    expect(formatLoss(12.34567)).toBe('12.35');
    expect(formatLoss(0.001)).toBe('0.001');
    expect(formatLoss(2.0679e-19)).toBe('2.068e-19');
    expect(formatLoss(123456)).toBe('1.235e+5');
    expect(Number(formatLoss(2.0679e-19))).toBeCloseTo(2.068e-19, 30);
    expect(formatLoss(0)).toBe('0');
  });
});
