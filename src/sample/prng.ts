/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32) for sample data.
 * Sample output must be byte-identical for a given seed, so nothing in `src/sample/` may use
 * `Math.random`; everything draws from one of these.
 */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 spreads nearby seeds (1, 2, 3…) into unrelated sfc32 states.
    let s = Math.trunc(seed) >>> 0;
    const split = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = split();
    this.b = split();
    this.c = split();
    this.d = split();
    // sfc32 needs a few rounds before its output stops echoing the seed.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** Next unsigned 32-bit integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1). */
  float(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** A uniformly chosen element of a non-empty array (the element itself, so strings stay interned). */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)];
  }

  /** An element of a weighted table built once with `weightedTable`. */
  weighted<T>(table: WeightedTable<T>): T {
    const target = this.float() * table.total;
    const { cumulative } = table;
    // Tables are short (a handful of entries), so a linear scan beats a binary search.
    for (let i = 0; i < cumulative.length; i++) {
      if (target < cumulative[i]) return table.values[i];
    }
    return table.values[table.values.length - 1];
  }

  /**
   * Approximately standard-normal (mean 0, sd 1) from one draw: a lookup in a table of normal
   * quantiles. Cheaper than Box–Muller (the generator draws millions) and bounded (about
   * ±3.4), which keeps sample durations and scores sane.
   */
  normal(): number {
    return NORMAL_QUANTILES[this.nextUint32() >>> 22];
  }
}

/** Values with relative weights, prepared once so each draw is a short scan. */
export interface WeightedTable<T> {
  readonly values: readonly T[];
  readonly cumulative: readonly number[];
  readonly total: number;
}

/** Builds a `WeightedTable` from `[value, weight]` pairs (weights need not sum to 1). */
export function weightedTable<T>(entries: ReadonlyArray<readonly [T, number]>): WeightedTable<T> {
  if (entries.length === 0) throw new Error('weightedTable needs at least one entry');
  const values: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [value, weight] of entries) {
    if (!(weight >= 0)) throw new Error(`weightedTable: bad weight ${String(weight)}`);
    total += weight;
    values.push(value);
    cumulative.push(total);
  }
  if (total <= 0) throw new Error('weightedTable: weights sum to zero');
  return { values, cumulative, total };
}

/** The standard normal's quantiles at the midpoints of 1024 equal-probability slices. */
const NORMAL_QUANTILES: Float64Array = Float64Array.from({ length: 1024 }, (_, i) => inverseNormal((i + 0.5) / 1024));

function inverseNormal(p: number): number {
  // Peter Acklam's rational approximation of the inverse normal CDF (relative error < 1.2e-9).
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - low) return -inverseNormal(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}
