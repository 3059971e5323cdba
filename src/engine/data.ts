/** Data sets as flat row-major typed arrays, built from a scenario's `data` (inline rows or a generator). */
import type { DataSpec } from '../shared/scenario';
import type { InlineOrGenerated } from '../shared/spec';
export { dataShape, type InlineOrGenerated } from '../shared/spec';
import { Random, Stream } from './random';

export interface Dataset {
  readonly rows: number;
  /** Features per row. */
  readonly inputs: number;
  /** Targets per row. */
  readonly outputs: number;
  /** rows × inputs, row-major. */
  readonly x: Float64Array;
  /** rows × outputs, row-major. */
  readonly y: Float64Array;
}


export function buildDataset(spec: InlineOrGenerated, seed: number): Dataset {
  if ('generate' in spec) return generateLine(spec, seed);
  const rows = spec.x.length;
  const inputs = spec.x[0]?.length ?? 0;
  const yRows = spec.y.map((v) => (Array.isArray(v) ? v : [v]));
  const outputs = yRows[0]?.length ?? 0;
  return { rows, inputs, outputs, x: Float64Array.from(spec.x.flat()), y: Float64Array.from(yRows.flat()) };
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

