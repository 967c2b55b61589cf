import type { GroupSpec } from './call-query.ts';
import { groupStages } from './compile-call-query.ts';
import { countPresent, DISTINCT_VALUE_KEY, mergeAll, type DistinctValue } from './distinct-count.ts';
import type { Accumulator, Expression, Stage } from './expression.ts';

/**
 * Exact nearest-rank percentiles of the call duration, computed inside the pipeline from a
 * histogram the pipeline counts: no `$percentile` (mingo sorts numbers as text there, DESIGN
 * section 1), no `$push`, and no array in any row.
 *
 * 1. The calls are grouped by the group key plus the duration (`durationValue`): one row per
 *    distinct duration of each group, holding its number of calls (`calls`). This level is
 *    the histogram.
 * 2. `$setWindowFields`, partitioned by the group key and sorted by duration, adds to each of
 *    those rows the running number of calls up to and including it (`runningCalls`) and the
 *    group's number of calls (`partitionCalls`).
 * 3. The p-th percentile of the group is the smallest duration whose running count reaches
 *    p% of the group: `$min` over the histogram rows of `100 × runningCalls ≥ p × partitionCalls
 *    ? durationValue : null` (`$min` skips the nulls). Integer arithmetic, so it is exact.
 *
 * Rows with tied durations (the same duration under several callers when distinct callers
 * are counted too) do not change the answer: the last of the tied rows carries the running
 * count of all of them, and no earlier duration reaches the threshold.
 *
 * Bounds: the rows between the levels are one per distinct duration per group (per caller
 * too, with distinct callers), never one per call, and no row holds a list, so every row is
 * a few fields and far below MongoDB's 16 MiB document limit; the result holds one row per
 * group plus the totals. `$setWindowFields` keeps one partition (one group's histogram) in
 * memory at a time, under MongoDB's 100 MB stage limit for any histogram of integer seconds.
 */

/** A percentile metric: the field it is computed into and its p (1–100). */
export interface PercentileSpec {
  name: string;
  percent: number;
}

/** The `_id` part that carries the duration in the histogram level. */
export const DURATION_VALUE_KEY = 'durationValue';
/** The histogram value: the duration in seconds, a missing one counting as 0 (DESIGN 2.1). */
export const DURATION_VALUE: Expression = { $ifNull: ['$duration_sec', 0] };
/** The partial that counts calls; the histogram's weights. */
const CALLS = 'calls';
const RUNNING = 'runningCalls';
const PARTITION = 'partitionCalls';

/**
 * The running and whole-partition call counts over histogram rows, partitioned by `keyParts`
 * of their `_id` and sorted by duration (then the other `_id` parts, so the order is total).
 */
export function runningCountsStage(options: { keyParts: readonly string[]; otherParts: readonly string[] }): Stage {
  const { keyParts, otherParts } = options;
  const sortBy: Record<string, 1> = { [`_id.${DURATION_VALUE_KEY}`]: 1 };
  for (const part of [...keyParts, ...otherParts]) sortBy[`_id.${part}`] = 1;
  const partitionBy = keyParts.length ? Object.fromEntries(keyParts.map((part) => [part, `$_id.${part}`])) : undefined;
  return {
    $setWindowFields: {
      ...(partitionBy ? { partitionBy } : {}),
      sortBy,
      output: {
        [RUNNING]: { $sum: `$${CALLS}`, window: { documents: ['unbounded', 'current'] } },
        [PARTITION]: { $sum: `$${CALLS}`, window: { documents: ['unbounded', 'unbounded'] } },
      },
    },
  };
}

/** This histogram row's duration when it is at or past the p-th percentile's rank, else null. */
export function percentilePick(percent: number): Expression {
  return {
    $cond: [{ $gte: [{ $multiply: [`$${RUNNING}`, 100] }, { $multiply: [`$${PARTITION}`, percent] }] }, `$_id.${DURATION_VALUE_KEY}`, null],
  };
}

/** The levels that group histogram rows and pick the percentiles (and count distinct values). */
export interface PercentileLevels {
  /** Group by key (+ distinct value) + duration, accumulating the partials: the histogram. */
  first: GroupSpec;
  /** The rows' levels after `first`: one row per key with merged partials and the percentiles. */
  rows: GroupSpec[];
  /** Side pipeline over `first`'s rows: the number of keys (`[{ n }]`, empty for none). */
  groupCount: readonly Stage[];
  /** Side pipeline over `first`'s rows: one row over every key, merged partials and percentiles. */
  totals: readonly Stage[];
}

/**
 * Levels for grouped rows with percentiles, optionally with a distinct count. `accumulate`
 * must hold `calls` (the histogram's weights).
 */
export function percentileLevels(options: {
  by: Record<string, Expression>;
  accumulate: Record<string, Accumulator>;
  percentiles: readonly PercentileSpec[];
  distinct?: DistinctValue | null;
  /**
   * A part of `by` the totals keep apart (one totals row per value of it, `_id` that value),
   * e.g. the period of a compared report; without it, one totals row (`_id: null`).
   */
  totalsSplitBy?: string;
}): PercentileLevels {
  const { by, accumulate, percentiles, distinct, totalsSplitBy } = options;
  if (!(CALLS in accumulate)) throw new Error(`percentiles need the ${CALLS} partial`);
  for (const reserved of [DURATION_VALUE_KEY, DISTINCT_VALUE_KEY]) {
    if (reserved in by) throw new Error(`group key part ${reserved} is reserved`);
  }
  const keyParts = Object.keys(by);
  const first: GroupSpec = {
    by: { ...by, ...(distinct ? { [DISTINCT_VALUE_KEY]: distinct.value } : {}), [DURATION_VALUE_KEY]: DURATION_VALUE },
    accumulate,
  };
  const totalsParts = totalsSplitBy ? [totalsSplitBy] : [];
  const regroupTotals: Stage = {
    $group: {
      _id: {
        ...(totalsSplitBy ? { [totalsSplitBy]: `$_id.${totalsSplitBy}` } : {}),
        ...(distinct ? { [DISTINCT_VALUE_KEY]: `$_id.${DISTINCT_VALUE_KEY}` } : {}),
        [DURATION_VALUE_KEY]: `$_id.${DURATION_VALUE_KEY}`,
      },
      ...mergeAll(accumulate),
    },
  };
  const keyFromId = keyParts.length ? Object.fromEntries(keyParts.map((part) => [part, `$_id.${part}`])) : null;
  return {
    first,
    rows: levelsAfterHistogram({ keyParts, accumulate, percentiles, distinct }),
    groupCount: [{ $group: { _id: keyFromId } }, { $count: 'n' }],
    totals: [regroupTotals, ...scalarLastKey(levelsAfterHistogram({ keyParts: totalsParts, accumulate, percentiles, distinct }).flatMap(groupStages), totalsSplitBy)],
  };
}

/** The split totals' last `$group` keyed by the split value itself (`_id: 0`), not `{ period: 0 }`. */
function scalarLastKey(stages: Stage[], part: string | undefined): Stage[] {
  if (!part) return stages;
  const last = stages.at(-1) as { $group: Record<string, unknown> };
  return [...stages.slice(0, -1), { $group: { ...last.$group, _id: `$_id.${part}` } }];
}

function levelsAfterHistogram(options: {
  keyParts: readonly string[];
  accumulate: Record<string, Accumulator>;
  percentiles: readonly PercentileSpec[];
  distinct?: DistinctValue | null;
}): GroupSpec[] {
  const { keyParts, accumulate, percentiles, distinct } = options;
  const merged = mergeAll(accumulate);
  const picks: Record<string, Accumulator> = {};
  for (const p of percentiles) picks[p.name] = { $min: percentilePick(p.percent) };
  const keep: Record<string, Expression> = Object.fromEntries(keyParts.map((part) => [part, `$_id.${part}`]));
  const window = runningCountsStage({ keyParts, otherParts: distinct ? [DISTINCT_VALUE_KEY] : [] });
  if (!distinct) return [{ by: keep, accumulate: { ...merged, ...picks }, window }];
  const mergedPicks: Record<string, Accumulator> = {};
  for (const p of percentiles) mergedPicks[p.name] = { $min: `$${p.name}` };
  return [
    { by: { ...keep, [DISTINCT_VALUE_KEY]: `$_id.${DISTINCT_VALUE_KEY}` }, accumulate: { ...merged, ...picks }, window },
    { by: keep, accumulate: { ...merged, ...mergedPicks, [distinct.name]: countPresent(`$_id.${DISTINCT_VALUE_KEY}`) } },
  ];
}
