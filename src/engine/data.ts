/**
 * Data sets as flat row-major typed arrays, built from a scenario's `data`: inline rows, a generator or a
 * data set shipped in ./datasets/. A held-out share (`data.test`) becomes the `test` part.
 */
import type { DataSpec } from '../shared/scenario';
import type { InlineOrGenerated } from '../shared/spec';
export { dataShape, type InlineOrGenerated } from '../shared/spec';
import { generate } from './datasets/generators';
import { digits } from './datasets/digits';
import { iris } from './datasets/iris';
import { holdOut } from './datasets/split';
import { Random, Stream } from './random';
import type { Dataset } from './dataset';
export type { Dataset } from './dataset';

export function buildDataset(spec: InlineOrGenerated, seed: number): Dataset {
  if ('dataset' in spec) return holdOut(spec.dataset === 'digits' ? digits() : iris(), spec.test, new Random(seed, Stream.data));
  if ('generate' in spec) {
    if (spec.generate === 'line') return generateLine(spec, seed);
    // One stream: the rows' draws first, then the shuffle that picks the held-out rows.
    const random = new Random(seed, Stream.data);
    const { rows, x, y, outputs, classes } = generate(spec.generate, spec.n, spec.noise, random);
    return holdOut({ rows, inputs: 2, outputs, x, y, ...(classes && { classes }) }, spec.test, random);
  }
  const rows = spec.x.length;
  const inputs = spec.x[0]?.length ?? 0;
  const yRows = spec.y.map((v) => (Array.isArray(v) ? v : [v]));
  const outputs = yRows[0]?.length ?? 0;
  const names = spec.names ? { names: spec.names } : {};
  return { rows, inputs, outputs, x: Float64Array.from(spec.x.flat()), y: Float64Array.from(yRows.flat()), ...names };
}

/** y = slope·x + intercept + noise·N(0,1): x evenly spaced from xmin to xmax inclusive (notebook 002). */
function generateLine(spec: Extract<DataSpec, { generate: 'line' }>, seed: number): Dataset {
  const { n, xmin, xmax, slope, intercept, noise } = spec;
  const random = new Random(seed, Stream.data);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = xmin + ((xmax - xmin) * i) / (n - 1);
    y[i] = slope * x[i] + intercept + noise * random.normal();
  }
  return { rows: n, inputs: 1, outputs: 1, x, y };
}
