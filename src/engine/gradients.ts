/** Step 3 of CONTRACTS §1: frozen parameters get a zero gradient, then the gradient is clipped. */
import type { ClipSpec } from '../shared/scenario';

/**
 * Zeroes the frozen parameters' gradients and clips the rest, for every running particle from ≤ i < to
 * (the whole cloud by default), in place. `status` null says every particle of the range runs.
 */
export function adjustGradients(
  g: Float64Array,
  n: number,
  paramCount: number,
  status: Uint8Array | null,
  freeze: readonly number[],
  clip: ClipSpec,
  from = 0,
  to = n,
): void {
  for (const j of freeze) g.fill(0, j * n + from, j * n + to);
  if (!clip) return;
  const c = clip.limit;
  if (clip.mode === 'value') {
    for (let j = 0, q0 = 0; j < paramCount; j++, q0 += n) {
      for (let i = from, q = q0 + from; i < to; i++, q++) if (status === null || status[i] === 1) g[q] = Math.min(Math.max(g[q], -c), c);
    }
    return;
  }
  // norm: scale each particle's whole gradient by min(1, c/‖g‖); ‖g‖ = 0 leaves it as it is.
  for (let i = from; i < to; i++) {
    if (status !== null && status[i] !== 1) continue;
    let squares = 0;
    for (let j = 0; j < paramCount; j++) squares += g[j * n + i] * g[j * n + i];
    const norm = Math.sqrt(squares);
    if (norm === 0) continue;
    const scale = Math.min(1, c / norm);
    for (let j = 0; j < paramCount; j++) g[j * n + i] = g[j * n + i] * scale;
  }
}
