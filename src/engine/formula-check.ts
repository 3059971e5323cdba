/**
 * The checks the panel's formula field runs as the user types (issue 18, part 1): a formula is taken only
 * if it parses, uses known names and functions, has a y, and is a finite number (with a finite gradient) on
 * most of the view. Evaluation is bounded by construction: a formula is at most `limits.maxExpressionLength`
 * characters, compiles to closures without loops (./expression.ts: no assignment, no function definitions,
 * no imports), and is evaluated on a fixed grid of `sampleSide`² points.
 */
import { limits } from '../shared/limits';
import { compileExpression, ExpressionError } from './expression';
import type { SurfaceKernel } from './surfaces';

export type Range2 = readonly [readonly [number, number], readonly [number, number]];

export type FormulaCheck =
  | { ok: true; dx: string; dy: string }
  /** `position`: the 1-based character where mathjs stopped reading, for a parse error; else null. */
  | { ok: false; problem: string; position: number | null };

/** Points per side of the grid the formula is tried on. */
export const sampleSide = 21;
/** The least share of the grid where the formula and its gradient must be finite. */
export const finiteShareNeeded = 0.5;

// `y` as a name of its own (not inside `cosy` or `y2`). A formula that compiles has no other names than
// x, y, pi, e and the functions, so this is the symbol y.
const namesY = /(?<![A-Za-z0-9_])y(?![A-Za-z0-9_])/;

/** Whether `text` is a surface the lab can use over `range` (the view's x and y ranges); never throws. */
export async function checkFormula(text: string, range: Range2): Promise<FormulaCheck> {
  const problem = (message: string, position: number | null = null): FormulaCheck => ({ ok: false, problem: message, position });
  if (text.trim() === '') return problem('type a formula in x and y, e.g. x^2 + 3*y^2');
  if (text.length > limits.maxExpressionLength) return problem(`a formula may have at most ${limits.maxExpressionLength} characters, not ${text.length}`);
  let compiled;
  try {
    compiled = await compileExpression(text);
  } catch (error) {
    if (error instanceof ExpressionError) return problem(error.message, error.position);
    return problem(`cannot use the formula: ${(error as Error).message}`);
  }
  if (!namesY.test(text)) return problem('the formula has no y: a surface is a function of x and y');
  const share = finiteShare(compiled.kernel, range);
  if (share < finiteShareNeeded) {
    const [[x0, x1], [y0, y1]] = range;
    const percent = Math.round(share * 100);
    return problem(`the formula or its gradient is not a finite number on most of the view: finite at ${percent}% of x in [${x0}, ${x1}], y in [${y0}, ${y1}]`);
  }
  return { ok: true, dx: compiled.dx, dy: compiled.dy };
}

/** The share of a `sampleSide` × `sampleSide` grid over `range` (ends included) where f, ∂f/∂x and ∂f/∂y are all finite. */
export function finiteShare(kernel: SurfaceKernel, range: Range2): number {
  const [[x0, x1], [y0, y1]] = range;
  const g = { dx: 0, dy: 0 };
  let finite = 0;
  for (let i = 0; i < sampleSide; i++) {
    for (let j = 0; j < sampleSide; j++) {
      const x = x0 + ((x1 - x0) * i) / (sampleSide - 1);
      const y = y0 + ((y1 - y0) * j) / (sampleSide - 1);
      const f = kernel(x, y, g);
      if (Number.isFinite(f) && Number.isFinite(g.dx) && Number.isFinite(g.dy)) finite++;
    }
  }
  return finite / (sampleSide * sampleSide);
}
