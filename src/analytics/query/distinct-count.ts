import type { GroupSpec } from './call-query.ts';
import type { Accumulator, Expression, Stage } from './expression.ts';

/**
 * Distinct counts computed inside the pipeline, so no result carries a set of call values
 * (a `$addToSet` per group grows with the data: MongoDB fails past 16 MiB per result document
 * and 100 MB per `$addToSet`, and `allowDiskUse` lifts neither). The calls are grouped by the
 * group key plus the value; a second level groups those rows by the key alone and counts the
 * present values. Every result row is then bounded by the number of groups.
 */
export interface DistinctValue {
  /** The field of the finished rows that holds the count. */
  name: string;
  /** The counted value; must never be missing (wrap it in `$ifNull: [..., null]`): null is not counted. */
  value: Expression;
}

/** The `_id` part that carries the counted value in the first level. */
export const DISTINCT_VALUE_KEY = 'distinctValue';

/** Counts rows whose `path` holds a value (not null). */
export function countPresent(path: string): Accumulator {
  return { $sum: { $cond: [{ $eq: [path, null] }, 0, 1] } };
}

/**
 * The accumulator that merges one partial over already-grouped rows: sums add, bounds take the
 * bound of the bounds. Only these three merge exactly; anything else is refused here so that no
 * set or list ever travels through a merge.
 */
export function mergeAccumulator(name: string, accumulator: Accumulator): Accumulator {
  if ('$sum' in accumulator) return { $sum: `$${name}` };
  if ('$min' in accumulator) return { $min: `$${name}` };
  if ('$max' in accumulator) return { $max: `$${name}` };
  throw new Error(`partial ${name} (${Object.keys(accumulator)[0]}) cannot be merged across groups`);
}

export function mergeAll(accumulate: Record<string, Accumulator>): Record<string, Accumulator> {
  const merged: Record<string, Accumulator> = {};
  for (const [name, accumulator] of Object.entries(accumulate)) merged[name] = mergeAccumulator(name, accumulator);
  return merged;
}

/** The two grouping levels and the side pipelines that read the first level's rows. */
export interface DistinctCountLevels {
  /** Group by key + value, accumulating the partials. */
  first: GroupSpec;
  /** Group the first level's rows by key: merged partials plus the distinct count. */
  second: GroupSpec;
  /** Side pipeline: the number of groups of the second level (`[{ n }]`, empty for none). */
  groupCount: readonly Stage[];
  /** Side pipeline: one row over all groups, merged partials plus the distinct count across groups. */
  totals: readonly Stage[];
  /** Side pipeline: one row with only the distinct count across groups. */
  distinctOnly: readonly Stage[];
}

export function distinctCountLevels(options: {
  by: Record<string, Expression>;
  accumulate: Record<string, Accumulator>;
  distinct: DistinctValue;
  /**
   * A part of `by` the totals keep apart (one totals row per value of it, `_id` that value),
   * e.g. the period of a compared report; without it, one totals row (`_id: null`).
   */
  totalsSplitBy?: string;
}): DistinctCountLevels {
  const { by, accumulate, distinct, totalsSplitBy } = options;
  if (DISTINCT_VALUE_KEY in by) throw new Error(`group key part ${DISTINCT_VALUE_KEY} is reserved for the distinct value`);
  const merged = mergeAll(accumulate);
  const keyFromId: Record<string, Expression> = {};
  for (const part of Object.keys(by)) keyFromId[part] = `$_id.${part}`;
  const secondId = Object.keys(keyFromId).length ? keyFromId : null;
  return {
    first: { by: { ...by, [DISTINCT_VALUE_KEY]: distinct.value }, accumulate },
    second: { by: keyFromId, accumulate: { ...merged, [distinct.name]: countPresent(`$_id.${DISTINCT_VALUE_KEY}`) } },
    groupCount: [{ $group: { _id: secondId } }, { $count: 'n' }],
    // Per value first (one row per distinct value), then one row: the count of present values.
    totals: totalsSplitBy
      ? [
          { $group: { _id: { value: `$_id.${DISTINCT_VALUE_KEY}`, split: `$_id.${totalsSplitBy}` }, ...merged } },
          { $group: { _id: '$_id.split', ...mergeAll(accumulate), [distinct.name]: countPresent('$_id.value') } },
        ]
      : [
          { $group: { _id: `$_id.${DISTINCT_VALUE_KEY}`, ...merged } },
          { $group: { _id: null, ...mergeAll(accumulate), [distinct.name]: countPresent('$_id') } },
        ],
    distinctOnly: [{ $group: { _id: `$_id.${DISTINCT_VALUE_KEY}` } }, { $group: { _id: null, [distinct.name]: countPresent('$_id') } }],
  };
}
