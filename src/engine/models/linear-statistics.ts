/**
 * The sufficient statistics of linear regression over a set of rows, centred on their means (see
 * ./linear.ts for the formulas and why centred): m, x̄, ȳ, S = Σ(x−x̄)(x−x̄)ᵀ, s = Σ(x−x̄)(y−ȳ), syy = Σ(y−ȳ)².
 * Two passes over the rows (the means, then the centred sums), O(m·p²), no allocation after construction.
 */
export class LinearStatistics {
  m = 0;
  meanY = 0;
  syy = 0;
  readonly meanX: Float64Array;
  /** p × p, row-major, symmetric. */
  readonly S: Float64Array;
  readonly s: Float64Array;
  private readonly centred: Float64Array;

  constructor(readonly p: number) {
    this.meanX = new Float64Array(p);
    this.S = new Float64Array(p * p);
    this.s = new Float64Array(p);
    this.centred = new Float64Array(p);
  }

  /**
   * Recomputes the statistics over rows order[start..end) of x (rows × p, row-major) and y (one target a
   * row); a null order means rows start..end themselves. Returns this.
   */
  accumulate(x: Float64Array, y: Float64Array, order: Int32Array | null, start: number, end: number): this {
    const { p, meanX, S, s, centred } = this;
    const m = end - start;
    meanX.fill(0);
    S.fill(0);
    s.fill(0);
    let sumY = 0;
    for (let k = start; k < end; k++) {
      const row = order ? order[k] : k;
      for (let j = 0; j < p; j++) meanX[j] += x[row * p + j];
      sumY += y[row];
    }
    for (let j = 0; j < p; j++) meanX[j] /= m;
    const meanY = sumY / m;
    let syy = 0;
    for (let k = start; k < end; k++) {
      const row = order ? order[k] : k;
      const dy = y[row] - meanY;
      syy += dy * dy;
      for (let j = 0; j < p; j++) centred[j] = x[row * p + j] - meanX[j];
      for (let j = 0; j < p; j++) {
        const cj = centred[j];
        s[j] += cj * dy;
        for (let l = j; l < p; l++) S[j * p + l] += cj * centred[l];
      }
    }
    for (let j = 0; j < p; j++) for (let l = 0; l < j; l++) S[j * p + l] = S[l * p + j];
    this.m = m;
    this.meanY = meanY;
    this.syy = syy;
    return this;
  }
}
