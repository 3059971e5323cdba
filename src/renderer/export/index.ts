/**
 * Trajectory and loss-curve exports (CONTRACTS §4: `exportTrajectories`; issue 5). A trajectory export
 * replays the scenario as it now stands from its start up to the lab's current step, in its own worker, so
 * the live run goes on undisturbed; hot changes made during the live run are not replayed. The chunks
 * become a Blob (gathered in slices that Chromium may keep on disk), or, from the buttons, go straight to a
 * file (../saving.ts: main's dialog in the desktop app, `showSaveFilePicker` where a browser has it).
 */
import { exportOptionProblems, lossCurveText, type ExportFormat } from '../../shared/export-messages';
import { element } from '../dom';
import type { MountContext } from '../mounts';
import { LabError } from '../replies';
import { chooseSaveTarget, download, saveBlob, type SaveTarget } from '../saving';
import { LossHistory } from './history';
import { startExport, type ExportJob, type ExportSink } from './runner';

export interface ExportOptions {
  format?: 'csv' | 'json';
  /** Every k-th step (1: every step). */
  every?: number;
  /** Particle indices, or all when absent. */
  particles?: number[];
}

/** The contract's part, as `window.descentLab` exposes it. */
export interface ExportApi {
  exportTrajectories(options?: ExportOptions): Promise<Blob>;
}

/** What the page gets: the contract's part and the loss curve (not in the contract). */
export interface ExportHandle extends ExportApi {
  /** The loss curve (mean and best loss per frame the page has seen) as CSV `step,meanLoss,bestLoss` or JSON. */
  exportLossCurve(format?: ExportFormat): Promise<Blob>;
}

const mimeTypes: Record<ExportFormat, string> = { csv: 'text/csv', json: 'application/json' };
/** Blob parts are merged into one Blob every this many bytes, so the page holds at most this much in arrays. */
const blobSlice = 16 << 20;

/** Gathers chunks into a Blob without holding them all as arrays. */
class BlobSink implements ExportSink {
  private blob = new Blob([]);
  private parts: Uint8Array<ArrayBuffer>[] = [];
  private pending = 0;

  constructor(private readonly type: string) {}

  write(bytes: Uint8Array): void {
    this.parts.push(bytes as Uint8Array<ArrayBuffer>);
    this.pending += bytes.byteLength;
    if (this.pending >= blobSlice) this.merge();
  }

  result(): Blob {
    this.merge();
    return this.blob;
  }

  private merge(): void {
    this.blob = new Blob([this.blob, ...this.parts], { type: this.type });
    this.parts = [];
    this.pending = 0;
  }
}

/** What the export needs from the lab, or a rejection naming the bad option. */
function prepare(context: MountContext, options: unknown) {
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
    throw new LabError('exportTrajectories: options must be an object such as { format: "csv", every: 10 }');
  }
  const o = (options ?? {}) as Record<string, unknown>;
  const unknown = Object.keys(o).filter((key) => !['format', 'every', 'particles'].includes(key));
  const state = context.lab.state();
  const problems = [...unknown.map((key) => `${key}: is not an option (format, every, particles)`), ...exportOptionProblems(o, state.summary.count)];
  if (problems.length > 0) throw new LabError('exportTrajectories: the options were refused', problems);
  if (!state.scenario) throw new LabError('exportTrajectories: nothing is loaded yet');
  const format = (o.format as ExportFormat | undefined) ?? 'csv';
  return {
    format,
    name: state.name || 'descent',
    command: {
      type: 'export' as const,
      scenario: state.scenario,
      request: { format, target: state.step, every: (o.every as number | undefined) ?? 1, particles: (o.particles as number[] | undefined) ?? null },
    },
  };
}

export function mountExport(context: MountContext): ExportHandle {
  const history = new LossHistory();
  context.lab.events.on('frame', (frame) => history.add(frame.step, frame.summary.meanLoss, frame.summary.bestLoss));

  async function exportTrajectories(options?: ExportOptions): Promise<Blob> {
    const { format, command } = prepare(context, options);
    const sink = new BlobSink(mimeTypes[format]);
    await startExport(command, sink).done;
    return sink.result();
  }

  async function exportLossCurve(format: ExportFormat = 'csv'): Promise<Blob> {
    if (format !== 'csv' && format !== 'json') throw new LabError(`exportLossCurve: format must be "csv" or "json", not ${String(format)}`);
    return new Blob([lossCurveText(history.all, format)], { type: mimeTypes[format] });
  }

  mountBar(context, exportLossCurve);
  return { exportTrajectories, exportLossCurve };
}

/** The small bar under the scene: format, every k steps, which particles, two buttons, progress and cancel. */
function mountBar(context: MountContext, exportLossCurve: ExportHandle['exportLossCurve']): void {
  const bar = element('div', undefined, 'export-bar');
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', 'Export');
  const format = element('select');
  format.setAttribute('aria-label', 'Export format');
  for (const value of ['csv', 'json']) format.append(new Option(value.toUpperCase(), value));
  const every = element('input');
  Object.assign(every, { type: 'number', min: '1', step: '1', value: '1', title: 'Record every k-th step' });
  every.setAttribute('aria-label', 'Every k steps');
  const particles = element('input');
  Object.assign(particles, { type: 'text', placeholder: 'all particles', title: 'Particle indices, e.g. 0, 5, 12 (empty: all)' });
  particles.setAttribute('aria-label', 'Particles to export');
  const trajectories = element('button', 'Export trajectories…');
  const curve = element('button', 'Export loss curve');
  const progress = element('progress');
  progress.hidden = true;
  const cancel = element('button', 'Cancel export');
  cancel.hidden = true;
  bar.append(element('span', 'Export', 'export-label'), format, element('label', 'every'), every, particles, trajectories, curve, progress, cancel);
  const scene = document.querySelector('figure.scene');
  if (scene) scene.after(bar);
  else document.getElementById('views')?.before(bar);

  let job: ExportJob | null = null;
  const fileName = (what: string, f: ExportFormat) => `${context.lab.state().name || 'descent'}-${what}.${f}`;

  trajectories.addEventListener('click', () => {
    void (async () => {
      const f = format.value as ExportFormat;
      const text = particles.value.trim();
      const options: ExportOptions = { format: f, every: Number(every.value) };
      if (text) options.particles = text.split(/[\s,]+/).map(Number);
      const prepared = prepare(context, options);
      const name = fileName('trajectories', f);
      const choice = await chooseSaveTarget(name, f);
      if (choice.kind === 'cancelled') return;
      const writable: SaveTarget | null = choice.kind === 'file' ? choice.target : null;
      const blob = writable ? null : new BlobSink(mimeTypes[f]);
      const sink: ExportSink = {
        write: (bytes) => (writable ? writable.write(bytes) : blob!.write(bytes)),
        progress: (step, target) => (progress.value = target > 0 ? step / target : 1),
      };
      progress.value = 0;
      progress.hidden = cancel.hidden = false;
      trajectories.disabled = true;
      job = startExport(prepared.command, sink);
      try {
        await job.done;
        if (writable) await writable.close();
        else download(blob!.result(), name);
        context.notices.show(`Exported ${writable?.name ?? name}`);
      } catch (error) {
        await writable?.abort().catch(() => {});
        throw error;
      } finally {
        job = null;
        progress.hidden = cancel.hidden = true;
        trajectories.disabled = false;
      }
    })().catch((error: unknown) => {
      if (error instanceof Error && error.message === 'export cancelled') context.notices.show('Export cancelled');
      else context.notices.showError(error);
    });
  });
  cancel.addEventListener('click', () => job?.cancel());
  curve.addEventListener('click', () => {
    const f = format.value as ExportFormat;
    exportLossCurve(f)
      .then((blob) => saveBlob(blob, fileName('loss-curve', f), f))
      .catch((error: unknown) => context.notices.showError(error));
  });
}
