/**
 * The contract between a pool of experiment workers and each worker (issue 17): a job's independent cells
 * (a stability map's cells, a basins map's rows of starts, a tuning's trials) shared out over workers. The
 * pool (src/engine/parallel/cell-pool.ts) posts the job's command to every worker, then one `cell` request
 * at a time; a worker (src/trainer/cells.ts) answers the command with `ready` (how many cells, and what the
 * pool needs to put the result together) and each request with its cell's value, or with an `error`.
 */

/** The pool's request for cell k, after the job's command. */
export interface CellRequest {
  type: 'cell';
  k: number;
}

/** A worker's answers. */
export type CellReply<C = unknown, V = unknown> =
  { type: 'ready'; total: number; context: C } | { type: 'cell'; k: number; value: V } | { type: 'error'; message: string; problems: string[] };
