/** A two-parameter model whose loss is an analytic surface f(x, y): no data, one step per epoch. */
import type { Batch, Filter, Model } from '../model';
import { formulaSteppers, type SurfaceBlock, type SurfaceSteppers } from '../surface-steps';
import { namedSteppers } from '../surface-steps.generated';
import { partials, surfaces, type SurfaceKernel, type SurfaceName } from '../surfaces';

export class SurfaceModel implements Model {
  readonly paramCount = 2;
  readonly paramNames = ['x', 'y'] as const;
  readonly rows = 0;
  /** The fused steps (Model.steppers): each named surface has its own, a typed formula the shared ones. */
  readonly steppers: SurfaceSteppers;

  /** Where `evaluate` describes a block to `lossAndGradient` (kept, so that a step allocates nothing). */
  private readonly block: SurfaceBlock;

  constructor(
    readonly kernel: SurfaceKernel,
    steppers?: SurfaceSteppers,
  ) {
    this.steppers = steppers ?? formulaSteppers(kernel);
    this.block = {
      p: new Float64Array(0),
      n: 0,
      loss: new Float64Array(0),
      from: 0,
      to: 0,
      lr: 0,
      t: 0,
      spec: { kind: 'gd', alpha: 0, weightDecay: 0 },
      s1: null,
      s2: null,
      s3: null,
      limit: Infinity,
    };
  }

  /** The model of a named surface, with its own loops (./surface-steps.ts says why). */
  static named(name: SurfaceName): SurfaceModel {
    return new SurfaceModel(surfaces[name].evaluate, namedSteppers[name]);
  }

  evaluate(
    params: Float64Array,
    n: number,
    _batch: Batch,
    loss: Float64Array,
    grad: Float64Array | null,
    active: Uint8Array | null,
    from = 0,
    to = n,
  ): boolean | void {
    if (!active) {
      // Every particle of the range (a step's block, or a frame's full loss): the surface's own loop, telling
      // whether every loss is finite.
      const block = this.block;
      block.p = params;
      block.n = n;
      block.loss = loss;
      block.from = from;
      block.to = to;
      return grad ? this.steppers.lossAndGradient(block, grad) : this.steppers.loss(block);
    }
    const f = this.kernel;
    for (let i = from; i < to; i++) {
      if (active && active[i] !== 1) continue;
      const g = partials();
      loss[i] = f(params[i], params[n + i], g);
      if (grad) {
        grad[i] = g.dx;
        grad[n + i] = g.dy;
      }
    }
  }

  filters(): Filter[] {
    return [{ indices: [0, 1], bias: false }];
  }
}
