/**
 * The trainer's side of the microscope: one particle's next step taken apart by the engine
 * (../engine/experiments/microscope.ts), turned into a `microscope` event: the vectors by name, the batch's
 * rows with their data (for the notebook-style log), and arrows in the view's plane. Arrows are the step's
 * vectors as moves: −lr·(gradient, clipped gradient, full-data gradient, velocity or Adam's m̂) and the step
 * Δp itself, so all share one unit; on a model of more than two parameters they are projected onto the
 * view's plane exactly like the particles are (least squares, ../engine/sampler.ts).
 */
import { datasetOf } from '../engine/build';
import type { Descent } from '../engine/descent';
import { decomposeStep } from '../engine/experiments/microscope';
import { projectParticles, type Plane } from '../engine/sampler';
import type { MicroscopeEvent } from '../shared/messages';

/** Rows of batch data sent with the event: enough for any notebook's log, bounded for a large data set. */
const maxBatchRows = 64;

const finiteOrNull = (value: number | null): number | null => (value !== null && Number.isFinite(value) ? value : null);

/**
 * The next step of particle `index`, taken apart, before the caller steps the descent. `ownAxes` says the
 * view shows a two-parameter model's own x and y (then no projection is needed).
 */
export function microscopeEvent(
  descent: Descent,
  index: number,
  plane: Plane | null,
  ownAxes: boolean,
  range: [[number, number], [number, number]] = [
    [-1, 1],
    [-1, 1],
  ],
): MicroscopeEvent {
  const part = decomposeStep(descent, index);
  // Copies with buffers of their own: what the event carries is the message's alone.
  const vectors: Record<string, Float64Array<ArrayBuffer>> = {};
  const named: [string, Float64Array | null | undefined][] = [
    ['params', part.params],
    ['gradient', part.gradient],
    ['fullGradient', part.fullGradient],
    ['adjusted', part.adjusted],
    ['delta', part.delta],
    ['after', part.after],
    ...Object.entries(part.stateAfter),
    // The state before the step too (vBefore, mBefore, sBefore): the microscope's formulas write b_{t−1}.
    ...Object.entries(part.stateBefore).map(([name, values]): [string, Float64Array] => [`${name}Before`, values as Float64Array]),
  ];
  for (const [name, values] of named) if (values) vectors[name] = Float64Array.from(values);

  let batch: MicroscopeEvent['batch'] = null;
  if (part.rows && part.rows.length <= maxBatchRows) {
    const data = datasetOf(descent.scenario);
    if (data) {
      const { inputs, outputs } = data;
      const x = new Float64Array(part.rows.length * inputs);
      const y = new Float64Array(part.rows.length * outputs);
      part.rows.forEach((row, k) => {
        x.set(data.x.subarray(row * inputs, (row + 1) * inputs), k * inputs);
        y.set(data.y.subarray(row * outputs, (row + 1) * outputs), k * outputs);
      });
      batch = { rows: Int32Array.from(part.rows), inputs, outputs, x, y };
    }
  }

  const moves: Record<string, Float64Array> = { gradient: scaled(part.gradient, -part.lr), adjusted: scaled(part.adjusted, -part.lr), step: part.delta };
  if (part.fullGradient) moves.fullGradient = scaled(part.fullGradient, -part.lr);
  const state = part.stateAfter;
  if (state.mHat) moves.moment = scaled(state.mHat, -part.lr);
  else if (state.v) moves.velocity = scaled(state.v, -part.lr);

  return {
    type: 'microscope',
    particle: part.particle,
    step: part.step,
    epoch: part.epoch,
    statusBefore: part.statusBefore,
    statusAfter: part.statusAfter,
    stopped: part.stopped,
    paramNames: [...part.paramNames],
    optimizer: part.optimizer.kind,
    lr: finiteOrNull(part.lr),
    clipScale: finiteOrNull(part.clipScale),
    corrections: part.corrections,
    loss: finiteOrNull(part.loss),
    fullLoss: finiteOrNull(part.fullLoss),
    dataRows: part.dataRows,
    batch,
    vectors,
    arrows: arrowsOf(part.params, moves, plane, ownAxes, range),
  };
}

function scaled(values: Float64Array, factor: number): Float64Array {
  return values.map((v) => v * factor);
}

/** The particle's place and each move in the view's plane; moves that are not finite are left out. */
function arrowsOf(
  params: Float64Array,
  moves: Record<string, Float64Array>,
  plane: Plane | null,
  ownAxes: boolean,
  range: [[number, number], [number, number]],
): MicroscopeEvent['arrows'] {
  const project = (point: Float64Array): [number, number] => {
    if (ownAxes || !plane) return [point[0], point[1]];
    const out = projectParticles(plane, point, 1, new Float64Array(2));
    return [out[0], out[1]];
  };
  const origin = project(params);
  if (!origin.every(Number.isFinite)) return null;
  const vectors: Record<string, [number, number]> = {};
  for (const [name, move] of Object.entries(moves)) {
    const end = project(params.map((p, j) => p + move[j]));
    const vector: [number, number] = [end[0] - origin[0], end[1] - origin[1]];
    if (vector.every(Number.isFinite)) vectors[name] = vector;
  }
  return { origin, projected: !ownAxes, vectors, range };
}
