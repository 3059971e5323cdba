/** How the readouts write numbers: never "NaN", and a form `Number()` reads back (tests parse them). */

/** A loss: 4 significant digits, exponent form outside [0.001, 100000); "—" when there is none. */
export function formatLoss(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const size = Math.abs(value);
  return size >= 1e-3 && size < 1e5 ? String(Number(value.toPrecision(4))) : value.toExponential(3);
}
