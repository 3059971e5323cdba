import { describe, expect, it } from 'vitest';
import { csvColumns, detectSeparator, parseCsv, parseCsvRecords, withCsvData } from './csv';
import { validateScenario } from './validate';
import type { Scenario } from './scenario';

describe('parseCsvRecords', () => {
  it('numbers each row by the line it starts on, skipping blank lines', () => {
    expect(parseCsvRecords('a,b\n1,2\n\n3,x')).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', '2'], line: 2 },
      { fields: ['3', 'x'], line: 4 },
    ]);
    // Lines of blanks and commas only are blank rows too.
    expect(parseCsvRecords('\n  \na\n,\n2\n').map((r) => r.line)).toEqual([3, 5]);
  });

  it('reads CRLF and lone CR line ends as one line break each', () => {
    expect(parseCsvRecords('a,b\r\n1,2\r\n\r\n3,4\r\n')).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', '2'], line: 2 },
      { fields: ['3', '4'], line: 4 },
    ]);
    expect(parseCsvRecords('a\r1\r\r2').map((r) => [r.fields[0], r.line])).toEqual([
      ['a', 1],
      ['1', 2],
      ['2', 4],
    ]);
  });

  it('reads RFC 4180 quoting: commas, doubled quotes and line breaks inside quotes', () => {
    expect(parseCsv('"a,b","say ""hi""",c\n"1\n2",3,""\n')).toEqual([
      ['a,b', 'say "hi"', 'c'],
      ['1\n2', '3', ''],
    ]);
    // A row after a quoted line break starts a line later than its predecessor's first line + 1.
    expect(parseCsvRecords('h\n"x\r\ny"\nz').map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('keeps the last row without a final line break, and an empty last field', () => {
    expect(parseCsv('a,b\n1,')).toEqual([
      ['a', 'b'],
      ['1', ''],
    ]);
  });
});

describe('separators (CONTRACTS §10: commas, semicolons or tabs, detected)', () => {
  it('takes the separator the header uses most, a comma when it uses none', () => {
    expect(detectSeparator('x;y\n1;2\n')).toBe(';');
    expect(detectSeparator('x\ty\n1\t2\n')).toBe('\t');
    expect(detectSeparator('x,y\n1,2\n')).toBe(',');
    expect(detectSeparator('x\n1\n')).toBe(',');
    // A tie goes to the comma; the header decides even when rows hold decimal commas.
    expect(detectSeparator('a,b;c\n')).toBe(',');
    expect(detectSeparator('size;price\n1,5;2,25\n3,5;4\n')).toBe(';');
  });

  it('skips blank lines (and lines of separators only) before the header', () => {
    expect(detectSeparator('\n,,,\n a;b;c\n1,2,3')).toBe(';');
  });

  it('does not count separators inside quotes, in the header or in the rows', () => {
    expect(detectSeparator('"a,b,c";"d"\n')).toBe(';');
    expect(detectSeparator('"x;1\ty;2",z\n')).toBe(',');
    expect(parseCsv('"size, m²";"rooms\tn";price\n"1,5";"2;3";4\n')).toEqual([
      ['size, m²', 'rooms\tn', 'price'],
      ['1,5', '2;3', '4'],
    ]);
    expect(parseCsv('a\t"b,c;d"\n1\t"2\t3"\n')).toEqual([
      ['a', 'b,c;d'],
      ['1', '2\t3'],
    ]);
  });

  it('reads a semicolon file as its columns, not one column "x;y" (issue 22)', () => {
    expect(csvColumns('x;y\n1;2\n3;4\n', 'd.csv', ['x'], ['y'])).toEqual({ ok: true, data: { x: [[1], [3]], y: [[2], [4]] } });
    expect(csvColumns('x\ty\r\n1\t2\r\n', 'd.csv', ['x'], ['y'])).toEqual({ ok: true, data: { x: [[1]], y: [[2]] } });
  });
});

describe('csvColumns', () => {
  it('reports a bad cell on its own line, counting blank lines (issue 15)', () => {
    expect(csvColumns('a,b\n1,2\n\n3,x', 'd.csv', ['a'], ['b'])).toEqual({
      ok: false,
      problems: ['data.csv: d.csv line 4, column "b": "x" is not a finite number'],
    });
  });

  it('reads the named columns in their order, trimming header and cells', () => {
    expect(csvColumns(' y ,"x1",x2\r\n 1 ,2,3\r\n4,5,6\r\n', 'd.csv', ['x2', 'x1'], ['y'])).toEqual({
      ok: true,
      data: {
        x: [
          [3, 2],
          [6, 5],
        ],
        y: [[1], [4]],
      },
    });
  });

  it('names a missing column, an empty file and a header without rows', () => {
    expect(csvColumns('a,b\n1,2', 'd.csv', ['c'], ['b'])).toEqual({ ok: false, problems: ['data.x[0]: d.csv has no column "c" (it has "a", "b")'] });
    expect(csvColumns('\n\n', 'd.csv', ['a'], ['b'])).toEqual({ ok: false, problems: ['data.csv: d.csv is empty'] });
    expect(csvColumns('a,b\n\n', 'd.csv', ['a'], ['b'])).toEqual({ ok: false, problems: ['data.csv: d.csv has a header but no rows'] });
  });

  it('reports an empty cell and a short row as not a number', () => {
    expect(csvColumns('a,b\n1,\n2', 'd.csv', ['a'], ['b'])).toEqual({
      ok: false,
      problems: ['data.csv: d.csv line 2, column "b": "" is not a finite number', 'data.csv: d.csv line 3, column "b": "" is not a finite number'],
    });
  });
});

describe('withCsvData', () => {
  const scenario = (data: unknown): Scenario => {
    const v = validateScenario({
      version: 1,
      model: { kind: 'linear', bias: true },
      data,
      init: { dist: 'gaussian', mean: [0, 0], std: 1, count: 3 },
      optimizer: { kind: 'gd', alpha: 0.1 },
      epochs: 5,
    });
    if (!v.ok) throw new Error(v.problems.join('\n'));
    return v.scenario;
  };

  it('puts the named columns in place of the CSV source, keeping their names, and validates the result', () => {
    const result = withCsvData(scenario({ csv: 'd.csv', x: ['a'], y: ['b'] }), 'a,b\n1,2\n3,4\n');
    expect(result.ok && result.scenario.data).toEqual({ x: [[1], [3]], y: [[2], [4]], names: { x: ['a'], y: ['b'] } });
  });

  it('keeps data.scale (CONTRACTS §10)', () => {
    const result = withCsvData(scenario({ csv: 'd.csv', x: ['a'], y: ['b'], scale: 'standard' }), 'a;b\n1;2\n3;4\n');
    expect(result.ok && result.scenario.data).toEqual({ x: [[1], [3]], y: [[2], [4]], names: { x: ['a'], y: ['b'] }, scale: 'standard' });
  });

  it('reports the shapes the rows break (one feature here, so two parameters, not three)', () => {
    const result = withCsvData(scenario({ csv: 'd.csv', x: ['a', 'c'], y: ['b'] }), 'a,b,c\n1,2,5\n3,4,6\n');
    expect(result.ok).toBe(false);
  });
});
