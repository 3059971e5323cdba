/** Data sets as flat row-major typed arrays, built from a scenario's `data` (inline rows or a generator). */
import type { DataSpec } from '../shared/scenario';
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

/** A CSV data spec must be read into inline rows by the host (desktop or command line) first. */
export type InlineOrGenerated = Exclude<DataSpec, { csv: string }>;

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

/** Rows and widths a data spec will have, without building it (for validation). */
export function dataShape(spec: InlineOrGenerated): { rows: number; inputs: number; outputs: number } {
  if ('generate' in spec) return { rows: spec.n, inputs: 1, outputs: 1 };
  const first = spec.y[0];
  return { rows: spec.x.length, inputs: spec.x[0]?.length ?? 0, outputs: Array.isArray(first) ? first.length : 1 };
}
