/** A two-parameter model whose loss is an analytic surface f(x, y): no data, one step per epoch. */
import type { Batch, Filter, Model } from '../model';
import type { SurfaceKernel } from '../surfaces';

const g = new Float64Array(2);

export class SurfaceModel implements Model {
  readonly paramCount = 2;
  readonly paramNames = ['x', 'y'] as const;
  readonly rows = 0;

  constructor(private readonly kernel: SurfaceKernel) {}

  evaluate(params: Float64Array, n: number, _batch: Batch, loss: Float64Array, grad: Float64Array | null, active: Uint8Array | null, from = 0, to = n): boolean | void {
    const f = this.kernel;
    if (grad && !active) {
      // The step's case (every particle of the block runs), without the tests of the general loop below,
      // and telling whether every loss is finite (L − L is 0 exactly then).
      const partials = g;
      let finite = true;
      for (let i = from; i < to; i++) {
        const L = (loss[i] = f(params[i], params[n + i], partials));
        if (L - L !== 0) finite = false;
        grad[i] = partials[0];
        grad[n + i] = partials[1];
      }
      return finite;
    }
    for (let i = from; i < to; i++) {
      if (active && active[i] !== 1) continue;
      loss[i] = f(params[i], params[n + i], g);
      if (grad) {
        grad[i] = g[0];
        grad[n + i] = g[1];
      }
    }
  }

  gradientBlock(params: Float64Array, n: number, _batch: Batch, loss: Float64Array, out: Float64Array, stride: number, from: number, to: number): boolean {
    const f = this.kernel;
    const partials = g;
    let finite = true;
    for (let i = from, k = 0; i < to; i++, k++) {
      const L = (loss[i] = f(params[i], params[n + i], partials));
      if (L - L !== 0) finite = false;
      out[k] = partials[0];
      out[stride + k] = partials[1];
    }
    return finite;
  }

  gradientStep(params: Float64Array, n: number, _batch: Batch, loss: Float64Array, _grad: Float64Array, lr: number, from: number, to: number): boolean {
    const f = this.kernel;
    const partials = g;
    let finite = true;
    for (let i = from; i < to; i++) {
      const x = params[i];
      const y = params[n + i];
      const L = (loss[i] = f(x, y, partials));
      // The gradient is not kept: nothing reads it after a fused step (the traced particle's block takes the
      // separate passes), and at a million particles its 16 bytes a particle are a third of the memory traffic.
      const gx = partials[0];
      const gy = partials[1];
      if (L - L !== 0) {
        finite = false; // the caller marks it diverged; it does not move
        continue;
      }
      const nx = (params[i] = x - lr * gx);
      const ny = (params[n + i] = y - lr * gy);
      if (nx - nx !== 0 || ny - ny !== 0) finite = false;
    }
    return finite;
  }

  filters(): Filter[] {
    return [{ indices: [0, 1], bias: false }];
  }
}
