/**
 * The basins map's colours: a qualitative palette for a few minima (Okabe and Ito's, readable with every
 * common colour-vision deficiency), golden-angle hues for many (Rastrigin's lattice), a dark red for
 * diverged starts and a grey for starts that had not settled.
 */
import { divergedLabel } from '../../../shared/basins-messages';

export type Rgb = [number, number, number];

const few: Rgb[] = [
  [230, 159, 0],
  [86, 180, 233],
  [0, 158, 115],
  [204, 121, 167],
  [240, 228, 66],
  [0, 114, 178],
  [213, 94, 0],
  [170, 170, 255],
];
export const divergedColour: Rgb = [110, 20, 30];
export const unsettledColour: Rgb = [70, 74, 80];

/** The colour of label `label` on a map of `minima` minima. */
export function labelColour(label: number, minima: number): Rgb {
  if (label === divergedLabel) return divergedColour;
  if (label < 0) return unsettledColour;
  if (minima <= few.length) return few[label];
  return hsl((label * 137.508) % 360, 0.65, 0.5 + 0.12 * ((label % 3) - 1));
}

export function css([r, g, b]: Rgb): string {
  return `rgb(${r}, ${g}, ${b})`;
}

function hsl(h: number, s: number, l: number): Rgb {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}
