/**
 * Contour lines of the surface, pure. Marching squares, with each square split into the mesh's own two
 * triangles (./grid.ts) and each triangle marched on its own: a segment then lies in a face of the mesh
 * (no line cutting under a folded cell), and a triangle has no ambiguous case to resolve.
 */

/** n levels evenly spaced in normalised height, at the middle of n equal bands: (k + ½)/n. */
export function contourLevels(n: number): Float32Array {
  const out = new Float32Array(n);
  for (let k = 0; k < n; k++) out[k] = (k + 0.5) / n;
  return out;
}

/**
 * The segments where the grid's piecewise-linear surface crosses each level: six numbers per segment,
 * (u0, v0, level, u1, v1, level), in fractional grid coordinates (u along a, v along b). Heights that are
 * not finite leave their triangles out.
 */
export function contourSegments(heights: ArrayLike<number>, res: number, levels: ArrayLike<number>): Float32Array {
  const out: number[] = [];
  for (let ib = 0; ib < res - 1; ib++) {
    for (let ia = 0; ia < res - 1; ia++) {
      const p00 = ib * res + ia;
      const h00 = heights[p00];
      const h10 = heights[p00 + 1];
      const h01 = heights[p00 + res];
      const h11 = heights[p00 + res + 1];
      triangle(out, levels, ia, ib, h00, ia + 1, ib, h10, ia, ib + 1, h01);
      triangle(out, levels, ia + 1, ib + 1, h11, ia, ib + 1, h01, ia + 1, ib, h10);
    }
  }
  return Float32Array.from(out);
}

/** Marches one triangle through every level. */
function triangle(
  out: number[],
  levels: ArrayLike<number>,
  ua: number,
  va: number,
  ha: number,
  ub: number,
  vb: number,
  hb: number,
  uc: number,
  vc: number,
  hc: number,
): void {
  if (!(Number.isFinite(ha) && Number.isFinite(hb) && Number.isFinite(hc))) return;
  const lo = Math.min(ha, hb, hc);
  const hi = Math.max(ha, hb, hc);
  for (let k = 0; k < levels.length; k++) {
    const level = levels[k];
    if (level < lo || level >= hi) continue;
    // Exactly two edges join a vertex below the level to one at or above it.
    const found = crossing(out, level, ua, va, ha, ub, vb, hb) + crossing(out, level, ub, vb, hb, uc, vc, hc);
    if (found < 2) crossing(out, level, uc, vc, hc, ua, va, ha);
  }
}

/** Pushes the point where an edge crosses the level, if it does; returns 1 if it did. */
function crossing(out: number[], level: number, u0: number, v0: number, h0: number, u1: number, v1: number, h1: number): number {
  if (h0 < level === h1 < level) return 0;
  const f = (level - h0) / (h1 - h0);
  out.push(u0 + f * (u1 - u0), v0 + f * (v1 - v0), level);
  return 1;
}
