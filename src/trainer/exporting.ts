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
import { defaultChunkBytes, exportOptionProblems, type TrajectoryRequest } from '../shared/export-messages';

export {
  chunksInFlight,
  defaultChunkBytes,
  exportOptionProblems,
  lossCurveText,
  type ExportCommand,
  type ExportEvent,
  type ExportFormat,
  type LossPoint,
  type TrajectoryRequest,
} from '../shared/export-messages';

/** Rows are gathered into text of about this many characters before encoding. */
const batchChars = 1 << 16;

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
