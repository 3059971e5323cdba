/**
 * The decision boundary's picture (./DecisionBoundary.ts) as plain numbers: the grid of input points the
 * network is asked about, and the colour of each cell from its outputs: the colour of the class with the
 * largest output, as saturated as the network is sure (grey where every class is as likely, the full colour
 * where one has probability 1).
 */
import { classOf } from '../../engine/metrics';

export type Range2 = [[number, number], [number, number]];

/** Class colours as RGB: orange, blue, green, then purple and teal for more classes. */
export const classColours: readonly (readonly [number, number, number])[] = [
  [232, 125, 78],
  [84, 156, 230],
  [112, 190, 110],
  [178, 140, 230],
  [80, 190, 180],
];
const grey = [96, 102, 110] as const;

/**
 * The centres of a cells × cells grid over `range`, row-major from the top row (largest x₂) down, as rows of
 * two inputs: what the network predicts for, cell by cell.
 */
export function gridInputs(range: Range2, cells: number): Float64Array {
  const [[x0, x1], [y0, y1]] = range;
  const out = new Float64Array(2 * cells * cells);
  for (let row = 0; row < cells; row++) {
    const y = y1 - ((row + 0.5) / cells) * (y1 - y0);
    for (let col = 0; col < cells; col++) {
      out[2 * (row * cells + col)] = x0 + ((col + 0.5) / cells) * (x1 - x0);
      out[2 * (row * cells + col) + 1] = y;
    }
  }
  return out;
}

/**
 * RGBA pixels of the cells from the network's outputs (cells² rows × k): the class's colour mixed with grey by
 * how sure the network is, (p − 1/K)/(1 − 1/K) for the largest output p of K classes (one sigmoid output: the
 * probability of its class, p or 1 − p, of 2). A cell with no class (NaN outputs) is grey.
 */
export function boundaryPixels(outputs: ArrayLike<number>, count: number, k: number, into = new Uint8ClampedArray(4 * count)): Uint8ClampedArray {
  const classes = Math.max(2, k);
  for (let i = 0; i < count; i++) {
    const c = classOf(outputs, i, k);
    const p = c < 0 ? 0 : k === 1 ? (c === 1 ? outputs[i] : 1 - outputs[i]) : outputs[i * k + c];
    const sure = c < 0 ? 0 : Math.min(1, Math.max(0, (p - 1 / classes) / (1 - 1 / classes)));
    const colour = c < 0 ? grey : classColours[c % classColours.length];
    for (let j = 0; j < 3; j++) into[4 * i + j] = Math.round(grey[j] + sure * (colour[j] - grey[j]));
    into[4 * i + 3] = 255;
  }
  return into;
}

/** The view's range: the data's bounding box (training and held-out rows) with 8 % of its size around it. */
export function dataRange(sets: readonly { x: Float64Array; rows: number }[]): Range2 {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const s of sets) {
    for (let r = 0; r < s.rows; r++) {
      const [a, b] = [s.x[2 * r], s.x[2 * r + 1]];
      if (Number.isFinite(a)) [x0, x1] = [Math.min(x0, a), Math.max(x1, a)];
      if (Number.isFinite(b)) [y0, y1] = [Math.min(y0, b), Math.max(y1, b)];
    }
  }
  const pad = (lo: number, hi: number): [number, number] => {
    if (!(lo <= hi)) return [-1, 1];
    const m = hi > lo ? 0.08 * (hi - lo) : 1;
    return [lo - m, hi + m];
  };
  return [pad(x0, x1), pad(y0, y1)];
}
