/**
 * Seeded random numbers: xoshiro128** (Blackman & Vigna, 2018), its state filled by SplitMix64 as the
 * authors recommend. Every random choice in the engine comes from one of these, so a scenario's seed
 * fixes a run completely. scripts/reference/reference.py implements the same generator independently.
 */

/** Independent streams of one seed, so that changing the particle count does not change the data. */
export const Stream = { data: 1, init: 2, shuffle: 3, directions: 4 } as const;

const MASK64 = (1n << 64n) - 1n;
const GOLDEN64 = 0x9e3779b97f4a7c15n;

/** SplitMix64 (Steele, Lea & Flood 2014): one output and the next state. BigInt is fine: seeding only. */
function splitMix64(state: bigint): [bigint, bigint] {
  const next = (state + GOLDEN64) & MASK64;
  let r = next;
  r = ((r ^ (r >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  r = ((r ^ (r >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return [r ^ (r >> 31n), next];
}

export class Random {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** A generator for one stream of a seed (any integer, negative ones taken modulo 2⁶⁴). */
  constructor(seed: number, stream = 0) {
    const state = (BigInt.asUintN(64, BigInt(seed)) ^ ((BigInt(stream) * GOLDEN64) & MASK64)) & MASK64;
    const [a, next] = splitMix64(state);
    const [b] = splitMix64(next);
    this.s0 = Number(a & 0xffffffffn);
    this.s1 = Number(a >> 32n);
    this.s2 = Number(b & 0xffffffffn);
    this.s3 = Number(b >> 32n);
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the all-zero state is a fixed point
  }

  /** The four state words, to carry on later from exactly here (see `restore`). */
  saveState(): [number, number, number, number] {
    return [this.s0, this.s1, this.s2, this.s3];
  }

  /** Goes back to a state from `saveState`: the same numbers follow as followed it then. */
  restoreState(state: readonly [number, number, number, number]): void {
    [this.s0, this.s1, this.s2, this.s3] = state;
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const s1 = this.s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1) with 53 random bits (two draws, as MT19937's genrand_res53). */
  uniform(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** Standard normal by Box–Muller; one value per call (no cached twin), so streams are easy to mirror. */
  normal(): number {
    const u1 = 1 - this.uniform(); // in (0, 1]: log never sees 0
    const u2 = this.uniform();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Fisher–Yates shuffle in place (Durstenfeld's form, from the end). */
  shuffle(order: Int32Array | Uint32Array | number[]): void {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(this.uniform() * (i + 1));
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
