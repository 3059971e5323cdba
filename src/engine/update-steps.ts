/**
 * Per-step constants of the update rules that no single expression gives (./update-rules.ts names them as
 * `Steps.name(…)` in a row's `perStep`): the generated kernels import this module.
 */

/** The last product NAdam asked for, extended one factor at a time while t only grows. */
const nadamCache = { beta1: NaN, momentumDecay: NaN, t: 0, product: 1 };

/**
 * NAdam's Π μᵢ for i = 1 … t, μᵢ = β₁(1 − ½·0.96^(iψ)) (PyTorch's mu_product after step t). Multiplied in the
 * order i = 1, 2, …, as PyTorch's running product is, whether cached or not, so the result does not depend
 * on what was asked before: a seek back in time recomputes it from i = 1.
 */
function nadamMuProduct(beta1: number, momentumDecay: number, t: number): number {
  const c = nadamCache;
  if (c.beta1 !== beta1 || c.momentumDecay !== momentumDecay || c.t > t) {
    c.beta1 = beta1;
    c.momentumDecay = momentumDecay;
    c.t = 0;
    c.product = 1;
  }
  while (c.t < t) {
    c.t++;
    c.product *= beta1 * (1 - 0.5 * Math.pow(0.96, c.t * momentumDecay));
  }
  return c.product;
}

export const Steps = { nadamMuProduct } as const;
