/**
 * How the panel shows and reads numbers: the log-scale slider's mapping, short forms for display, and
 * vectors typed as comma-separated lists. Pure: tested in node.
 */

/** `value` rounded to `digits` significant digits (0.12345 → 0.123); zero and non-finite values pass through. */
export function roundSignificant(value: number, digits: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  return Number(value.toPrecision(digits));
}

/** A log-scale slider: the slider holds log10(value), clamped to its range. */
export interface LogScale {
  /** log10 of the smallest and largest value the slider reaches. */
  min: number;
  max: number;
  /** Significant digits kept when the slider writes a value (so a drag gives 0.0316, not 0.031622776…). */
  digits: number;
  /** Whole numbers only (particle counts, epochs, steps per frame). */
  integer?: boolean;
}

/** The slider position of a value: log10, clamped to the slider's range (a value ≤ 0 sits at the left end). */
export function toSlider(value: number, scale: LogScale): number {
  const position = value > 0 ? Math.log10(value) : scale.min;
  return Math.min(scale.max, Math.max(scale.min, position));
}

/** The value at a slider position: 10^position, rounded to the scale's significant digits (or to an integer). */
export function fromSlider(position: number, scale: LogScale): number {
  const value = roundSignificant(Math.pow(10, position), scale.digits);
  return scale.integer ? Math.max(1, Math.round(value)) : value;
}

/** A number for a text field: the shortest form that reads back the same, at most 6 significant digits. */
export function formatNumber(value: number): string {
  return String(roundSignificant(value, 6));
}

/** A vector as "1, 2.5, -3"; one number when every component is the same and `collapse` is set. */
export function formatVector(values: readonly number[], collapse = false): string {
  if (collapse && values.length > 0 && values.every((v) => v === values[0])) return formatNumber(values[0]);
  return values.map(formatNumber).join(', ');
}

/** Numbers typed as "1, 2.5 -3" (commas and/or spaces); null when any part is not a finite number or nothing was typed. */
export function parseVector(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter((part) => part !== '');
  if (parts.length === 0) return null;
  const values = parts.map(Number);
  return values.every(Number.isFinite) ? values : null;
}

/** One number typed in a field; null when it does not read as a finite number. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}
