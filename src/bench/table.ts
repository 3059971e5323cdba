/** Tables for people: numbers rounded for reading, columns aligned for a terminal, or Markdown for the README. */
import type { SectionResult } from './section';

/** Thousands grouped from 1,000 up; three significant digits below (ratios, milliseconds, megabytes). */
export function formatCell(value: string | number): string {
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  if (Number.isInteger(value)) return String(value);
  return Number(value.toPrecision(3)).toString();
}

const numeric = (value: string | number) => typeof value === 'number';

/** Columns padded to their widest cell: numbers to the right, text to the left. */
export function formatTable(result: SectionResult): string {
  const cells = [result.columns, ...result.rows.map((row) => row.map(formatCell))];
  const widths = result.columns.map((_, c) => Math.max(...cells.map((row) => (row[c] ?? '').length)));
  const line = (row: string[], raw?: (string | number)[]) =>
    row
      .map((cell, c) => (raw && numeric(raw[c]) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  const out = [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  ')];
  result.rows.forEach((raw, r) => out.push(line(cells[r + 1], raw)));
  for (const note of result.notes ?? []) out.push(`  ${note}`);
  return out.join('\n');
}

/** The same table in Markdown (numbers right-aligned), notes as a list under it. */
export function markdownTable(result: SectionResult): string {
  const align = result.columns.map((_, c) => (result.rows.some((row) => numeric(row[c])) ? '---:' : '---'));
  const out = [`| ${result.columns.join(' | ')} |`, `|${align.join('|')}|`];
  for (const row of result.rows) out.push(`| ${row.map(formatCell).join(' | ')} |`);
  if (result.notes?.length) out.push('', ...result.notes.map((note) => `- ${note}`));
  return out.join('\n');
}
