/**
 * The trainer and its threads, for a landscape's grid (./landscape-rows.ts, ./serve-landscape.ts): a thread
 * builds the model once over the job's plane, then computes the row ranges it is given. Part of ./messages.ts.
 */
import type { LandscapePlane } from '../../engine/experiments/landscape';
import type { Scenario } from '../../shared/scenario';

export type LandscapeToThread =
  /** Build the scenario's model (its data too) and compute rows of this plane's grid from now on. */
  | { type: 'landscape'; scenario: Scenario; plane: LandscapePlane }
  /** Rows [from, to) of the grid. */
  | { type: 'landscape-rows'; from: number; to: number };

/** `loss`: the (to − from)·grid losses of the rows asked for, row `from` first. */
export type LandscapeFromThread = { type: 'landscape-ready' } | { type: 'landscape-rows'; from: number; loss: Float64Array };

export const isLandscapeMessage = (message: { type: string }): message is LandscapeToThread =>
  message.type === 'landscape' || message.type === 'landscape-rows';
