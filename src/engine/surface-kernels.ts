/**
 * The named surfaces' kernels (CONTRACTS §1 and §9), each f(x, y) with its exact gradient: a kernel returns
 * f and writes ∂f/∂x, ∂f/∂y into `g.dx`, `g.dy`, one call per particle. The formula, domain and minima of
 * each are in ../shared/surface-catalog.ts, with the page of Surjanovic & Bingham's library it comes from.
 * Where a surface has a kink (|u|, √|u|, a cone point), the gradient on it is taken as 0 along the kink's
 * own direction (sign(0) = 0): a subgradient, so no step is ever NaN.
 */

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

const PI = Math.PI;
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

/** https://www.sfu.ca/~ssurjano/ackley.html, a = 20, b = 0.2, c = 2π; a cone point at the origin. */
export function ackley(x: number, y: number, g: Partials): number {
  const r = Math.sqrt(0.5 * (x * x + y * y));
  const e1 = Math.exp(-0.2 * r);
  const e2 = Math.exp(0.5 * (Math.cos(TWO_PI * x) + Math.cos(TWO_PI * y)));
  // ∂(−20·e^(−0.2r))/∂x = 4·e^(−0.2r)·∂r/∂x, ∂r/∂x = x/(2r).
  const radial = r > 0 ? (2 * e1) / r : 0;
  g.dx = radial * x + PI * Math.sin(TWO_PI * x) * e2;
  g.dy = radial * y + PI * Math.sin(TWO_PI * y) * e2;
  return -20 * e1 - e2 + 20 + Math.E;
}

/** https://www.sfu.ca/~ssurjano/bukin6.html; not differentiable on the ridge y = 0.01x² nor at x = −10. */
export function bukin6(x: number, y: number, g: Partials): number {
  const u = y - 0.01 * x * x;
  const root = Math.sqrt(Math.abs(u));
  const k = root > 0 ? (50 * Math.sign(u)) / root : 0;
  g.dx = -0.02 * x * k + 0.01 * Math.sign(x + 10);
  g.dy = k;
  return 100 * root + 0.01 * Math.abs(x + 10);
}

/** https://www.sfu.ca/~ssurjano/easom.html */
export function easom(x: number, y: number, g: Partials): number {
  const a = x - PI;
  const b = y - PI;
  const e = Math.exp(-(a * a + b * b));
  const cx = Math.cos(x);
  const cy = Math.cos(y);
  g.dx = cy * e * (Math.sin(x) + 2 * a * cx);
  g.dy = cx * e * (Math.sin(y) + 2 * b * cy);
  return -cx * cy * e;
}

/** https://www.sfu.ca/~ssurjano/goldpr.html */
export function goldsteinPrice(x: number, y: number, g: Partials): number {
  const a = x + y + 1;
  const A = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y;
  const P = 1 + a * a * A;
  const b = 2 * x - 3 * y;
  const B = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y;
  const Q = 30 + b * b * B;
  // ∂A/∂x = ∂A/∂y = −14 + 6x + 6y, so ∂P/∂x = ∂P/∂y.
  const dP = 2 * a * A + a * a * (-14 + 6 * x + 6 * y);
  const dQx = 4 * b * B + b * b * (-32 + 24 * x - 36 * y);
  const dQy = -6 * b * B + b * b * (48 - 36 * x + 54 * y);
  g.dx = dP * Q + P * dQx;
  g.dy = dP * Q + P * dQy;
  return P * Q;
}

/** https://www.sfu.ca/~ssurjano/levy13.html */
export function levi13(x: number, y: number, g: Partials): number {
  const s3x = Math.sin(3 * PI * x);
  const s3y = Math.sin(3 * PI * y);
  const s2y = Math.sin(TWO_PI * y);
  const a = x - 1;
  const b = y - 1;
  g.dx = 6 * PI * s3x * Math.cos(3 * PI * x) + 2 * a * (1 + s3y * s3y);
  g.dy = 6 * PI * a * a * s3y * Math.cos(3 * PI * y) + 2 * b * (1 + s2y * s2y) + 4 * PI * b * b * s2y * Math.cos(TWO_PI * y);
  return s3x * s3x + a * a * (1 + s3y * s3y) + b * b * (1 + s2y * s2y);
}

/** https://www.sfu.ca/~ssurjano/matya.html */
export function matyas(x: number, y: number, g: Partials): number {
  g.dx = 0.52 * x - 0.48 * y;
  g.dy = 0.52 * y - 0.48 * x;
  return 0.26 * (x * x + y * y) - 0.48 * x * y;
}

/** https://www.sfu.ca/~ssurjano/mccorm.html */
export function mccormick(x: number, y: number, g: Partials): number {
  const c = Math.cos(x + y);
  const d = x - y;
  g.dx = c + 2 * d - 1.5;
  g.dy = c - 2 * d + 2.5;
  return Math.sin(x + y) + d * d - 1.5 * x + 2.5 * y + 1;
}

/** https://www.sfu.ca/~ssurjano/schaffer2.html */
export function schaffer2(x: number, y: number, g: Partials): number {
  const d = x * x - y * y;
  const s = Math.sin(d);
  const den = 1 + 0.001 * (x * x + y * y);
  const top = s * s - 0.5;
  // f = 0.5 + top/den²: ∂top/∂x = 2·sin d·cos d·2x, ∂den/∂x = 0.002x.
  const sc = (2 * s * Math.cos(d)) / (den * den);
  const shrink = (0.004 * top) / (den * den * den);
  g.dx = 2 * x * sc - x * shrink;
  g.dy = -2 * y * sc - y * shrink;
  return 0.5 + top / (den * den);
}

/** https://www.sfu.ca/~ssurjano/camel6.html */
export function sixHumpCamel(x: number, y: number, g: Partials): number {
  const x2 = x * x;
  const y2 = y * y;
  g.dx = 8 * x - 8.4 * x2 * x + 2 * x2 * x2 * x + y;
  g.dy = x - 8 * y + 16 * y2 * y;
  return (4 - 2.1 * x2 + (x2 * x2) / 3) * x2 + x * y + (-4 + 4 * y2) * y2;
}

/** https://www.sfu.ca/~ssurjano/stybtang.html, d = 2. */
export function styblinskiTang(x: number, y: number, g: Partials): number {
  const x2 = x * x;
  const y2 = y * y;
  g.dx = 2 * x2 * x - 16 * x + 2.5;
  g.dy = 2 * y2 * y - 16 * y + 2.5;
  return 0.5 * (x2 * x2 - 16 * x2 + 5 * x + y2 * y2 - 16 * y2 + 5 * y);
}

/** https://www.sfu.ca/~ssurjano/camel3.html */
export function threeHumpCamel(x: number, y: number, g: Partials): number {
  const x2 = x * x;
  g.dx = 4 * x - 4.2 * x2 * x + x2 * x2 * x + y;
  g.dy = x + 2 * y;
  return 2 * x2 - 1.05 * x2 * x2 + (x2 * x2 * x2) / 6 + x * y + y * y;
}

/** https://www.sfu.ca/~ssurjano/crossit.html; not differentiable where sin x·sin y = 0 nor at r = 100π. */
export function crossInTray(x: number, y: number, g: Partials): number {
  const r = Math.sqrt(x * x + y * y);
  const h = 100 - r / PI;
  const e = Math.exp(Math.abs(h));
  const sx = Math.sin(x);
  const sy = Math.sin(y);
  const s = sx * sy;
  const a = Math.abs(s) * e + 1;
  // f = −0.0001·a^0.1; ∂a/∂x = sign(s)·e·(cos x·sin y − s·sign(h)·x/(πr)).
  const k = -0.00001 * Math.pow(a, -0.9) * Math.sign(s) * e;
  const radial = r > 0 ? (s * Math.sign(h)) / (PI * r) : 0;
  g.dx = k * (Math.cos(x) * sy - radial * x);
  g.dy = k * (sx * Math.cos(y) - radial * y);
  return -0.0001 * Math.pow(a, 0.1);
}

/** https://www.sfu.ca/~ssurjano/egg.html; not differentiable where either square root's argument is 0. */
export function eggholder(x: number, y: number, g: Partials): number {
  const u = y + 47;
  const a = u + x / 2;
  const b = x - u;
  const ra = Math.sqrt(Math.abs(a));
  const rb = Math.sqrt(Math.abs(b));
  // d sin√|a| / da = cos√|a|·sign(a)/(2√|a|).
  const ca = ra > 0 ? (Math.cos(ra) * Math.sign(a)) / (2 * ra) : 0;
  const cb = rb > 0 ? (Math.cos(rb) * Math.sign(b)) / (2 * rb) : 0;
  const sa = Math.sin(ra);
  const sb = Math.sin(rb);
  g.dx = -0.5 * u * ca - sb - x * cb;
  g.dy = -sa - u * ca + x * cb;
  return -u * sa - x * sb;
}

/** https://www.sfu.ca/~ssurjano/holder.html; not differentiable where sin x·cos y = 0 nor at r = π. */
export function holderTable(x: number, y: number, g: Partials): number {
  const r = Math.sqrt(x * x + y * y);
  const h = 1 - r / PI;
  const e = Math.exp(Math.abs(h));
  const s = Math.sin(x) * Math.cos(y);
  // f = −|s|·e; ∂f/∂x = −sign(s)·e·(cos x·cos y − s·sign(h)·x/(πr)).
  const k = -Math.sign(s) * e;
  const radial = r > 0 ? (s * Math.sign(h)) / (PI * r) : 0;
  g.dx = k * (Math.cos(x) * Math.cos(y) - radial * x);
  g.dy = k * (-Math.sin(x) * Math.sin(y) - radial * y);
  return -Math.abs(s) * e;
}

/** The monkey saddle x³ − 3xy² (not in the SFU library): a critical point with zero curvature. */
export function monkeySaddle(x: number, y: number, g: Partials): number {
  g.dx = 3 * x * x - 3 * y * y;
  g.dy = -6 * x * y;
  return x * x * x - 3 * x * y * y;
}

/** https://www.sfu.ca/~ssurjano/griewank.html, d = 2. */
export function griewank(x: number, y: number, g: Partials): number {
  const c = Math.cos(x);
  const v = y / Math.SQRT2;
  const cv = Math.cos(v);
  g.dx = x / 2000 + Math.sin(x) * cv;
  g.dy = y / 2000 + (c * Math.sin(v)) / Math.SQRT2;
  return (x * x + y * y) / 4000 - c * cv + 1;
}

/** https://www.sfu.ca/~ssurjano/boha.html, the first of the three. */
export function bohachevsky1(x: number, y: number, g: Partials): number {
  g.dx = 2 * x + 0.9 * PI * Math.sin(3 * PI * x);
  g.dy = 4 * y + 1.6 * PI * Math.sin(4 * PI * y);
  return x * x + 2 * y * y - 0.3 * Math.cos(3 * PI * x) - 0.4 * Math.cos(4 * PI * y) + 0.7;
}
