/**
 * Reads the numeric columns a scenario's `{"csv": …, "x": [...], "y": [...]}` names. RFC 4180 quoting
 * (quoted fields, doubled quotes, line breaks inside quotes, CRLF) is handled; the first non-blank line is
 * the header; blank lines are skipped. Fields are separated by commas, semicolons or tabs, whichever the
 * header uses most (CONTRACTS §10). Every problem is reported with its line (as a text editor counts
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

/** The separators a CSV file may use (CONTRACTS §10), the first winning a tie. */
export const csvSeparators = [',', ';', '\t'] as const;
export type CsvSeparator = (typeof csvSeparators)[number];

/**
 * The separator of CSV text: the one its first non-blank line holds most often outside quotes (a quoted
 * header name may contain the others), a comma when it holds none. The header decides, as a spreadsheet's
 * import does, because data rows may hold decimal commas ("1,5;2") where the header holds none.
 */
export function detectSeparator(text: string): CsvSeparator {
  const counts = new Map<string, number>(csvSeparators.map((s) => [s, 0]));
  let quoted = false;
  let seen = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (quoted) {
      if (c === '"') quoted = false; // a doubled quote reopens at once: same count either way
    } else if (c === '"') {
      quoted = true;
      seen = true;
    } else if (c === '\n' || c === '\r') {
      if (seen) break;
      for (const s of csvSeparators) counts.set(s, 0); // a line of blanks and separators is a blank row
    } else if (counts.has(c)) counts.set(c, counts.get(c)! + 1);
    else if (c.trim() !== '') seen = true;
  }
  let best: CsvSeparator = ',';
  for (const s of csvSeparators) if (counts.get(s)! > counts.get(best)!) best = s;
  return best;
}

/**
 * Splits CSV text into rows of fields with their line numbers; rows whose fields are all blank are left out.
 * The separator is detected from the header unless given.
 */
export function parseCsvRecords(text: string, separator: CsvSeparator = detectSeparator(text)): CsvRecord[] {
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
      if (c === '"' && text[k + 1] === '"') {
        field += '"';
        k++;
      } else if (c === '"') quoted = false;
      else {
        // A line break inside quotes is part of the field, but still a line of the file.
        if (c === '\n' || (c === '\r' && text[k + 1] !== '\n')) line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
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
export function csvSourceOf(scenario: Scenario): { csv: string; x: string[]; y: string[]; scale?: 'none' | 'standard' } | null {
  const data = scenario.data;
  return data && 'csv' in data ? data : null;
}

/** Why a CSV file of `bytes` bytes is refused before it is read, or null when it fits. */
export function csvFileSizeProblem(name: string, bytes: number): string | null {
  return bytes > maxCsvBytes ? `data.csv: ${name} is ${bytes} bytes; the limit is ${maxCsvBytes}` : null;
}

/**
 * A scenario with a CSV source, its named columns read from `text` (the file the host found beside the
 * scenario) and validated again: the shapes can only be checked once the rows are in. The header's names
 * stay with the rows (`data.names`, so the parameters are named by the columns), and so does `scale`.
 */
export function withCsvData(scenario: Scenario, text: string): Validation {
  const source = csvSourceOf(scenario);
  if (!source) return { ok: true, scenario };
  const columns = csvColumns(text, source.csv, source.x, source.y);
  if (!columns.ok) return columns;
  const scale = source.scale ? { scale: source.scale } : {};
  return validateScenario({ ...scenario, data: { ...columns.data, names: { x: source.x, y: source.y }, ...scale } });
}
