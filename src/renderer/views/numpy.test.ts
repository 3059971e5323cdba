import { describe, expect, it } from 'vitest';
import { formatArray, formatScalar } from './numpy';

// Every expected string was printed by numpy 2.4.6: str(np.array(...)) with the default print options.
describe('formatArray writes arrays as numpy prints them', () => {
  it('aligns decimal points and pads the trimmed fractions (notebook 000 cell 86, epoch 0)', () => {
    expect(formatArray([0.1119, 0.20091, -0.09832])).toBe('[ 0.1119   0.20091 -0.09832]');
    expect(formatArray([-1.1899999999999993, -0.09100000000000001, -0.16799999999999998])).toBe('[-1.19  -0.091 -0.168]');
    expect(formatArray([0.555, 0.98, 0.965])).toBe('[0.555 0.98  0.965]');
  });

  it('cuts to 8 fractional digits (notebook 001 cell 4)', () => {
    expect(formatArray([0.7781641781533871, 0.8345191187946503], [1, 2])).toBe('[[0.77816418 0.83451912]]');
  });

  it('prints a column as numpy does, with a bare decimal point for whole numbers (notebook 001 cell 1)', () => {
    expect(formatArray([1, 8], [2, 1])).toBe('[[1.]\n [8.]]');
    expect(formatArray([0, 0])).toBe('[0. 0.]');
  });

  it('switches to scientific form for small values or a wide span', () => {
    expect(formatArray([8.28458117e-6, -7.58693223e-5, 4.2294967e-5])).toBe('[ 8.28458117e-06 -7.58693223e-05  4.22949670e-05]');
    expect(formatArray([1e-5, 2.5, -3])).toBe('[ 1.0e-05  2.5e+00 -3.0e+00]');
    expect(formatArray([1e9, 1])).toBe('[1.e+09 1.e+00]');
  });

  it('makes room for nan and -inf', () => {
    expect(formatArray([NaN, 1.5, -Infinity])).toBe('[ nan  1.5 -inf]');
    expect(formatArray([NaN, NaN])).toBe('[nan nan]');
  });

  it('wraps lines at 75 characters', () => {
    const values = Array.from({ length: 30 }, (_, i) => i / 7);
    expect(formatArray(values)).toBe(
      '[0.         0.14285714 0.28571429 0.42857143 0.57142857 0.71428571\n 0.85714286 1.         1.14285714 1.28571429 1.42857143 1.57142857\n 1.71428571 1.85714286 2.         2.14285714 2.28571429 2.42857143\n 2.57142857 2.71428571 2.85714286 3.         3.14285714 3.28571429\n 3.42857143 3.57142857 3.71428571 3.85714286 4.         4.14285714]',
    );
    const matrix = Array.from({ length: 20 }, (_, i) => i / 7);
    expect(formatArray(matrix, [2, 10])).toBe(
      '[[0.         0.14285714 0.28571429 0.42857143 0.57142857 0.71428571\n  0.85714286 1.         1.14285714 1.28571429]\n [1.42857143 1.57142857 1.71428571 1.85714286 2.         2.14285714\n  2.28571429 2.42857143 2.57142857 2.71428571]]',
    );
  });

  it('summarises an array above the threshold with its first and last three elements', () => {
    const values = Array.from({ length: 2000 }, (_, i) => i / 7);
    expect(formatArray(values)).toBe('[0.00000000e+00 1.42857143e-01 2.85714286e-01 ... 2.85285714e+02\n 2.85428571e+02 2.85571429e+02]');
    expect(formatArray([1, 2, 3, 4, 5, 6, 7, 8], [8], { threshold: 4 })).toBe('[1. 2. 3. ... 6. 7. 8.]');
  });
});

describe('formatScalar', () => {
  it('writes the notebook’s printed scalars in the array format (notebook 000 cells 84 and 86)', () => {
    expect(formatScalar(0.8600000000000001)).toBe('0.86');
    expect(formatScalar(0.01959999999999997)).toBe('0.0196');
    expect(formatScalar(0.010000000000000009)).toBe('0.01');
    expect(formatScalar(8.802712522307997e-5)).toBe('8.80271252e-05');
    expect(formatScalar(1)).toBe('1.');
  });
});
