/** A two-parameter model whose loss is an analytic surface f(x, y): no data, one step per epoch. */
import type { Batch, Filter, Model } from '../model';
import type { SurfaceKernel } from '../surfaces';

const g = new Float64Array(2);

export class SurfaceModel implements Model {
  readonly paramCount = 2;
  readonly paramNames = ['x', 'y'] as const;
  readonly rows = 0;

  constructor(private readonly kernel: SurfaceKernel) {}

  evaluate(params: Float64Array, n: number, _batch: Batch, loss: Float64Array, grad: Float64Array | null, active: Uint8Array | null): void {
    const f = this.kernel;
    for (let i = 0; i < n; i++) {
      if (active && active[i] !== 1) continue;
      loss[i] = f(params[i], params[n + i], g);
      if (grad) {
        grad[i] = g[0];
        grad[n + i] = g[1];
      }
    }
  }

  filters(): Filter[] {
    return [{ indices: [0, 1], bias: false }];
  }
}
