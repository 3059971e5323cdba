/**
 * The trajectory export's contract (issue 5): what the page asks the export worker
 * (src/trainer/export-worker.ts) and what it answers, the checks of the export's options, and the loss
 * curve as text (made on the page). The streaming export itself is src/trainer/exporting.ts.
 */
import type { Scenario } from './scenario';

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
  { type: 'chunk'; bytes: Uint8Array } | { type: 'progress'; step: number; target: number } | { type: 'done' } | { type: 'error'; message: string };

export const defaultChunkBytes = 1 << 20;

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

/** One point of the loss curve as the page saw it. */
export interface LossPoint {
  step: number;
  meanLoss: number | null;
  bestLoss: number | null;
}

/** The loss curve as text: CSV `step,meanLoss,bestLoss` (empty cells for none) or a JSON array. */
export function lossCurveText(points: readonly LossPoint[], format: ExportFormat): string {
  const num = (v: number | null) => (v !== null && Number.isFinite(v) ? String(v) : null);
  if (format === 'json')
    return `[${points.map((q) => `{"step":${q.step},"meanLoss":${num(q.meanLoss) ?? 'null'},"bestLoss":${num(q.bestLoss) ?? 'null'}}`).join(',')}]\n`;
  return `step,meanLoss,bestLoss\n${points.map((q) => `${q.step},${num(q.meanLoss) ?? ''},${num(q.bestLoss) ?? ''}`).join('\n')}${points.length ? '\n' : ''}`;
}
