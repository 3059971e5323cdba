/**
 * Reads the numeric columns a scenario's `{"csv": …, "x": [...], "y": [...]}` names. RFC 4180 quoting
 * (quoted fields, doubled quotes, line breaks inside quotes, CRLF) is handled; the first non-blank line is
 * the header; blank lines are skipped. Every problem is reported with its line (as a text editor counts
 * them) and column, as the scenario validator reports fields. Shared by the command line, the desktop app
 * (a scenario's CSV beside its file) and the page (Files › Open CSV): pure, no file access.
 */
import { limits } from './limits';
import type { Scenario } from './scenario';
import { validateScenario, type Validation } from './validate';

export interface CsvColumns {
  x: number[][];
  y: number[][];
}

export type CsvResult = { ok: true; data: CsvColumns } | { ok: false; problems: string[] };

/** One row of fields and the line it starts on (1-based; a quoted line break makes a row span lines). */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/** A CSV file may be four times a scenario file (the command line's and the desktop's `data.csv`, the page's Open CSV). */
export const maxCsvBytes = 4 * limits.maxScenarioBytes;

/** Splits CSV text into rows of fields with their line numbers; rows whose fields are all blank are left out. */
export function parseCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    row.push(field);
    if (row.some((f) => f.trim() !== '')) records.push({ fields: row, line: rowLine });
    row = [];
    field = '';
  };
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (quoted) {
      if (c === '"' && text[k + 1] === '"') (field += '"'), k++;
      else if (c === '"') quoted = false;
      else {
        // A line break inside quotes is part of the field, but still a line of the file.
        if (c === '\n' || (c === '\r' && text[k + 1] !== '\n')) line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[k + 1] === '\n') k++;
      endRow();
      line++;
      rowLine = line;
    } else field += c;
  }
  if (field !== '' || row.length) endRow();
  return records;
}

/** Splits CSV text into rows of fields (blank rows left out). */
export function parseCsv(text: string): string[][] {
  return parseCsvRecords(text).map((r) => r.fields);
}

/** The named columns as rows of numbers, or one problem per bad header or cell (at most 20). */
export function csvColumns(text: string, file: string, xNames: string[], yNames: string[]): CsvResult {
  const [header, ...body] = parseCsvRecords(text);
  const problems: string[] = [];
  if (!header) return { ok: false, problems: [`data.csv: ${file} is empty`] };
  const names = header.fields.map((h) => h.trim());
  const index = (name: string, path: string) => {
    const at = names.indexOf(name);
    if (at < 0) problems.push(`${path}: ${file} has no column "${name}" (it has ${names.map((n) => `"${n}"`).join(', ')})`);
    return at;
  };
  const xs = xNames.map((name, k) => index(name, `data.x[${k}]`));
  const ys = yNames.map((name, k) => index(name, `data.y[${k}]`));
  if (problems.length) return { ok: false, problems };
  if (body.length === 0) return { ok: false, problems: [`data.csv: ${file} has a header but no rows`] };
  const cell = (record: CsvRecord, at: number) => {
    const raw = (record.fields[at] ?? '').trim();
    const value = raw === '' ? NaN : Number(raw);
    if (!Number.isFinite(value)) problems.push(`data.csv: ${file} line ${record.line}, column "${names[at]}": ${JSON.stringify(raw)} is not a finite number`);
    return value;
  };
  const x = body.map((record) => xs.map((at) => cell(record, at)));
  const y = body.map((record) => ys.map((at) => cell(record, at)));
  return problems.length ? { ok: false, problems: problems.slice(0, 20) } : { ok: true, data: { x, y } };
}

/** A scenario's CSV source (`data.csv`, relative to the scenario file), or null when its data is not a CSV file. */
export function csvSourceOf(scenario: Scenario): { csv: string; x: string[]; y: string[] } | null {
  const data = scenario.data;
  return data && 'csv' in data ? data : null;
}

/** Why a CSV file of `bytes` bytes is refused before it is read, or null when it fits. */
export function csvFileSizeProblem(name: string, bytes: number): string | null {
  return bytes > maxCsvBytes ? `data.csv: ${name} is ${bytes} bytes; the limit is ${maxCsvBytes}` : null;
}

/**
 * A scenario with a CSV source, its named columns read from `text` (the file the host found beside the
 * scenario) and validated again: the shapes can only be checked once the rows are in.
 */
export function withCsvData(scenario: Scenario, text: string): Validation {
  const source = csvSourceOf(scenario);
  if (!source) return { ok: true, scenario };
  const columns = csvColumns(text, source.csv, source.x, source.y);
  if (!columns.ok) return columns;
  return validateScenario({ ...scenario, data: columns.data });
}
