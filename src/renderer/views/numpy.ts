/**
 * Numbers written the way the notebooks' numpy prints them (numpy ≥ 1.14, default print options), so that
 * the inspector's lines read like the notebook's own output: `[ 0.1119   0.20091 -0.09832]`,
 * `[[0.52647369 0.47352631]]`. One format for the whole array: at most 8 fractional digits, trailing
 * zeros trimmed, decimal points aligned; scientific when a value is below 1e-4 or ≥ 1e8 or the values
 * span more than a factor 1000. Lines wrap at 75 characters; a large array is summarised with "...".
 */

const precision = 8;
const lineWidth = 75;
const edgeItems = 3;

/** How many elements an array may have before it is summarised (numpy's default is 1000). */
export interface NumpyOptions {
  threshold?: number;
}

interface Format {
  (value: number): string;
}

/** The shortest digits that read back as `value`, cut to `precision` fractional digits. */
function positional(value: number): string {
  let text = String(value);
  if (/e/i.test(text) || (text.split('.')[1]?.length ?? 0) > precision) text = value.toFixed(precision);
  if (!text.includes('.')) return `${text}.`;
  return text.replace(/0+$/, ''); // numpy's trim '.': "0.86000000" → "0.86", "1.0" → "1."
}

/** Mantissa and exponent digits of the shortest scientific form, cut to `precision` fractional digits. */
function scientific(value: number): { int: string; frac: string; exp: number } {
  let [mantissa, exp] = value.toExponential().split('e');
  if ((mantissa.split('.')[1]?.length ?? 0) > precision) {
    [mantissa, exp] = value.toExponential(precision).split('e');
    if (mantissa.includes('.')) mantissa = mantissa.replace(/0+$/, '');
  }
  const [int, frac = ''] = mantissa.split('.');
  return { int, frac, exp: Number(exp) };
}

function nonFinite(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  return value > 0 ? 'inf' : '-inf';
}

/** numpy's FloatingFormat: one formatter fitted to every value it will print. */
function fitFormat(values: readonly number[]): Format {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return nonFinite;
  const sizes = finite.map(Math.abs).filter((v) => v !== 0);
  const max = sizes.length ? Math.max(...sizes) : 0;
  const min = sizes.length ? Math.min(...sizes) : 0;
  const exponential = max >= 1e8 || (sizes.length > 0 && (min < 1e-4 || max / min > 1e3));
  let padLeft: number;
  let padRight: number;
  let body: (value: number) => string;
  if (exponential) {
    const parts = finite.map(scientific);
    const digits = Math.max(...parts.map((p) => p.frac.length));
    const expDigits = Math.max(2, ...parts.map((p) => String(Math.abs(p.exp)).length));
    padLeft = Math.max(...parts.map((p) => p.int.length));
    padRight = digits + 2 + expDigits; // digits, "e", sign, exponent
    body = (value) => {
      const [mantissa, exp] = value.toExponential(digits).split('e');
      const e = Number(exp);
      return `${digits === 0 ? `${mantissa}.` : mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(expDigits, '0')}`;
    };
  } else {
    const parts = finite.map((v) => positional(v).split('.'));
    padLeft = Math.max(...parts.map((p) => p[0].length));
    padRight = Math.max(...parts.map((p) => p[1].length));
    body = (value) => {
      const [int, frac] = positional(value).split('.');
      return `${int}.${frac.padEnd(padRight)}`;
    };
  }
  if (finite.length !== values.length) {
    // Room for "nan" and "-inf" left of the decimal point, as numpy makes it.
    const negativeInfinity = values.some((v) => v === -Infinity) ? 1 : 0;
    padLeft = Math.max(padLeft, 3 - (padRight + 1), 3 + negativeInfinity - (padRight + 1));
  }
  const width = padLeft + 1 + padRight;
  return (value) => {
    if (!Number.isFinite(value)) return nonFinite(value).padStart(width);
    const text = body(value);
    return ' '.repeat(Math.max(0, padLeft - text.indexOf('.'))) + text;
  };
}

/** The elements printed along one axis: all of them, or the first and last three around "...". */
function shownIndices(length: number, summarise: boolean): (number | null)[] {
  if (!summarise || length <= 2 * edgeItems) return Array.from({ length }, (_, i) => i);
  return [...Array.from({ length: edgeItems }, (_, i) => i), null, ...Array.from({ length: edgeItems }, (_, i) => length - edgeItems + i)];
}

/** One line of words between brackets, wrapped like numpy's `_formatArray` for the last axis. */
function formatLine(words: string[], indent: string): string {
  let out = '';
  let line = indent;
  words.forEach((word, i) => {
    const last = i === words.length - 1;
    // Room for one closing bracket per axis, as numpy leaves it.
    if (line.length + word.length > lineWidth - indent.length && line.length > indent.length) {
      out += `${line.trimEnd()}\n`;
      line = ' '.repeat(indent.length);
    }
    line += word;
    if (!last) line += ' ';
  });
  return out + line;
}

/**
 * An array as numpy prints it: a vector (`shape` [n], the default) or a matrix (`shape` [rows, cols],
 * row-major `values`).
 */
export function formatArray(values: ArrayLike<number>, shape: readonly number[] = [values.length], options: NumpyOptions = {}): string {
  const threshold = options.threshold ?? 1000;
  const summarise = values.length > threshold;
  if (shape.length === 1) {
    const idx = shownIndices(shape[0], summarise);
    const shown = idx.filter((i): i is number => i !== null).map((i) => values[i]);
    const format = fitFormat(shown);
    const words = idx.map((i) => (i === null ? '...' : format(values[i])));
    return `${formatLine(words, '[')}]`;
  }
  const [rows, cols] = shape;
  const rowIdx = shownIndices(rows, summarise);
  const colIdx = shownIndices(cols, summarise);
  const shown: number[] = [];
  for (const r of rowIdx) for (const c of colIdx) if (r !== null && c !== null) shown.push(values[r * cols + c]);
  const format = fitFormat(shown);
  const lines = rowIdx.map((r, k) => {
    if (r === null) return ' ...';
    const words = colIdx.map((c) => (c === null ? '...' : format(values[r * cols + c])));
    return `${formatLine(words, k === 0 ? '[[' : ' [')}]`;
  });
  return `${lines.join('\n')}]`;
}

/** One number in the same format (a scalar of the notebook's arrays: `0.86`, `0.0196`). */
export function formatScalar(value: number): string {
  return fitFormat([value])(value).trim();
}
