/**
 * The surface's triangulation, in one place so that the mesh, its contour lines and the particles agree on
 * it: a res × res grid, vertex (ia, ib) at index ib·res + ia (the trainer's layout), each cell split along
 * the diagonal from (ia+1, ib) to (ia, ib+1). Pure: no three.js, no DOM.
 */

/** Triangle vertex indices, two triangles per cell, counter-clockwise seen from +height with b pointing away. */
export function gridIndices(res: number): Uint32Array {
  const cells = (res - 1) * (res - 1);
  const out = new Uint32Array(cells * 6);
  let k = 0;
  for (let ib = 0; ib < res - 1; ib++) {
    for (let ia = 0; ia < res - 1; ia++) {
      const p00 = ib * res + ia;
      const p10 = p00 + 1;
      const p01 = p00 + res;
      const p11 = p01 + 1;
      out[k++] = p00;
      out[k++] = p10;
      out[k++] = p01;
      out[k++] = p11;
      out[k++] = p01;
      out[k++] = p10;
    }
  }
  return out;
}

/**
 * The grid's piecewise-linear height at fractional grid coordinates (u along a, v along b), clamped to the
 * grid: exactly the height of the mesh triangle above that point.
 */
export function heightOnGrid(heights: ArrayLike<number>, res: number, u: number, v: number): number {
  const max = res - 1;
  const uc = u < 0 ? 0 : u > max ? max : u;
  const vc = v < 0 ? 0 : v > max ? max : v;
  const ia = Math.min(max - 1, Math.floor(uc));
  const ib = Math.min(max - 1, Math.floor(vc));
  const s = uc - ia;
  const t = vc - ib;
  const p00 = ib * res + ia;
  const h10 = heights[p00 + 1];
  const h01 = heights[p00 + res];
  if (s + t <= 1) {
    const h00 = heights[p00];
    return h00 + s * (h10 - h00) + t * (h01 - h00);
  }
  const h11 = heights[p00 + res + 1];
  return h11 + (1 - s) * (h01 - h11) + (1 - t) * (h10 - h11);
}
