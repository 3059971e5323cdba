/** Axis ticks at "nice" numbers (1, 2 or 5 times a power of ten), and their labels. Pure. */
import { heightOf, type HeightScale } from './heights';

/** About `count` tick values inside [min, max], at a step of 1, 2 or 5 × 10^k. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(Number.isFinite(min) && Number.isFinite(max)) || !(max > min)) return [];
  const { mantissa, power } = niceStepParts((max - min) / Math.max(1, count));
  const step = mantissa * Math.pow(10, power);
  const first = Math.ceil(min / step - 1e-9);
  const last = Math.floor(max / step + 1e-9);
  const out: number[] = [];
  // An integer times the mantissa, divided by an exact power of ten: 3·2/10 is 0.6, where 3·0.2 is not.
  for (let k = first; k <= last; k++) {
    const value = power < 0 ? (k * mantissa) / Math.pow(10, -power) : k * mantissa * Math.pow(10, power);
    out.push(value === 0 ? 0 : value);
  }
  return out;
}

/** The nice step nearest a raw step (on a log scale, as d3's ticks choose it). */
export function niceStep(raw: number): number {
  const { mantissa, power } = niceStepParts(raw);
  return mantissa * Math.pow(10, power);
}

function niceStepParts(raw: number): { mantissa: number; power: number } {
  const power = Math.floor(Math.log10(raw));
  const f = raw / Math.pow(10, power);
  if (f >= Math.sqrt(50)) return { mantissa: 1, power: power + 1 };
  return { mantissa: f >= Math.sqrt(10) ? 5 : f >= Math.SQRT2 ? 2 : 1, power };
}

/** A tick label: short, and without float noise ("0.3", "-2", "1e+4", "2.5e-5"). */
export function formatTick(value: number): string {
  if (value === 0) return '0';
  const size = Math.abs(value);
  if (size >= 1e4 || size < 1e-3) return value.toExponential(1).replace('.0e', 'e');
  return String(Number(value.toPrecision(4)));
}

/** Loss values to mark on the loss axis: decades on a log scale, nice numbers on a linear one, none crowding another. */
export function lossTicks(scale: HeightScale): number[] {
  if (!scale.log) return niceTicks(scale.min, scale.max, 4).filter((loss) => heightOf(scale, loss) >= 0.1);
  const out: number[] = [];
  const top = Math.floor(Math.log10(scale.max));
  for (let k = top; k >= top - 8; k--) {
    const loss = Math.pow(10, k);
    const h = heightOf(scale, loss);
    // The floor's corner holds the last value of b: leave it room.
    if (h < 0.1) break;
    if (out.length === 0 || heightOf(scale, out[out.length - 1]) - h > 0.12) out.push(loss);
  }
  return out.reverse();
}
