/** Axis ticks for the data view: round numbers (1, 2 or 5 × 10ᵏ apart) and labels as short as they can be. */

/** About `count` round values covering [min, max] (inside it), and the step between them. */
export function niceTicks(min: number, max: number, count = 5): { ticks: number[]; step: number } {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max <= min) return { ticks: Number.isFinite(min) ? [min] : [], step: 0 };
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  const step = (unit < 1.5 ? 1 : unit < 3.5 ? 2 : unit < 7.5 ? 5 : 10) * power;
  const ticks: number[] = [];
  const first = Math.ceil(min / step - 1e-9);
  const last = Math.floor(max / step + 1e-9);
  for (let k = first; k <= last; k++) ticks.push(k * step === 0 ? 0 : k * step);
  return { ticks, step };
}

/** A tick label: no more decimals than the step needs, no float noise ("0.30000000000000004" → "0.3"). */
export function tickLabel(value: number, step: number): string {
  if (value === 0) return '0';
  const size = Math.abs(value);
  if (size >= 1e6 || size < 1e-4) return axisLabel(value);
  const decimals = step > 0 ? Math.max(0, -Math.floor(Math.log10(step) + 1e-9)) : 6;
  return value.toFixed(Math.min(decimals, 10)).replace(/-/g, '−');
}

/** [min, max] widened by `margin` of its span on each side (and made non-empty). */
export function padRange(min: number, max: number, margin = 0.06): [number, number] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (max === min) return [min - (Math.abs(min) || 1) * 0.5, max + (Math.abs(max) || 1) * 0.5];
  const pad = (max - min) * margin;
  return [min - pad, max + pad];
}

/** An axis label: 4 significant digits, or a short exponent form ("1e−5", "−7.5e10"), true minus signs, outside [0.001, 100000). */
export function axisLabel(value: number): string {
  if (value === 0) return '0';
  const size = Math.abs(value);
  const text =
    size >= 1e-3 && size < 1e5
      ? String(Number(value.toPrecision(4)))
      : value
          .toExponential(3)
          .replace(/\.?0+e/, 'e')
          .replace('e+', 'e');
  return text.replace(/-/g, '−');
}
