/**
 * The About dialog's line on threads. Workers may share memory only in a cross-origin isolated page (COOP and
 * COEP headers, docs/install.md), so the line says whether this page is, for whoever hosts the web build; in
 * one that is, how many threads step the cloud now (the trainer's `threads` event) and the panel's setting.
 */

/** What the trainer says of its threads (the `threads` event, CONTRACTS §7). */
export interface ThreadsInUse {
  used: number;
  allowed: number;
  cores: number;
  /** False once a thread failed: the trainer then steps on its own. */
  shared: boolean;
}

export function threadsLine(isolated: boolean, cores: number, inUse: ThreadsInUse | null = null): string {
  // The trainer's word first: the desktop's trainer has threads of its own (worker threads) whatever the page is.
  if (!inUse?.shared) {
    if (!isolated) return 'Threads: 1 (this page is not cross-origin isolated: its host sends no COOP and COEP headers, so its workers cannot share memory).';
    if (inUse) return 'Threads: 1 (a thread of the trainer failed: it steps on its own until the page is reloaded).';
  }
  const allowed = inUse?.allowed ?? cores;
  const setting = allowed === cores ? `${cores} (every core)` : `${allowed} of ${cores} ${cores === 1 ? 'core' : 'cores'}`;
  if (!inUse) return `Threads: ${setting}.`;
  const why = inUse.used < allowed ? ' (each thread steps 16,384 particles at least, and a race steps on one)' : '';
  return `Threads: ${setting}; ${inUse.used} in use${why}.`;
}
