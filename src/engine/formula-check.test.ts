/** The formula field's checks (issue 18, part 1): each refusal's message, and what a good formula gives back. */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFormula, finiteShare } from './formula-check';

const view = [
  [-2, 2],
  [-2, 2],
] as const;

describe('checkFormula', () => {
  // mathjs takes seconds to load on a busy machine: once, before the tests' own time starts.
  beforeAll(() => import('mathjs'), 60_000);

  it('takes a formula in x and y and gives its partial derivatives as mathjs prints them', async () => {
    // d/dx (x^2*y + sin(x)) = 2xy + cos(x); d/dy = x^2 (by hand; mathjs writes them in its own order).
    expect(await checkFormula('x^2*y + sin(x)', view)).toEqual({ ok: true, dx: '2 * y * x + cos(x)', dy: 'x ^ 2' });
  });

  it('says where a formula stops parsing (mathjs’s 1-based character)', async () => {
    // "x^2 +" ends after 5 characters: mathjs reports the end at char 6.
    expect(await checkFormula('x^2 +', view)).toEqual({ ok: false, problem: 'cannot read the formula: Unexpected end of expression (char 6)', position: 6 });
    expect(await checkFormula('x*(y', view)).toMatchObject({ ok: false, problem: expect.stringContaining('Parenthesis ) expected'), position: 5 });
  });

  it('names an unknown name or function', async () => {
    expect(await checkFormula('x + z', view)).toMatchObject({ ok: false, problem: expect.stringContaining('unknown name "z"'), position: null });
    expect(await checkFormula('gamma(x) + y', view)).toMatchObject({ ok: false, problem: expect.stringContaining('unknown function "gamma"') });
  });

  it('refuses assignments and function definitions (nothing but an expression is evaluated)', async () => {
    expect(await checkFormula('x = y', view)).toMatchObject({ ok: false, problem: expect.stringContaining('not assignments') });
    expect(await checkFormula('f(x) = x + y', view)).toMatchObject({ ok: false, problem: expect.stringContaining('not functionassignments') });
  });

  it('refuses a formula without y, and does not take y inside another name for it', async () => {
    expect(await checkFormula('x^2 + 1', view)).toEqual({ ok: false, problem: 'the formula has no y: a surface is a function of x and y', position: null });
    expect(await checkFormula('x^2 + y^2', view)).toMatchObject({ ok: true });
  });

  it('refuses a formula that is not finite on most of the view, saying how much is', async () => {
    // log(x) is NaN for x < 0 and -Infinity at 0: finite on the 10 of 21 grid columns with x > 0 (48%).
    expect(await checkFormula('log(x) + y', view)).toEqual({
      ok: false,
      problem: 'the formula or its gradient is not a finite number on most of the view: finite at 48% of x in [-2, 2], y in [-2, 2]',
      position: null,
    });
    // Shifted right by 1, x + 3 > 0 everywhere on the view: taken.
    expect(await checkFormula('log(x + 3) + y', view)).toMatchObject({ ok: true });
  });

  it('refuses an empty and an over-long formula', async () => {
    expect(await checkFormula('  ', view)).toMatchObject({ ok: false, problem: 'type a formula in x and y, e.g. x^2 + 3*y^2' });
    // 'y + ' (4) + 130 × 'x + ' (520) + 'x' (1) = 525 characters.
    expect(await checkFormula(`y + ${'x + '.repeat(130)}x`, view)).toMatchObject({ ok: false, problem: 'a formula may have at most 500 characters, not 525' });
  });
});

describe('finiteShare', () => {
  it('counts the grid points where the value and both partials are finite', () => {
    // 1/x has no finite value at x = 0: one column of the 21 (the grid's middle one), so 20/21 of the points.
    const kernel = (x: number, _y: number, g: { dx: number; dy: number }) => {
      g.dx = -1 / (x * x);
      g.dy = 0;
      return 1 / x;
    };
    expect(finiteShare(kernel, view)).toBeCloseTo(20 / 21, 15);
  });
});
