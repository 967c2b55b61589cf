/**
 * `groupedCalls(fillGaps: true)`: every bucket of the time dimension across the range, for every
 * combination of the other grouped dimensions that occurs, as DESIGN section 3 fills a series.
 * The pipeline returns the grouped rows unsorted and unlimited (bounded by the bucket limit);
 * the missing rows are added here, then HAVING, sort, count and limit run on the filled rows,
 * in TypeScript, with the pipeline's sort semantics (BSON order, dimension tie-breaks).
 */
import { UserInputError } from '../errors.ts';
import type { Bucket } from '../time/buckets.ts';
import { compareCodePoints } from '../../shared/compare-code-points.ts';

/** A grouped row as the pipeline returns it: `_id` holds the raw dimension keys. */
export type RawRow = Record<string, unknown> & { _id?: Record<string, unknown> | null };

/** Rows a filled answer may have at most (DESIGN section 3's bucket limit). */
export const MAX_FILLED_ROWS = 10_000;

/** Marks a row the fill made (no calls in that bucket). */
export const FILLED = Symbol('filled');
export type FilledRow = RawRow & { [FILLED]?: true };

/**
 * The rows of every (combination of other dimensions) × (bucket), in no particular order.
 * `isCurrent` tells which rows make a combination occur (all rows, unless a compared report
 * also returned rows that only the comparison range has: those fill their position, if it is
 * one of the buckets, and nothing else). More than `MAX_FILLED_ROWS` is refused naming `argument`.
 */
export function fillRows(options: {
  rows: readonly RawRow[];
  timeField: string;
  otherFields: readonly string[];
  buckets: readonly Bucket[];
  isCurrent: (row: RawRow) => boolean;
  argument: string;
}): FilledRow[] {
  const { rows, timeField, otherFields, buckets, isCurrent, argument } = options;
  const keyOf = (id: Record<string, unknown>) => JSON.stringify(otherFields.map((field) => id[field] ?? null));
  const combinations = new Map<string, Record<string, unknown>>();
  const byKey = new Map<string, RawRow>();
  for (const row of rows) {
    const id = row._id ?? {};
    const combination = keyOf(id);
    if (isCurrent(row) && !combinations.has(combination)) {
      combinations.set(combination, Object.fromEntries(otherFields.map((field) => [field, id[field] ?? null])));
    }
    byKey.set(`${combination}|${String(id[timeField])}`, row);
  }
  // With no other dimension the one (empty) combination always occurs: a series of zeros.
  if (otherFields.length === 0 && combinations.size === 0) combinations.set(keyOf({}), {});
  const total = combinations.size * buckets.length;
  if (total > MAX_FILLED_ROWS) {
    throw tooManyRows(argument, `${total} rows (${buckets.length} buckets × ${combinations.size} combinations of the other dimensions)`);
  }
  const filled: FilledRow[] = [];
  for (const [combination, values] of combinations) {
    for (const bucket of buckets) {
      const row = byKey.get(`${combination}|${bucket.index}`);
      filled.push(row ?? { _id: { ...values, [timeField]: bucket.index }, [FILLED]: true });
    }
  }
  return filled;
}

export function tooManyRows(argument: string, what: string): UserInputError {
  return new UserInputError(
    argument,
    `${argument} would produce ${what}; at most ${MAX_FILLED_ROWS} rows are allowed — narrow the range, use a coarser time dimension or filter`,
  );
}

/**
 * Sorts rows as the pipeline's `$sort` would: by `value(row)` in `direction`, then every
 * dimension key ascending, in BSON order (null < numbers < strings).
 */
export function sortRows<Row extends RawRow>(rows: Row[], options: { value: (row: Row) => unknown; direction: 1 | -1; tieBreaks: readonly string[] }): Row[] {
  const { value, direction, tieBreaks } = options;
  const keyed = rows.map((row) => ({ row, key: value(row) }));
  keyed.sort((a, b) => {
    const first = compareBson(a.key, b.key) * direction;
    if (first !== 0) return first;
    for (const field of tieBreaks) {
      const order = compareBson(a.row._id?.[field], b.row._id?.[field]);
      if (order !== 0) return order;
    }
    return 0;
  });
  return keyed.map(({ row }) => row);
}

/** BSON comparison order of the values a grouped row holds: missing/null, numbers, strings. */
export function compareBson(a: unknown, b: unknown): number {
  const rank = (v: unknown) => (v === null || v === undefined ? 0 : typeof v === 'number' ? 1 : 2);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return 0;
  if (ra === 1) return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
  return compareCodePoints(String(a), String(b));
}
