/**
 * A worker's side of a pool of experiment workers (../engine/parallel/cell-pool.ts, the contract in
 * ../shared/cell-messages.ts): the first message is the job's command, which the job prepares (validates,
 * plans, builds its model once); then each `cell` request is answered with that cell's value. Every failure
 * is a message, never a throw, so the pool always hears how the worker's part ended.
 */
import type { z } from 'zod';
import type { CellReply, CellRequest } from '../shared/cell-messages';

/** A prepared job: how many cells, what the pool needs to put the result together, and one cell's work. */
export interface CellJob<C, V> {
  total: number;
  context: C;
  run(k: number): V;
  /** Buffers of a value to transfer rather than copy. */
  transfer?(value: V): ArrayBuffer[];
}

export type Prepared<C, V> = { ok: true; job: CellJob<C, V> } | { ok: false; message: string; problems: string[] };

export type Post = (reply: CellReply, transfer?: ArrayBuffer[]) => void;

/** A refusal of a job's request, one line a field. */
export function refused(message: string, problems: string[]): { ok: false; message: string; problems: string[] } {
  return { ok: false, message, problems };
}

/** The command checked against its schema, or the refusal that names each wrong field. */
export function parseCommand<T>(schema: z.ZodType<T>, message: unknown, what: string): { ok: true; command: T } | ReturnType<typeof refused> {
  const parsed = schema.safeParse(message);
  if (parsed.success) return { ok: true, command: parsed.data };
  return refused(
    `the ${what} request is malformed`,
    parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`),
  );
}

/**
 * The handler of a worker's messages for one job: `prepare` takes the command, `what` names the job in the
 * message of a cell that throws ("the sweep cannot be computed").
 */
export function serveCells<C, V>(what: string, prepare: (command: unknown) => Promise<Prepared<C, V>>, post: Post): (message: unknown) => Promise<void> {
  let prepared: Promise<CellJob<C, V> | null> | null = null;
  const failed = (error: unknown) => post({ type: 'error', message: `the ${what} cannot be computed`, problems: [(error as Error).message] });
  const start = async (command: unknown): Promise<CellJob<C, V> | null> => {
    try {
      const outcome = await prepare(command);
      if (!outcome.ok) {
        post({ type: 'error', message: outcome.message, problems: outcome.problems });
        return null;
      }
      post({ type: 'ready', total: outcome.job.total, context: outcome.job.context });
      return outcome.job;
    } catch (error) {
      failed(error);
      return null;
    }
  };
  return async (message) => {
    if (prepared === null) {
      prepared = start(message);
      return void (await prepared);
    }
    const job = await prepared;
    if (!job) return;
    const { k } = message as CellRequest;
    try {
      const value = job.run(k);
      post({ type: 'cell', k, value }, job.transfer?.(value) ?? []);
    } catch (error) {
      failed(error);
    }
  };
}

/** The worker global's part a job's worker uses, typed by hand (see ./worker.ts for why). */
interface WorkerScope {
  postMessage(message: CellReply, transfer: ArrayBuffer[]): void;
  onmessage: ((event: { data: unknown }) => void) | null;
}

/** Serves one job in this Web Worker until the page terminates it. */
export function serveWorkerCells<C, V>(what: string, prepare: (command: unknown) => Promise<Prepared<C, V>>): void {
  const scope = globalThis as unknown as WorkerScope;
  const handle = serveCells(what, prepare, (reply, transfer = []) => scope.postMessage(reply, transfer));
  scope.onmessage = (event) => void handle(event.data);
}
