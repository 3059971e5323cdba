/**
 * The named surfaces as the page and the docs present them (issue 18, CONTRACTS §9): title, formula, the
 * documented search domain, the view the page opens on, and the documented global minima with their values.
 * The one place these live: the engine's table (../engine/surfaces.ts) adds each one's kernel, the presets
 * (./presets.ts) start a cloud over each view. Sources are Surjanovic & Bingham's Virtual Library of
 * Simulation Experiments (https://www.sfu.ca/~ssurjano/, one page per function, cited on each row); a
 * minimum they give to 4–6 digits is written to 12 here, found by Newton's method on the exact gradient
 * from their point (src/engine/surfaces.test.ts checks that it rounds to theirs and that the gradient is 0).
 */
import type { SurfaceName } from './scenario';

export type Range2 = readonly [readonly [number, number], readonly [number, number]];

export interface SurfaceEntry {
  /** The surface's name as people know it. */
  readonly title: string;
  /** The formula as a person would write it (docs, axis titles). */
  readonly formula: string;
  /** Where the definition and the minima come from. */
  readonly source: string;
  /** The documented search domain, [[xmin, xmax], [ymin, ymax]]. */
  readonly domain: Range2;
  /** The view that shows the interesting part (the domain unless it hides the shape). */
  readonly range: Range2;
  /** The documented global minima and f there; none for a saddle. */
  readonly minima: readonly { readonly at: readonly [number, number]; readonly value: number }[];
  /** One sentence for the preset of a surface that has no hand-written one: what to look at. */
  readonly note: string;
}

const square = (a: number): Range2 => [
  [-a, a],
  [-a, a],
];
const sfu = (page: string) => `Surjanovic & Bingham, https://www.sfu.ca/~ssurjano/${page}.html`;

export const surfaceCatalog: Readonly<Record<SurfaceName, SurfaceEntry>> = {
  bowl: {
    title: 'Bowl',
    formula: '(x−1)² + (y−2)²',
    source: 'notebook 002 (a paraboloid)',
    domain: [
      [-3, 5],
      [-2, 6],
    ],
    range: [
      [-3, 5],
      [-2, 6],
    ],
    minima: [{ at: [1, 2], value: 0 }],
    note: 'A round bowl: every particle heads straight for (1, 2).',
  },
  rosenbrock: {
    title: 'Rosenbrock',
    formula: '(1−x)² + 100·(y−x²)²',
    source: sfu('rosen'),
    domain: [
      [-5, 10],
      [-5, 10],
    ],
    range: [
      [-2, 2],
      [-1, 3],
    ],
    minima: [{ at: [1, 1], value: 0 }],
    note: 'A curved valley with a flat floor.',
  },
  beale: {
    title: 'Beale',
    formula: '(1.5−x+xy)² + (2.25−x+xy²)² + (2.625−x+xy³)²',
    source: sfu('beale'),
    domain: square(4.5),
    range: square(4.5),
    minima: [{ at: [3, 0.5], value: 0 }],
    note: 'Flat plateaus and steep walls.',
  },
  himmelblau: {
    title: 'Himmelblau',
    formula: '(x²+y−11)² + (x+y²−7)²',
    // Not in the SFU library: Himmelblau, Applied Nonlinear Programming (1972), which prints the three irrational minima to 6 decimals.
    source: 'Himmelblau, Applied Nonlinear Programming (1972)',
    domain: square(5),
    range: square(5),
    minima: [
      { at: [3, 2], value: 0 },
      { at: [-2.80511808695, 3.13131251825], value: 0 },
      { at: [-3.77931025338, -3.28318599129], value: 0 },
      { at: [3.58442834033, -1.84812652696], value: 0 },
    ],
    note: 'Four equal minima.',
  },
  saddle: {
    title: 'Saddle',
    formula: 'x² − y²',
    source: 'a hyperbolic paraboloid',
    domain: square(2),
    range: square(2),
    minima: [],
    note: 'A saddle point at the origin and no minimum.',
  },
  rastrigin: {
    title: 'Rastrigin',
    formula: '20 + x² − 10·cos(2πx) + y² − 10·cos(2πy)',
    source: sfu('rastr'),
    domain: square(5.12),
    range: square(5.12),
    minima: [{ at: [0, 0], value: 0 }],
    note: 'A bowl covered in bumps.',
  },
  valley: {
    title: 'Ill-conditioned valley',
    // Curvatures 0.2 and 4: condition number 20, so plain gradient descent zig-zags across the valley.
    formula: '0.1·x² + 2·y²',
    source: 'a quadratic of condition number 20',
    domain: square(4),
    range: square(4),
    minima: [{ at: [0, 0], value: 0 }],
    note: 'Curvature 20 times larger across than along.',
  },
  booth: {
    title: 'Booth',
    formula: '(x+2y−7)² + (2x+y−5)²',
    source: sfu('booth'),
    domain: square(10),
    range: square(10),
    minima: [{ at: [1, 3], value: 0 }],
    note: 'A tilted quadratic bowl.',
  },
  ackley: {
    title: 'Ackley',
    formula: '−20·exp(−0.2·√(½(x²+y²))) − exp(½(cos 2πx + cos 2πy)) + 20 + e',
    source: sfu('ackley'),
    domain: square(32.768),
    // The whole domain is a flat plate with a hole: the view shows the bumps around the hole.
    range: square(5),
    minima: [{ at: [0, 0], value: 0 }],
    note: 'A nearly flat plate of small bumps with one deep hole at the origin, where the surface has a cone point (no gradient).',
  },
  bukin6: {
    title: 'Bukin N.6',
    formula: '100·√|y − 0.01x²| + 0.01·|x + 10|',
    source: sfu('bukin6'),
    domain: [
      [-15, -5],
      [-3, 3],
    ],
    range: [
      [-15, -5],
      [-3, 3],
    ],
    minima: [{ at: [-10, 1], value: 0 }],
    note: 'A sharp ridge y = 0.01x² with no gradient on it: particles rattle across the ridge and barely move along it.',
  },
  easom: {
    title: 'Easom',
    formula: '−cos x·cos y·exp(−(x−π)² − (y−π)²)',
    source: sfu('easom'),
    domain: square(100),
    // On the domain the hole is a pin-prick: the view is the hole and its flat surroundings.
    range: [
      [-1, 7],
      [-1, 7],
    ],
    minima: [{ at: [Math.PI, Math.PI], value: -1 }],
    note: 'Flat everywhere but one narrow hole at (π, π): only the particles that start near it feel any gradient.',
  },
  'goldstein-price': {
    title: 'Goldstein–Price',
    formula: '[1 + (x+y+1)²(19−14x+3x²−14y+6xy+3y²)]·[30 + (2x−3y)²(18−32x+12x²+48y−36xy+27y²)]',
    source: sfu('goldpr'),
    domain: square(2),
    range: square(2),
    minima: [{ at: [0, -1], value: 3 }],
    note: 'Values from 3 to a million on one square: the gradient’s scale varies by orders of magnitude.',
  },
  levi13: {
    title: 'Lévi N.13',
    formula: 'sin²(3πx) + (x−1)²(1 + sin²(3πy)) + (y−1)²(1 + sin²(2πy))',
    source: sfu('levy13'),
    domain: square(10),
    range: square(10),
    minima: [{ at: [1, 1], value: 0 }],
    note: 'Ripples on a bowl: many local minima along the lines of the sines.',
  },
  matyas: {
    title: 'Matyas',
    formula: '0.26·(x² + y²) − 0.48·xy',
    source: sfu('matya'),
    domain: square(10),
    range: square(10),
    minima: [{ at: [0, 0], value: 0 }],
    note: 'A flat, tilted quadratic: curvatures 0.04 and 1 (condition number 25), so progress along the diagonal is slow.',
  },
  mccormick: {
    title: 'McCormick',
    formula: 'sin(x+y) + (x−y)² − 1.5x + 2.5y + 1',
    source: sfu('mccorm'),
    domain: [
      [-1.5, 4],
      [-3, 4],
    ],
    range: [
      [-1.5, 4],
      [-3, 4],
    ],
    // SFU gives (−0.54719, −1.54719), f = −1.9133; exactly x − y = 1, x + y = −2π/3 there, so f = −√3/2 − π/3.
    minima: [{ at: [0.5 - Math.PI / 3, -0.5 - Math.PI / 3], value: -Math.sqrt(3) / 2 - Math.PI / 3 }],
    note: 'A valley along x − y = 1 with a sine along it.',
  },
  schaffer2: {
    title: 'Schaffer N.2',
    formula: '0.5 + (sin²(x²−y²) − 0.5) / (1 + 0.001(x²+y²))²',
    source: sfu('schaffer2'),
    domain: square(100),
    range: square(10),
    minima: [{ at: [0, 0], value: 0 }],
    note: 'Ripples on hyperbolas, ever denser away from the centre: gradient steps jump from ripple to ripple.',
  },
  'six-hump-camel': {
    title: 'Six-hump camel',
    formula: '(4 − 2.1x² + x⁴/3)·x² + xy + (−4 + 4y²)·y²',
    source: sfu('camel6'),
    domain: [
      [-3, 3],
      [-2, 2],
    ],
    range: [
      [-2, 2],
      [-1, 1],
    ],
    // SFU: (0.0898, −0.7126) and (−0.0898, 0.7126), f = −1.0316.
    minima: [
      { at: [0.0898420131003, -0.712656403021], value: -1.0316 },
      { at: [-0.0898420131003, 0.712656403021], value: -1.0316 },
    ],
    note: 'Six minima, two of them global: each particle settles in the basin it starts in.',
  },
  'styblinski-tang': {
    title: 'Styblinski–Tang',
    formula: '½·(x⁴ − 16x² + 5x + y⁴ − 16y² + 5y)',
    source: sfu('stybtang'),
    domain: square(5),
    range: square(5),
    // SFU: x = y = −2.903534, f = −39.16599·d. At the root of 2x³ − 16x + 2.5 (to 12 digits) f is
    // −39.1661657·d (d = 2), computed here: the page's value is off in the 4th decimal.
    minima: [{ at: [-2.90353402777, -2.90353402777], value: -78.3323314075428 }],
    note: 'Four basins of different depths: the deepest is at (−2.9, −2.9).',
  },
  'three-hump-camel': {
    title: 'Three-hump camel',
    formula: '2x² − 1.05x⁴ + x⁶/6 + xy + y²',
    source: sfu('camel3'),
    domain: square(5),
    range: square(2),
    minima: [{ at: [0, 0], value: 0 }],
    note: 'One global minimum at the origin and two local ones beside it.',
  },
  'cross-in-tray': {
    title: 'Cross-in-tray',
    formula: '−0.0001·(|sin x·sin y·exp|100 − √(x²+y²)/π|| + 1)^0.1',
    source: sfu('crossit'),
    domain: square(10),
    range: square(10),
    // SFU: (±1.3491, ±1.3491), f = −2.06261.
    minima: [
      { at: [1.34940661715, 1.34940661715], value: -2.06261 },
      { at: [1.34940661715, -1.34940661715], value: -2.06261 },
      { at: [-1.34940661715, 1.34940661715], value: -2.06261 },
      { at: [-1.34940661715, -1.34940661715], value: -2.06261 },
    ],
    note: 'A cross of ridges (where sin x·sin y = 0, and no gradient) between many small basins.',
  },
  eggholder: {
    title: 'Eggholder',
    formula: '−(y+47)·sin√|y + x/2 + 47| − x·sin√|x − (y+47)|',
    source: sfu('egg'),
    domain: square(512),
    range: square(512),
    // SFU: (512, 404.2319), f = −959.6407: on the domain's edge, so the gradient is not 0 there.
    minima: [{ at: [512, 404.231805114], value: -959.6407 }],
    note: 'A crumpled egg box: hundreds of local minima, and the global one on the edge of the domain.',
  },
  'holder-table': {
    title: 'Hölder table',
    formula: '−|sin x·cos y·exp|1 − √(x²+y²)/π||',
    source: sfu('holder'),
    domain: square(10),
    range: square(10),
    // SFU: (±8.05502, ±9.66459), f = −19.2085.
    minima: [
      { at: [8.05502347574, 9.66459001924], value: -19.2085 },
      { at: [8.05502347574, -9.66459001924], value: -19.2085 },
      { at: [-8.05502347574, 9.66459001924], value: -19.2085 },
      { at: [-8.05502347574, -9.66459001924], value: -19.2085 },
    ],
    note: 'Four deep legs in the corners of a table of small basins.',
  },
  'monkey-saddle': {
    title: 'Monkey saddle',
    formula: 'x³ − 3xy²',
    // Not in the SFU library: the classic degenerate saddle (three valleys, for two legs and a tail).
    source: 'the monkey saddle, a degenerate critical point (Hilbert & Cohn-Vossen, Geometry and the Imagination)',
    domain: square(2),
    range: square(2),
    minima: [],
    note: 'Three valleys meet at a flat point: the gradient and the curvature are both 0 there, and particles slide away down the valleys.',
  },
  griewank: {
    title: 'Griewank',
    formula: '(x² + y²)/4000 − cos x·cos(y/√2) + 1',
    source: sfu('griewank'),
    domain: square(600),
    // On the domain it is a smooth bowl; the view shows the ripples that trap a particle.
    range: square(10),
    minima: [{ at: [0, 0], value: 0 }],
    note: 'A wide shallow bowl covered in ripples: near the centre every ripple is a local minimum.',
  },
  bohachevsky1: {
    title: 'Bohachevsky N.1',
    formula: 'x² + 2y² − 0.3·cos(3πx) − 0.4·cos(4πy) + 0.7',
    source: sfu('boha'),
    domain: square(100),
    range: square(2),
    minima: [{ at: [0, 0], value: 0 }],
    note: 'A bowl with shallow ripples: large enough steps jump over them.',
  },
};
