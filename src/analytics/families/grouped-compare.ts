/**
 * `groupedCalls(compare:)` in one pipeline: the scope matches both ranges, every call is tagged
 * with its period inside the group key (0 = current range, 1 = comparison range), a time
 * dimension's previous calls are moved to the same position of the current range (day 1 with
 * day 1), and a fold level turns each group's two period rows into one row carrying the current
 * partials under their own names and the previous ones under `prev_<name>`. Totals are merged
 * per period from the same grouped rows.
 */
import type { GroupSpec } from '../query/call-query.ts';
import type { Accumulator, Expression, Stage } from '../query/expression.ts';
import { mergeAll } from '../query/distinct-count.ts';
import type { TimeRange } from '../query/scope.ts';

/** The group-key part that holds the period. */
export const PERIOD_KEY = 'period';
export const CURRENT = 0;
export const PREVIOUS = 1;
/** Prefix of the folded row's previous-period fields. */
export const PREVIOUS_PREFIX = 'prev_';
/** 1 when the folded group has calls in the current range. */
export const IN_CURRENT = 'inCurrent';

/** The period of a call: 1 before the current range starts (the comparison range lies before it). */
export function periodExpression(current: TimeRange): Expression {
  return { $cond: [{ $lt: ['$started_at', new Date(current.from.getTime())] }, PREVIOUS, CURRENT] };
}

/** A bucket-index key moved forward by `shift` buckets for the comparison range's calls. */
export function alignedKey(key: Expression, shift: number, current: TimeRange): Expression {
  if (shift === 0) return key;
  return { $add: [key, { $cond: [{ $lt: ['$started_at', new Date(current.from.getTime())] }, shift, 0] }] };
}

/**
 * The level that folds the period rows of `level` (grouped by dimensions + period) into one row
 * per dimension key. Each group has at most one row per period, so `$max` over "this period's
 * value, else null" picks that row's value whatever the field holds (a sum, a bound, a count).
 */
export function foldLevel(level: GroupSpec): GroupSpec {
  const by: Record<string, Expression> = {};
  for (const part of Object.keys(level.by)) if (part !== PERIOD_KEY) by[part] = `$_id.${part}`;
  const isPeriod = (period: number) => ({ $eq: [`$_id.${PERIOD_KEY}`, period] });
  const accumulate: Record<string, Accumulator> = {};
  for (const field of Object.keys(level.accumulate)) {
    accumulate[field] = { $max: { $cond: [isPeriod(CURRENT), `$${field}`, null] } };
    accumulate[`${PREVIOUS_PREFIX}${field}`] = { $max: { $cond: [isPeriod(PREVIOUS), `$${field}`, null] } };
  }
  accumulate[IN_CURRENT] = { $max: { $cond: [isPeriod(CURRENT), 1, 0] } };
  return { by, accumulate };
}

/** Side pipeline: the totals of each period, one row per period (`_id` is the period), from rows grouped by dimensions + period. */
export function totalsPerPeriod(accumulate: Record<string, Accumulator>): readonly Stage[] {
  return [{ $group: { _id: `$_id.${PERIOD_KEY}`, ...mergeAll(accumulate) } }];
}

/** The partials of one period of a folded row, under their registry names. */
export function periodPartials(row: Record<string, unknown>, period: typeof CURRENT | typeof PREVIOUS): Record<string, unknown> {
  if (period === CURRENT) return row;
  const partials: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(row)) {
    if (field.startsWith(PREVIOUS_PREFIX)) partials[field.slice(PREVIOUS_PREFIX.length)] = value;
  }
  return partials;
}
