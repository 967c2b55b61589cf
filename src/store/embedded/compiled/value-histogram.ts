import { compareValues } from './bson-values.ts';
import { CompiledBailout } from './compiled-errors.ts';
import type { SliceClock, SlicedWork } from './slice-clock.ts';

/**
 * The number of documents per value of one group (fused percentiles, fused-percentiles.ts):
 * the histogram that dialgraph's percentile pipelines count as one `$group` row per distinct
 * duration, kept inside the group instead.
 *
 * Durations are small non-negative integers (seconds), so those are counted in a dense
 * array indexed by the value: one typed-array increment per document, where a row per
 * distinct value costs a hash lookup. 32-bit counts: a group of the in-memory store never
 * holds 2³² documents. The array only grows while it stays at most
 * `DENSIFY` times the group's document count (and below `MAX_DENSE`), so a group of a few
 * calls with long durations never allocates a large array; every other value (negative,
 * fractional, large, NaN, strings, booleans, null) is counted in a `Map`. Values are keyed as
 * a `$group` keys primitives (1 and 1.0 alike, -0 with 0), Dates by instant (the first one
 * seen is the one answered); missing counts with null: neither is ever picked, both only
 * weigh. Arrays and objects bail out to mingo, as the window stage's sort does with them.
 */

const MIN_DENSE = 64;
const MAX_DENSE = 1 << 16;
const DENSIFY = 4;

/** A non-dense value: null stands for null and missing. */
type Sparse = Map<unknown, number>;

/** Shared by every histogram until its first dense count (many groups count few values). */
const EMPTY = new Uint32Array(0);

export class ValueHistogram {
  dense = EMPTY;
  sparse: Sparse | undefined;
  /** Dates by epoch ms. */
  dates: Map<number, { value: Date; count: number }> | undefined;
  /** Documents counted. */
  total = 0;

  add(value: unknown): void {
    this.total += 1;
    const dense = this.dense;
    // `>>> 0` keeps exactly the integers 0 … 2³²−1 (and -0, which a `$group` keys as 0).
    if (typeof value === 'number' && value >>> 0 === value) {
      if (value < dense.length) {
        dense[value] += 1;
        return;
      }
      if (this.grow(value)) {
        this.dense[value] += 1;
        return;
      }
    }
    this.addSparse(value, 1);
  }

  private addSparse(value: unknown, count: number): void {
    const key = value ?? null;
    if (key instanceof Date) {
      this.addDate(key, count);
      return;
    }
    if (typeof key === 'object' && key !== null) throw new CompiledBailout('an array or object as a percentile value');
    const sparse = (this.sparse ??= new Map());
    sparse.set(key, (sparse.get(key) ?? 0) + count);
  }

  private addDate(value: Date, count: number): void {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new CompiledBailout('an invalid Date as a percentile value');
    const dates = (this.dates ??= new Map());
    const entry = dates.get(ms);
    if (entry) entry.count += count;
    else dates.set(ms, { value, count });
  }

  /** Makes the dense array cover `value` when it stays dense enough. */
  private grow(value: number): boolean {
    let size = Math.max(MIN_DENSE, this.dense.length);
    while (size <= value) size *= 2;
    if (size > MAX_DENSE || size > Math.max(MIN_DENSE, DENSIFY * this.total)) return false;
    this.cover(size);
    return true;
  }

  /**
   * Grows the dense array to `size` and moves the sparse counts it now covers into it: a
   * value is counted in one place only, which `pick` relies on.
   */
  private cover(size: number): void {
    if (size <= this.dense.length) return;
    const grown = new Uint32Array(size);
    grown.set(this.dense);
    this.dense = grown;
    if (!this.sparse) return;
    for (const [key, count] of this.sparse) {
      if (typeof key === 'number' && key >>> 0 === key && key < size) {
        grown[key] += count;
        this.sparse.delete(key);
      }
    }
  }

  /** Adds another histogram's counts (sliced: one tick per value). */
  *merge(other: ValueHistogram, clock: SliceClock): SlicedWork {
    const dense = other.dense;
    // The other array is already bounded by its own documents; the merged one is no larger.
    this.cover(dense.length);
    const mine = this.dense;
    for (let value = 0; value < dense.length; value++) {
      mine[value] += dense[value];
      if (clock.tick()) yield;
    }
    for (const [value, count] of other.sparse ?? []) {
      if (typeof value === 'number' && value >>> 0 === value && value < mine.length) mine[value] += count;
      else this.addSparse(value, count);
      if (clock.tick()) yield;
    }
    for (const { value, count } of other.dates?.values() ?? []) {
      this.addDate(value, count);
      if (clock.tick()) yield;
    }
    this.total += other.total;
  }

  /**
   * For each p of `percents` (1–100): the smallest value, in MongoDB order, whose running
   * count reaches p% of the total (`100 × running ≥ p × total`, the comparison the pipeline
   * makes), skipping null (the pipeline's `$min` skips it); null when none does.
   */
  *pick(percents: readonly number[], clock: SliceClock): SlicedWork<(unknown | null)[]> {
    const picks: unknown[] = percents.map(() => null);
    const open = percents.map((_, i) => i);
    const sparse = this.sparseInOrder();
    if (clock.tick(sparse.length)) yield;
    const total = this.total;
    const dense = this.dense;
    let running = 0;
    let s = 0;
    let d = 0;
    const reach = (value: unknown, count: number) => {
      running += count;
      if (value === null) return;
      for (let k = open.length - 1; k >= 0; k--) {
        const i = open[k];
        if (running * 100 >= total * percents[i]) {
          picks[i] = value;
          open.splice(k, 1);
        }
      }
    };
    while (open.length && (s < sparse.length || d < dense.length)) {
      if (d < dense.length && dense[d] === 0) {
        d += 1;
        continue;
      }
      if (s < sparse.length && (d === dense.length || compareValues(sparse[s][0], d) < 0)) {
        reach(sparse[s][0], sparse[s][1]);
        s += 1;
      } else {
        reach(d, dense[d]);
        d += 1;
      }
      if (clock.tick()) yield;
    }
    return picks;
  }

  private sparseInOrder(): [unknown, number][] {
    const entries: [unknown, number][] = [...(this.sparse ?? [])];
    for (const { value, count } of this.dates?.values() ?? []) entries.push([value, count]);
    return entries.sort((a, b) => compareValues(a[0], b[0]));
  }
}
