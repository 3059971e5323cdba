import { describe, expect, it } from 'vitest';
import { csvBaseName, csvScenario, csvSizeProblem, csvTable, defaultChoice, defaultScale, isCsvName, linearScenario, maxCsvBytes } from './csv-data';

// price = 1 + 2·size + 1·rooms exactly.
const houses = 'size,rooms,price\n1,2,5\n2,1,6\n3,3,10\n4,2,11\n';

describe('csv-data', () => {
  it('names and sizes', () => {
    expect(isCsvName('a.CSV')).toBe(true);
    expect(isCsvName('a.json')).toBe(false);
    expect(csvBaseName('houses.csv')).toBe('houses');
    expect(csvBaseName('.csv')).toBe('data');
    expect(maxCsvBytes).toBe(32 * 1024 * 1024);
    expect(csvSizeProblem(maxCsvBytes)).toBeNull();
    expect(csvSizeProblem(maxCsvBytes + 1)).toContain('the limit for a CSV file is 32 MiB');
  });

  it('finds the numeric columns and chooses all but the last as features', () => {
    const r = csvTable('id,name,size,price\n1,a,2,3\n2,b,4,5\n', 'f.csv');
    expect(r.ok && r.table).toEqual({ columns: ['id', 'name', 'size', 'price'], numeric: [true, false, true, true], rows: 2 });
    if (r.ok) expect(defaultChoice(r.table)).toEqual({ x: ['id', 'size'], y: 'price' });
    expect(csvTable('', 'e.csv')).toEqual({ ok: false, problems: ['data.csv: e.csv is empty'] });
    expect(csvTable('a,b\n', 'h.csv')).toEqual({ ok: false, problems: ['data.csv: h.csv has a header but no rows'] });
  });

  it('builds a valid linear scenario from the chosen columns', () => {
    const r = csvScenario(houses, 'houses.csv', ['size', 'rooms'], 'price', 0.01);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.name).toBe('houses');
    expect(r.scenario.data).toEqual({
      x: [
        [1, 2],
        [2, 1],
        [3, 3],
        [4, 2],
      ],
      y: [[5], [6], [10], [11]],
      names: { x: ['size', 'rooms'], y: ['price'] },
    });
    expect(r.scenario.init).toMatchObject({ dist: 'gaussian', mean: [0, 0, 0], std: 1, count: 100 });
    expect(r.scenario.optimizer).toMatchObject({ kind: 'gd', alpha: 0.01 });
    expect(linearScenario('n', { x: [[1]], y: [[2]] }, 0.1)).toMatchObject({
      model: { kind: 'linear', bias: true },
      epochs: 1000,
      tolerance: 1e-9,
      batch: { size: null },
    });
  });

  it('scales the features when asked (data.scale, CONTRACTS §10), the default in the dialog (issue 22)', () => {
    expect(defaultScale).toBe(true);
    const scaled = csvScenario(houses, 'houses.csv', ['size'], 'price', 0.01, true);
    expect(scaled.ok && scaled.scenario.data).toMatchObject({ scale: 'standard', names: { x: ['size'], y: ['price'] } });
    const plain = csvScenario(houses, 'houses.csv', ['size'], 'price', 0.01);
    expect(plain.ok && plain.scenario.data && 'scale' in plain.scenario.data).toBe(false);
  });

  it('reads a semicolon-separated file as its columns (issue 22)', () => {
    const r = csvTable('size;rooms;price\n1;2;5\n2;1;6\n', 'semi.csv');
    expect(r.ok && r.table.columns).toEqual(['size', 'rooms', 'price']);
    const built = csvScenario('size;rooms;price\n1;2;5\n2;1;6\n', 'semi.csv', ['size', 'rooms'], 'price', 0.01);
    expect(built.ok && built.scenario.data).toMatchObject({
      x: [
        [1, 2],
        [2, 1],
      ],
      y: [[5], [6]],
    });
  });

  it('reports bad cells by line and column, bad choices and a bad learning rate', () => {
    const bad = csvScenario('size,price\n1,2\nx,3\n', 'bad.csv', ['size'], 'price', 0.01);
    expect(bad).toEqual({ ok: false, problems: ['data.csv: bad.csv line 3, column "size": "x" is not a finite number'] });
    expect(csvScenario(houses, 'h.csv', [], 'price', 0.01)).toEqual({ ok: false, problems: ['data.x: choose at least one feature column'] });
    expect(csvScenario(houses, 'h.csv', ['price'], 'price', 0.01).ok).toBe(false);
    const alpha = csvScenario(houses, 'h.csv', ['size'], 'price', -1);
    expect(!alpha.ok && alpha.problems.some((p) => p.startsWith('optimizer.alpha'))).toBe(true);
  });
});
