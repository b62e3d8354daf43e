/**
 * Small, fast, seedable randomness for the demo data. Math.random cannot be seeded and faker is far
 * too slow for a million events, so the bulk runs on sfc32 (128-bit state, passes PractRand).
 */

/** Bijective 32-bit mixer (lowbias32): distinct inputs give distinct outputs. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Order-sensitive hash of a few integers. */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) h = mix32((h ^ mix32(p >>> 0)) + 0x6d2b79f5);
  return h;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** One independent stream per (seed, ...key), e.g. (seed, customer number): customers do not depend on each other. */
  constructor(seed: number, ...key: number[]) {
    this.a = hash32(seed, 1, ...key);
    this.b = hash32(seed, 2, ...key);
    this.c = hash32(seed, 3, ...key);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** [0, 1) */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** Real in [lo, hi). */
  real(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Exponentially distributed with the given mean: waiting times between independent happenings. */
  exp(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }
}

/** A categorical distribution, sampled in O(log n). */
export class Weighted<T> {
  private readonly cumulative: number[] = [];
  private readonly items: T[] = [];
  private total = 0;

  constructor(entries: readonly (readonly [T, number])[]) {
    for (const [item, weight] of entries) {
      this.total += weight;
      this.items.push(item);
      this.cumulative.push(this.total);
    }
  }

  pick(rng: Rng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}
