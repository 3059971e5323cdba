/** The microscope's log against the notebooks' printed output, for steps taken apart by the real engine. */
import { describe, expect, it } from 'vitest';
import { descentOf, scenarioOf } from '../../../engine/testing';
import { microscopeEvent } from '../../../trainer/microscope';
import { logLines, pythonFloat } from './log';

async function firstStep(preset: string) {
  const descent = await descentOf(preset);
  return logLines(microscopeEvent(descent, 0, null, true), scenarioOf(preset));
}

describe('the microscope log', () => {
  it('prints floats as Python’s repr does', () => {
    // Python: repr(0.86 + 1e-16…) = '0.8600000000000001', repr(8.8e-05) has an exponent, repr(1.0) = '1.0'.
    expect(pythonFloat(0.8600000000000001)).toBe('0.8600000000000001');
    expect(pythonFloat(8.802712522307997e-5)).toBe('8.802712522307997e-05');
    expect(pythonFloat(1)).toBe('1.0');
    expect(pythonFloat(1e16)).toBe('1e+16');
    expect(pythonFloat(null)).toBe('nan');
  });

  it('writes the three-input neuron’s first epoch exactly as notebook 000 prints it (cell 86)', async () => {
    expect(await firstStep('neuron-three-inputs')).toEqual([
      'Epoch 0 | Prediction 0.8600000000000001 | Error 0.01959999999999997',
      'Weights [ 0.1119   0.20091 -0.09832] | Weight Deltas [-1.19  -0.091 -0.168]',
    ]);
  });

  it('writes the frozen-weight neuron’s first epoch exactly as notebook 000 prints it (cell 84)', async () => {
    expect(await firstStep('neuron-frozen-weight')).toEqual([
      'Epoch 0 | Prediction 0.010000000000000009 | Error 0.9801',
      'Weights [ 0.        0.219305 -0.06436 ] | Weight Deltas [-8.415  -0.6435 -1.188 ]',
    ]);
  });

  it('writes the regression’s first step as notebook 001 prints dw and w (cells 7–8)', async () => {
    const lines = await firstStep('regression-first-step');
    const text = lines.join('\n');
    expect(text).toContain('dw\n[[-6.        ]\n [-4.26666667]]');
    expect(text).toContain('w\n[[1.6       ]\n [1.42666667]]');
    expect(lines.find((l) => l.startsWith('db '))).toMatch(/^db -3\.19999999999999/);
    expect(lines[0]).toContain('batch rows [0 1 2]');
  });

  it('writes a surface step with notebook 002’s names: from (0, 0) on the bowl, gradient (−2, −4), then (0.2, 0.4)', async () => {
    const lines = await firstStep('bowl');
    expect(lines[0]).toBe('Step 1 | x 0.0 | y 0.0 | z 5.0');
    expect(lines[1]).toBe('gradient_x -2.0 | gradient_y -4.0');
    expect(lines[2]).toMatch(/^x 0\.2\d* \| y 0\.4\d*$/);
  });

  it('sets the batch gradient beside the full-data gradient for a mini-batch', async () => {
    const lines = await firstStep('noisy-line-minibatch');
    expect(lines.at(-1)).toMatch(/^Batch of 10 of 100 rows \| Batch gradient \[.*\] \| Full-data gradient \[.*\]$/);
  });
});
