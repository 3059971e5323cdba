/**
 * The microscope's log: one step written the way the notebooks print it. Python prints a float scalar as
 * its repr (`0.8600000000000001`, `8.802712522307997e-05`) and an array in numpy's format
 * (../../views/numpy.ts), so the lines read like the notebook's own output:
 * - the neuron (notebook 000, cell 86): `Epoch 0 | Prediction 0.8600000000000001 | Error 0.01959999999999997`
 *   then `Weights [ 0.1119   0.20091 -0.09832] | Weight Deltas [-1.19  -0.091 -0.168]`;
 * - linear regression (notebook 001, cells 7–8): `print(dw); print(db)` then `print(w); print(b)`;
 * - a surface (notebook 002, cell 7): x, y, the loss z, gradient_x and gradient_y;
 * - the MLP: the loss, the gradient and the step, parameter by parameter.
 * Pure: no DOM.
 */
import type { MicroscopeEvent } from '../../../shared/messages';
import type { Scenario } from '../../../shared/scenario';
import { formatArray } from '../../views/numpy';

/** A float as Python's repr prints it: shortest round-trip digits, exponent below 1e-4 and from 1e16. */
export function pythonFloat(value: number | null): string {
  if (value === null || Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa, exponent] = value.toExponential().split('e');
  const e = Number(exponent);
  if (e < -4 || e >= 16) return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  const text = String(value);
  return text.includes('.') ? text : `${text}.0`;
}

const threshold = 64;

/** An integer array as numpy prints it: each element padded to the widest, `[ 0  5 11]`. */
export function intArray(values: ArrayLike<number>): string {
  const words = Array.from(values, String);
  const width = Math.max(0, ...words.map((w) => w.length));
  return `[${words.map((w) => w.padStart(width)).join(' ')}]`;
}
const print = (values: ArrayLike<number>, shape?: readonly number[]) => formatArray(values, shape, { threshold });

/** The lines for one step of the event's particle. */
export function logLines(event: MicroscopeEvent, scenario: Scenario): string[] {
  const v = event.vectors;
  const lines = (() => {
    switch (scenario.model.kind) {
      case 'neuron':
        return neuronLines(event);
      case 'linear':
        return linearLines(event, scenario.model.bias);
      case 'surface':
        return surfaceLines(event);
      case 'mlp':
        return [`Step ${event.step} | Epoch ${event.epoch} | Loss ${pythonFloat(event.loss)}`, `Gradient ${print(v.gradient)}`, `Step Δ ${print(v.delta)}`];
    }
  })();
  if (v.fullGradient)
    lines.push(
      `Batch of ${event.batch?.rows.length ?? '?'} of ${event.dataRows} rows | Batch gradient ${print(v.gradient)} | Full-data gradient ${print(v.fullGradient)}`,
    );
  if (event.stopped) lines.push(`(${event.stopped})`);
  return lines;
}

/** Notebook 000: the prediction of each row of the batch, its error, the weights after and the deltas. */
function neuronLines(event: MicroscopeEvent): string[] {
  const batch = event.batch;
  const v = event.vectors;
  if (!batch) return [`Epoch ${event.epoch} | Error ${pythonFloat(event.loss)}`, `Weights ${print(v.after)} | Weight Deltas ${print(v.gradient)}`];
  const { inputs, outputs } = batch;
  const rows = batch.rows.length;
  const predictions = new Float64Array(rows * outputs);
  const errors = new Float64Array(rows * outputs);
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < outputs; k++) {
      let p = 0;
      for (let j = 0; j < inputs; j++) p += v.params[k * inputs + j] * batch.x[r * inputs + j];
      predictions[r * outputs + k] = p;
      errors[r * outputs + k] = (p - batch.y[r * outputs + k]) ** 2;
    }
  }
  // One row, one output: scalars, as the notebook's X.dot(W); several outputs: arrays; several rows: matrices.
  const shape = rows === 1 ? [outputs] : [rows, outputs];
  const prediction = rows === 1 && outputs === 1 ? pythonFloat(predictions[0]) : print(predictions, shape);
  const error = rows === 1 && outputs === 1 ? pythonFloat(event.loss) : print(errors, shape);
  const weightShape = inputs > 1 && outputs > 1 ? [outputs, inputs] : [inputs * outputs];
  return [
    `Epoch ${event.epoch} | Prediction ${prediction} | Error ${error}`,
    `Weights ${print(v.after, weightShape)} | Weight Deltas ${print(v.gradient, weightShape)}`,
  ];
}

/** Notebook 001, cells 7–8: dw and db (a column and a scalar), then w and b after the step. */
function linearLines(event: MicroscopeEvent, bias: boolean): string[] {
  const v = event.vectors;
  const first = bias ? 1 : 0;
  const column = (values: Float64Array) => print(values.subarray(first), [values.length - first, 1]);
  const rows = event.batch ? ` | batch rows ${intArray(event.batch.rows)}` : '';
  const lines = [`Epoch ${event.epoch} | Step ${event.step}${rows} | Error ${pythonFloat(event.loss)}`, 'dw', column(v.gradient)];
  if (bias) lines.push(`db ${pythonFloat(v.gradient[0])}`);
  lines.push('w', column(v.after));
  if (bias) lines.push(`b ${pythonFloat(v.after[0])}`);
  return lines;
}

/** Notebook 002, cell 7: the point, its height and the two partial derivatives, then the new point. */
function surfaceLines(event: MicroscopeEvent): string[] {
  const v = event.vectors;
  const clipped = v.adjusted[0] !== v.gradient[0] || v.adjusted[1] !== v.gradient[1];
  const lines = [
    `Step ${event.step} | x ${pythonFloat(v.params[0])} | y ${pythonFloat(v.params[1])} | z ${pythonFloat(event.loss)}`,
    `gradient_x ${pythonFloat(v.gradient[0])} | gradient_y ${pythonFloat(v.gradient[1])}${clipped ? ` | clipped ${pythonFloat(v.adjusted[0])}, ${pythonFloat(v.adjusted[1])}` : ''}`,
    `x ${pythonFloat(v.after[0])} | y ${pythonFloat(v.after[1])}`,
  ];
  return lines;
}
