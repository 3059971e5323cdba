/** Trajectory and loss-curve exports (CONTRACTS §4: `exportTrajectories`). */
import type { MountContext } from '../mounts';

export interface ExportOptions {
  format?: 'csv' | 'json';
  /** Every k-th step (1: every step). */
  every?: number;
  /** Particle indices, or all when absent. */
  particles?: number[];
}

export interface ExportApi {
  exportTrajectories(options?: ExportOptions): Promise<Blob>;
}

export function mountExport(_context: MountContext): ExportApi {
  return { exportTrajectories: () => Promise.reject(new Error('not available yet')) };
}
