/**
 * Bring your own data (issue 5), the DOM-free part: a CSV file's size check, its columns and which of them
 * hold numbers, the default choice of features and target, and the linear-regression scenario built from
 * the chosen columns and validated like any scenario file. Tested in node (csv-data.test.ts).
 */
import { csvColumns, maxCsvBytes, parseCsv } from '../../shared/csv';
import { limits } from '../../shared/limits';
import type { Scenario } from '../../shared/scenario';
import { validateScenario } from '../../shared/validate';
import { formatBytes } from './naming';

export { maxCsvBytes };

export const defaultAlpha = 0.01;

export function isCsvName(name: string): boolean {
  return /\.csv$/i.test(name);
}

/** `houses.csv` → `houses`; a name that would be empty → `data`. */
export function csvBaseName(name: string): string {
  return name.replace(/\.csv$/i, '').trim() || 'data';
}

/** Refuses a CSV file by its size before it is read, or null when it fits. */
export function csvSizeProblem(bytes: number): string | null {
  if (bytes <= maxCsvBytes) return null;
  return `(csv): the file is ${formatBytes(bytes)}; the limit for a CSV file is ${formatBytes(maxCsvBytes)} (${maxCsvBytes} bytes)`;
}

export interface CsvTable {
  /** The header's column names, trimmed, in order. */
  columns: string[];
  /** Whether every cell of the column (below the header) is a finite number. */
  numeric: boolean[];
  rows: number;
}

/** The header and which columns hold numbers; problems when there is no header or no row. */
export function csvTable(text: string, file: string): { ok: true; table: CsvTable } | { ok: false; problems: string[] } {
  const [header, ...body] = parseCsv(text);
  if (!header) return { ok: false, problems: [`data.csv: ${file} is empty`] };
  if (body.length === 0) return { ok: false, problems: [`data.csv: ${file} has a header but no rows`] };
  const columns = header.map((h) => h.trim());
  const numeric = columns.map((_, at) =>
    body.every((row) => {
      const raw = (row[at] ?? '').trim();
      return raw !== '' && Number.isFinite(Number(raw));
    }),
  );
  return { ok: true, table: { columns, numeric, rows: body.length } };
}

/** All numeric columns but the last as features, the last as target; with fewer than two, the columns themselves. */
export function defaultChoice(table: CsvTable): { x: string[]; y: string } {
  const numbers = table.columns.filter((_, k) => table.numeric[k]);
  const pool = numbers.length >= 2 ? numbers : table.columns;
  if (pool.length < 2) return { x: [], y: pool[0] ?? '' };
  return { x: pool.slice(0, -1), y: pool[pool.length - 1] };
}

/** Columns in their own units (size in m², price in thousands) make a loss whose stable α is tiny; scaled, they fit at the default α. */
export const defaultScale = true;

/**
 * The linear-regression scenario over the given data: params [b, w·col…] named by the columns, a
 * gaussian cloud about zero, the features standardised when `scale` (CONTRACTS §10 `data.scale`).
 */
export function linearScenario(
  name: string,
  data: { x: number[][]; y: number[][]; names?: { x: string[]; y: string[] } },
  alpha: number,
  scale = false,
): unknown {
  const p = data.x[0]?.length ?? 0;
  return {
    version: 1,
    name,
    model: { kind: 'linear', bias: true },
    data: { ...data, ...(scale ? { scale: 'standard' } : {}) },
    init: { dist: 'gaussian', mean: new Array<number>(p + 1).fill(0), std: 1, count: 100 },
    optimizer: { kind: 'gd', alpha },
    batch: { size: null },
    epochs: 1000,
    tolerance: 1e-9,
  };
}

export type CsvScenarioResult = { ok: true; scenario: Scenario } | { ok: false; problems: string[] };

/** The chosen columns read (line/column problems), then the scenario built and validated; the columns' names go with the rows. */
export function csvScenario(text: string, file: string, x: string[], y: string, alpha: number, scale = false): CsvScenarioResult {
  const problems: string[] = [];
  if (x.length === 0) problems.push('data.x: choose at least one feature column');
  if (!y) problems.push('data.y: choose a target column');
  else if (x.includes(y)) problems.push(`data.y: "${y}" is the target, so it cannot also be a feature`);
  if (x.length > limits.maxFeatures) problems.push(`data.x: ${x.length} features; the limit is ${limits.maxFeatures}`);
  if (problems.length) return { ok: false, problems };
  const read = csvColumns(text, file, x, [y]);
  if (!read.ok) return read;
  if (read.data.x.length > limits.maxRows) return { ok: false, problems: [`data.x: ${read.data.x.length} rows; the limit is ${limits.maxRows}`] };
  const validation = validateScenario(linearScenario(csvBaseName(file), { ...read.data, names: { x, y: [y] } }, alpha, scale));
  return validation.ok ? { ok: true, scenario: validation.scenario } : { ok: false, problems: validation.problems };
}
