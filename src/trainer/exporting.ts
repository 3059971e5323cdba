/**
 * Trajectory exports (issue 5), written as a stream of bounded UTF-8 chunks so that a million particles
 * never sit in memory as one string. The export replays the scenario from its start, deterministically,
 * up to a target step: hot changes made during the live run are not replayed (the export is of the
 * scenario as it now stands; the live step count is only the target). Pure: no DOM, no worker API.
 *
 * Memory: the Descent itself, one full-data loss array (8 bytes per particle), one chunk buffer
 * (`chunkBytes`, 1 MiB by default) and one batch of rows as text (≈ 64 K characters). Budget, checked in
 * exporting.test.ts: < 150 MB of heap + array buffers above the Descent. Measured for a million
 * two-parameter particles, CSV, steps 0–2 (226 MB of text in 216 chunks; the Descent 49 MB): 18–31 MB
 * above the Descent (`npx vitest run src/trainer/exporting.test.ts -t million --execArgv=--expose-gc`).
 */
import { reasonNames, statusNames } from '../engine/descent';
import { createRun } from '../engine/experiments/race';
import type { Scenario } from '../shared/scenario';

export type ExportFormat = 'csv' | 'json';

export interface TrajectoryRequest {
  format: ExportFormat;
  /** Replay up to this step (fewer if the run ends first, as the live run would). */
  target: number;
  /** Record step 0, every `every`-th step, and the last step. */
  every: number;
  /** Particle indices in the order written, or null for all. */
  particles: number[] | null;
  /** Largest chunk in bytes (default 1 MiB). */
  chunkBytes?: number;
  /** Called after each step of the replay. */
  onProgress?: (step: number, target: number) => void;
}

/** Page → export worker: the export to make, then an `ack` for each chunk the page has taken. */
export type ExportCommand = { type: 'export'; scenario: Scenario; request: Omit<TrajectoryRequest, 'onProgress'> } | { type: 'ack' };

/** Chunks the worker may have posted and not yet seen taken (back-pressure for slow file writers). */
export const chunksInFlight = 8;

/** Export worker → page. */
export type ExportEvent =
  | { type: 'chunk'; bytes: Uint8Array }
  | { type: 'progress'; step: number; target: number }
  | { type: 'done' }
  | { type: 'error'; message: string };

export const defaultChunkBytes = 1 << 20;
/** Rows are gathered into text of about this many characters before encoding. */
const batchChars = 1 << 16;

/** Problems with the options of `exportTrajectories`, one line each naming the option; empty when fine. */
export function exportOptionProblems(options: { format?: unknown; every?: unknown; particles?: unknown }, count: number): string[] {
  const problems: string[] = [];
  if (options.format !== undefined && options.format !== 'csv' && options.format !== 'json') {
    problems.push(`format: must be "csv" or "json", not ${JSON.stringify(options.format) ?? String(options.format)}`);
  }
  const every = options.every;
  if (every !== undefined && !(typeof every === 'number' && Number.isInteger(every) && every >= 1)) {
    problems.push(`every: must be an integer ≥ 1, not ${String(every)}`);
  }
  const particles = options.particles;
  if (particles !== undefined) {
    if (!Array.isArray(particles)) problems.push('particles: must be an array of particle indices');
    else if (particles.length > count) problems.push(`particles: at most ${count} indices (the particle count), not ${particles.length}`);
    else {
      const seen = new Set<number>();
      for (const [k, i] of particles.entries()) {
        if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i >= count) {
          problems.push(`particles[${k}]: must be an integer from 0 to ${count - 1}, not ${String(i)}`);
          break;
        }
        if (seen.has(i)) {
          problems.push(`particles[${k}]: ${i} is listed twice`);
          break;
        }
        seen.add(i);
      }
    }
  }
  return problems;
}

/** Gathers UTF-8 into fixed-size buffers; full ones wait in `ready` for the generator to hand out. */
class ChunkWriter {
  readonly ready: Uint8Array[] = [];
  private buffer: Uint8Array;
  private used = 0;
  private readonly encoder = new TextEncoder();

  constructor(private readonly size: number) {
    if (!(size >= 16)) throw new Error(`chunkBytes: must be at least 16, not ${size}`);
    this.buffer = new Uint8Array(size);
  }

  write(text: string): void {
    for (;;) {
      const { read, written } = this.encoder.encodeInto(text, this.buffer.subarray(this.used));
      this.used += written;
      if (read === text.length) return;
      text = text.slice(read);
      this.flush();
    }
  }

  /** Moves the buffer (if anything is in it) to `ready` and starts a fresh one. */
  flush(): void {
    if (this.used === 0) return;
    this.ready.push(this.buffer.subarray(0, this.used));
    this.buffer = new Uint8Array(this.size);
    this.used = 0;
  }
}

const csvNumber = (v: number) => (Number.isFinite(v) ? String(v) : '');
const jsonNumber = (v: number) => (Number.isFinite(v) ? String(v) : 'null');

function csvText(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The trajectories as UTF-8 chunks. CSV: `step,epoch,particle,status,reason,loss,<paramNames…>`, one row
 * per particle per recorded step, an empty cell for a non-finite number or a running particle's reason.
 * JSON: `{name, paramNames, every, particles, steps: [{step, epoch, params, loss, status, reason}, …]}`,
 * non-finite numbers and a running particle's reason as null. The reason is CONTRACTS §5's.
 * The loss is the full-data loss at the recorded point.
 */
export async function* trajectoryChunks(scenario: Scenario, request: TrajectoryRequest): AsyncGenerator<Uint8Array, void, undefined> {
  const { format, target, every } = request;
  // A race replays as a race: each group with its own optimizer, particles numbered group by group.
  const descent = await createRun(scenario);
  const n = descent.n;
  const problems = exportOptionProblems({ format, every, particles: request.particles ?? undefined }, n);
  if (!Number.isInteger(target) || target < 0) problems.push(`target: must be an integer ≥ 0, not ${String(target)}`);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const chosen = request.particles;
  const m = chosen ? chosen.length : n;
  const at = (k: number) => (chosen ? chosen[k] : k);
  const names = descent.model.paramNames;
  const p = descent.paramCount;
  const writer = new ChunkWriter(request.chunkBytes ?? defaultChunkBytes);
  const losses = new Float64Array(n);
  let pending = '';
  /** Adds text, encoding once a batch has gathered. */
  const put = (text: string) => {
    pending += text;
    if (pending.length >= batchChars) {
      writer.write(pending);
      pending = '';
    }
  };

  if (format === 'csv') {
    put(['step', 'epoch', 'particle', 'status', 'reason', 'loss', ...names].map(csvText).join(',') + '\n');
  } else {
    put(`{"name":${JSON.stringify(scenario.name ?? '')},"paramNames":${JSON.stringify(names)},"every":${every},"particles":[`);
    for (let k = 0; k < m; k++) {
      put(k === 0 ? String(at(k)) : `,${at(k)}`);
      if (writer.ready.length > 0) yield* writer.ready.splice(0);
    }
    put('],"steps":[');
  }

  const params = descent.params;
  let records = 0;
  function* record(): Generator<Uint8Array> {
    descent.fullLoss(losses);
    const { step, epoch } = descent;
    if (format === 'csv') {
      for (let k = 0; k < m; k++) {
        const i = at(k);
        let row = `${step},${epoch},${i},${statusNames[descent.status[i]]},${reasonNames[descent.reason[i]] ?? ''},${csvNumber(losses[i])}`;
        for (let j = 0; j < p; j++) row += `,${csvNumber(params[j * n + i])}`;
        put(row + '\n');
        if (writer.ready.length > 0) yield* writer.ready.splice(0);
      }
    } else {
      put(`${records === 0 ? '' : ','}{"step":${step},"epoch":${epoch},"params":[`);
      for (let k = 0; k < m; k++) {
        const i = at(k);
        let cell = k === 0 ? '[' : ',[';
        for (let j = 0; j < p; j++) cell += (j === 0 ? '' : ',') + jsonNumber(params[j * n + i]);
        put(cell + ']');
        if (writer.ready.length > 0) yield* writer.ready.splice(0);
      }
      put('],"loss":[');
      for (let k = 0; k < m; k++) {
        put((k === 0 ? '' : ',') + jsonNumber(losses[at(k)]));
        if (writer.ready.length > 0) yield* writer.ready.splice(0);
      }
      put('],"status":[');
      for (let k = 0; k < m; k++) {
        put(`${k === 0 ? '' : ','}"${statusNames[descent.status[at(k)]]}"`);
        if (writer.ready.length > 0) yield* writer.ready.splice(0);
      }
      put('],"reason":[');
      for (let k = 0; k < m; k++) {
        const reason = reasonNames[descent.reason[at(k)]];
        put(`${k === 0 ? '' : ','}${reason === null ? 'null' : `"${reason}"`}`);
        if (writer.ready.length > 0) yield* writer.ready.splice(0);
      }
      put(']}');
    }
    records++;
  }

  yield* record();
  let recorded = 0;
  // The live trainer's rule for "done": no particle runs, or the scenario's epochs are complete.
  while (descent.step < target && descent.running > 0 && descent.epoch < scenario.epochs) {
    descent.advance();
    request.onProgress?.(descent.step, target);
    if (descent.step % every === 0) {
      yield* record();
      recorded = descent.step;
    }
  }
  if (recorded !== descent.step) yield* record();
  if (format === 'json') put(']}\n');
  writer.write(pending);
  writer.flush();
  yield* writer.ready.splice(0);
}

/** One point of the loss curve as the page saw it. */
export interface LossPoint {
  step: number;
  meanLoss: number | null;
  bestLoss: number | null;
}

/** The loss curve as text: CSV `step,meanLoss,bestLoss` (empty cells for none) or a JSON array. */
export function lossCurveText(points: readonly LossPoint[], format: ExportFormat): string {
  const num = (v: number | null) => (v !== null && Number.isFinite(v) ? String(v) : null);
  if (format === 'json') return `[${points.map((q) => `{"step":${q.step},"meanLoss":${num(q.meanLoss) ?? 'null'},"bestLoss":${num(q.bestLoss) ?? 'null'}}`).join(',')}]\n`;
  return `step,meanLoss,bestLoss\n${points.map((q) => `${q.step},${num(q.meanLoss) ?? ''},${num(q.bestLoss) ?? ''}`).join('\n')}${points.length ? '\n' : ''}`;
}
