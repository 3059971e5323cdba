/**
 * Reads the numeric columns a scenario's `{"csv": …, "x": [...], "y": [...]}` names. RFC 4180 quoting
 * (quoted fields, doubled quotes, CRLF) is handled; the first line is the header. Every problem is
 * reported with its line and column, as the scenario validator reports fields.
 */
export interface CsvColumns {
  x: number[][];
  y: number[][];
}

export type CsvResult = { ok: true; data: CsvColumns } | { ok: false; problems: string[] };

/** Splits CSV text into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (quoted) {
      if (c === '"' && text[k + 1] === '"') (field += '"'), k++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[k + 1] === '\n') k++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** The named columns as rows of numbers, or one problem per bad header or cell. */
export function csvColumns(text: string, file: string, xNames: string[], yNames: string[]): CsvResult {
  const [header, ...body] = parseCsv(text);
  const problems: string[] = [];
  if (!header) return { ok: false, problems: [`data.csv: ${file} is empty`] };
  const names = header.map((h) => h.trim());
  const index = (name: string, path: string) => {
    const at = names.indexOf(name);
    if (at < 0) problems.push(`${path}: ${file} has no column "${name}" (it has ${names.map((n) => `"${n}"`).join(', ')})`);
    return at;
  };
  const xs = xNames.map((name, k) => index(name, `data.x[${k}]`));
  const ys = yNames.map((name, k) => index(name, `data.y[${k}]`));
  if (problems.length) return { ok: false, problems };
  if (body.length === 0) return { ok: false, problems: [`data.csv: ${file} has a header but no rows`] };
  const cell = (row: string[], line: number, at: number) => {
    const raw = (row[at] ?? '').trim();
    const value = raw === '' ? NaN : Number(raw);
    if (!Number.isFinite(value)) problems.push(`data.csv: ${file} line ${line}, column "${names[at]}": ${JSON.stringify(raw)} is not a finite number`);
    return value;
  };
  const x = body.map((row, r) => xs.map((at) => cell(row, r + 2, at)));
  const y = body.map((row, r) => ys.map((at) => cell(row, r + 2, at)));
  return problems.length ? { ok: false, problems: problems.slice(0, 20) } : { ok: true, data: { x, y } };
}
