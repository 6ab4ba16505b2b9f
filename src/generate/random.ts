// Seeded randomness for the generator: every decision about entity i is drawn from its own stream,
// reseeded from (seed, stream, i), so any fact can be recomputed later without being stored.
// Never Math.random: the same seed must give the same bytes.

/** A 32-bit bijective mixer (lowbias32): distinct inputs give distinct, well-spread outputs. */
export function hash32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The base of one named stream of decisions under one seed. */
export function streamBase(seed: number, stream: number): number {
  return hash32(hash32(seed >>> 0) ^ Math.imul(stream + 1, 0x9e3779b1));
}

/** mulberry32, reseeded per entity: `rng.at(base, i)` then draw. */
export class Rng {
  private state = 0;

  at(base: number, index: number): this {
    this.state = hash32(base ^ hash32(index)) | 0;
    return this;
  }

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** A discrete power law (Pareto, exponent `alpha`, minimum `xmin`), capped: most small, a few huge. */
  powerLaw(xmin: number, alpha: number, cap: number): number {
    const x = Math.floor(xmin * Math.pow(1 - this.next(), -1 / (alpha - 1)));
    return x < cap ? x : cap;
  }
}

/** Walker/Vose alias table: O(1) sampling from any fixed discrete distribution over 0..n-1. */
export class AliasTable {
  private readonly prob: Float64Array;
  private readonly alias: Int32Array;

  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    this.prob = new Float64Array(n);
    this.alias = new Int32Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += weights[i];
    const scaled = new Float64Array(n);
    const small = new Int32Array(n);
    const large = new Int32Array(n);
    let ns = 0;
    let nl = 0;
    for (let i = 0; i < n; i++) {
      scaled[i] = (weights[i] * n) / sum;
      if (scaled[i] < 1) small[ns++] = i;
      else large[nl++] = i;
    }
    while (ns > 0 && nl > 0) {
      const s = small[--ns];
      const l = large[nl - 1];
      this.prob[s] = scaled[s];
      this.alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1;
      if (scaled[l] < 1) {
        nl--;
        small[ns++] = l;
      }
    }
    while (nl > 0) this.prob[large[--nl]] = 1;
    while (ns > 0) this.prob[small[--ns]] = 1;
  }

  get size(): number {
    return this.prob.length;
  }

  sample(rng: Rng): number {
    const u = rng.next() * this.prob.length;
    const i = Math.floor(u);
    return u - i < this.prob[i] ? i : this.alias[i];
  }
}

/** Zipf over ranks 0..n-1 (weight 1/(rank+1)^s): rank 0 is the biggest hub. */
export function zipfTable(n: number, s: number): AliasTable {
  const weights = new Float64Array(n);
  for (let r = 0; r < n; r++) weights[r] = 1 / Math.pow(r + 1, s);
  return new AliasTable(weights);
}
