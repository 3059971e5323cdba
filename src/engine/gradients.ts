/** Step 3 of CONTRACTS §1: frozen parameters get a zero gradient, then the gradient is clipped. */
import type { ClipSpec } from '../shared/scenario';

/** Zeroes the frozen parameters' gradients and clips the rest, for every running particle, in place. */
export function adjustGradients(g: Float64Array, n: number, paramCount: number, status: Uint8Array, freeze: readonly number[], clip: ClipSpec): void {
  for (const j of freeze) g.fill(0, j * n, (j + 1) * n);
  if (!clip) return;
  const c = clip.limit;
  if (clip.mode === 'value') {
    for (let q = 0; q < g.length; q++) if (status[q % n] === 1) g[q] = Math.min(Math.max(g[q], -c), c);
    return;
  }
  // norm: scale each particle's whole gradient by min(1, c/‖g‖); ‖g‖ = 0 leaves it as it is.
  for (let i = 0; i < n; i++) {
    if (status[i] !== 1) continue;
    let squares = 0;
    for (let j = 0; j < paramCount; j++) squares += g[j * n + i] * g[j * n + i];
    const norm = Math.sqrt(squares);
    if (norm === 0) continue;
    const scale = Math.min(1, c / norm);
    for (let j = 0; j < paramCount; j++) g[j * n + i] = g[j * n + i] * scale;
  }
}
