/**
 * A thread's side of a landscape's grid (./landscape-rows.ts): the model built once per landscape, then the
 * rows asked for, computed by the engine's GridRows (the same bytes as the trainer's own job).
 */
import { buildModel, datasetOf } from '../../engine/build';
import { GridRows } from '../../engine/experiments/landscape';
import type { LandscapeFromThread, LandscapeToThread } from './landscape-messages';

/** A handler of one thread's landscape messages, answered one at a time in order (./serve.ts queues them). */
export function landscapeServer(): (message: LandscapeToThread) => Promise<LandscapeFromThread> {
  let rows: GridRows | null = null;
  return async (message) => {
    if (message.type === 'landscape') {
      rows = null; // a model that fails to build leaves no older landscape's rows to answer with
      rows = new GridRows(await buildModel(message.scenario, datasetOf(message.scenario)), message.plane);
      return { type: 'landscape-ready' };
    }
    if (!rows) throw new Error('landscape rows ordered before a landscape was built');
    return { type: 'landscape-rows', from: message.from, loss: rows.rows(message.from, message.to) };
  };
}
