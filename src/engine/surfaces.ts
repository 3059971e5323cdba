/**
 * The named analytic surfaces f(x, y) of CONTRACTS §1, each with its exact gradient. A kernel returns
 * f and writes ∂f/∂x, ∂f/∂y into `g.dx`, `g.dy`: one call per particle.
 */
import { surfaceNames, type SurfaceName } from '../shared/scenario';

/** Where a kernel writes its partial derivatives. */
export interface Partials {
  dx: number;
  dy: number;
}

/**
 * A fresh Partials for each call in a hot loop: once the kernel is inlined, V8 keeps the object's two
 * fields in registers (escape analysis) and nothing is allocated or stored. A shared Float64Array cost a
 * store, a reload and a bounds check per partial in V8's optimized code of the step loop, and kept the
 * loop's array checks from being hoisted.
 */
export const partials = (): Partials => ({ dx: NaN, dy: NaN });

export type SurfaceKernel = (x: number, y: number, g: Partials) => number;

export interface SurfaceInfo {
  /** The formula as a person would write it (docs, axis titles). */
  readonly formula: string;
  readonly evaluate: SurfaceKernel;
  /** A view that shows the interesting part: [[xmin, xmax], [ymin, ymax]]. */
  readonly range: readonly [readonly [number, number], readonly [number, number]];
  /** Known minima (the basins view colours starts by these); a saddle has none. */
  readonly minima: readonly (readonly [number, number])[];
}

const TWO_PI = 2 * Math.PI;

export function bowl(x: number, y: number, g: Partials): number {
  const a = x - 1;
  const b = y - 2;
  g.dx = 2 * a;
  g.dy = 2 * b;
  return a * a + b * b;
}

export function rosenbrock(x: number, y: number, g: Partials): number {
  const a = 1 - x;
  const b = y - x * x;
  g.dx = -2 * a - 400 * x * b;
  g.dy = 200 * b;
  return a * a + 100 * b * b;
}

export function beale(x: number, y: number, g: Partials): number {
  const y2 = y * y;
  const y3 = y2 * y;
  const t1 = 1.5 - x + x * y;
  const t2 = 2.25 - x + x * y2;
  const t3 = 2.625 - x + x * y3;
  g.dx = 2 * t1 * (y - 1) + 2 * t2 * (y2 - 1) + 2 * t3 * (y3 - 1);
  g.dy = 2 * t1 * x + 4 * t2 * x * y + 6 * t3 * x * y2;
  return t1 * t1 + t2 * t2 + t3 * t3;
}

export function himmelblau(x: number, y: number, g: Partials): number {
  const a = x * x + y - 11;
  const b = x + y * y - 7;
  g.dx = 4 * x * a + 2 * b;
  g.dy = 2 * a + 4 * y * b;
  return a * a + b * b;
}

export function saddle(x: number, y: number, g: Partials): number {
  g.dx = 2 * x;
  g.dy = -2 * y;
  return x * x - y * y;
}

export function rastrigin(x: number, y: number, g: Partials): number {
  g.dx = 2 * x + 10 * TWO_PI * Math.sin(TWO_PI * x);
  g.dy = 2 * y + 10 * TWO_PI * Math.sin(TWO_PI * y);
  return 20 + x * x - 10 * Math.cos(TWO_PI * x) + y * y - 10 * Math.cos(TWO_PI * y);
}

export function valley(x: number, y: number, g: Partials): number {
  g.dx = 0.2 * x;
  g.dy = 4 * y;
  return 0.1 * x * x + 2 * y * y;
}

export function booth(x: number, y: number, g: Partials): number {
  const a = x + 2 * y - 7;
  const b = 2 * x + y - 5;
  g.dx = 2 * a + 4 * b;
  g.dy = 4 * a + 2 * b;
  return a * a + b * b;
}

export const surfaces = {
  bowl: {
    formula: '(x−1)² + (y−2)²',
    evaluate: bowl,
    range: [[-3, 5], [-2, 6]],
    minima: [[1, 2]],
  },
  rosenbrock: {
    formula: '(1−x)² + 100·(y−x²)²',
    evaluate: rosenbrock,
    range: [[-2, 2], [-1, 3]],
    minima: [[1, 1]],
  },
  beale: {
    formula: '(1.5−x+xy)² + (2.25−x+xy²)² + (2.625−x+xy³)²',
    evaluate: beale,
    range: [[-4.5, 4.5], [-4.5, 4.5]],
    minima: [[3, 0.5]],
  },
  himmelblau: {
    formula: '(x²+y−11)² + (x+y²−7)²',
    evaluate: himmelblau,
    range: [[-5, 5], [-5, 5]],
    // Himmelblau (1972); the three irrational minima to 6 decimals.
    minima: [[3, 2], [-2.805118, 3.131312], [-3.77931, -3.283186], [3.584428, -1.848126]],
  },
  saddle: {
    formula: 'x² − y²',
    evaluate: saddle,
    range: [[-2, 2], [-2, 2]],
    minima: [],
  },
  rastrigin: {
    formula: '20 + x² − 10·cos(2πx) + y² − 10·cos(2πy)',
    evaluate: rastrigin,
    range: [[-5.12, 5.12], [-5.12, 5.12]],
    minima: [[0, 0]],
  },
  valley: {
    // Curvatures 0.2 and 4: condition number 20, so plain gradient descent zig-zags across the valley.
    formula: '0.1·x² + 2·y²',
    evaluate: valley,
    range: [[-4, 4], [-4, 4]],
    minima: [[0, 0]],
  },
  booth: {
    formula: '(x+2y−7)² + (2x+y−5)²',
    evaluate: booth,
    range: [[-10, 10], [-10, 10]],
    minima: [[1, 3]],
  },
} satisfies Record<SurfaceName, SurfaceInfo>;

export { surfaceNames, type SurfaceName };

