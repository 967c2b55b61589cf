import type { CallQuery } from '../../query/call-query.ts';
import type { Accumulator, Expression, Stage } from '../../query/expression.ts';
import type { Principal } from '../../../contract/principal.ts';
import { readFacets } from '../../query/compile-call-query.ts';
import { countPresent, DISTINCT_VALUE_KEY, distinctCountLevels, type DistinctValue } from '../../query/distinct-count.ts';
import { clientNumberExpression, num, PARTIALS, type PartialName } from '../../registry/partials.ts';
import { round2 } from '../../rounding.ts';
import { bucketIndexExpression, enumerateBuckets, type Bucket, type BucketUnit } from '../../time/buckets.ts';
import { LOCAL_MS, localTimeOnce } from '../../time/local-time-expression.ts';
import type { Operation } from '../../operation.ts';
import { normalizeCallSearch, toCallSearchArgs, type CallSearchArgs, type CallSearchInput } from './call-search.ts';

/** `{ sum count min max }` of one timing; min/max are null when it covers no call. */
export interface TimeStats {
  sum: number;
  count: number;
  min: number | null;
  max: number | null;
}

/** One block of `DetailedCallStats` (all calls, or one direction). */
export interface DirectionStats {
  all: number;
  /** UNANSWERED calls. */
  fail: number;
  /** ANSWERED calls. */
  success: number;
  /** Calls with talk time > 0. */
  talks: number;
  /** FAILED calls. */
  error: number;
  /** Distinct client numbers. */
  unique: number;
  firstTime: number;
  /** Calls without `ended_at`. */
  active: number;
  /** Total time of every call. */
  total: TimeStats;
  /** Call duration of every call. */
  call: TimeStats;
  /** Answer time of answered calls. */
  answer: TimeStats;
}

export interface DetailedCallStats {
  all: DirectionStats;
  in: DirectionStats;
  out: DirectionStats;
  our: DirectionStats;
  tagsSuccess: number;
  tagsDefault: number;
  tagsFail: number;
  tagsNoResult: number;
  aiTalkTime: number;
  allTalkTime: number;
  aiTalkCost: number;
  /** One entry per `dateInterval` bucket; empty without one. */
  intervals: CallStatsInterval[];
}

/** The partials accumulated per direction; `all` and the outcome counts are merged from them. */
const STATS_PARTIALS = [
  'calls',
  'answeredCount',
  'failedCount',
  'talkingCount',
  'firstTimeCount',
  'activeCount',
  'totalTimeSum',
  'totalTimeMin',
  'totalTimeMax',
  'durationSum',
  'durationMin',
  'durationMax',
  'answeredAnswerTimeSum',
  'answeredAnswerTimeMin',
  'answeredAnswerTimeMax',
  'positiveOutcomeCount',
  'neutralOutcomeCount',
  'negativeOutcomeCount',
  'noOutcomeTypeCount',
  'talkTimeSum',
  'aiTalkTimeSum',
  'aiTalkCostCentsSum',
] as const satisfies readonly PartialName[];

type StatsPartial = (typeof STATS_PARTIALS)[number];
type Partials = Partial<Record<StatsPartial, unknown>>;

/** Which `DetailedCallStats` block each stored direction fills. */
const BLOCK_BY_DIRECTION = { inbound: 'in', outbound: 'out', internal: 'our' } as const;
type Block = (typeof BLOCK_BY_DIRECTION)[keyof typeof BLOCK_BY_DIRECTION];
const BLOCKS: readonly Block[] = ['in', 'out', 'our'];

/** Distinct client numbers (`unique`), counted in the pipeline. */
const CLIENTS: DistinctValue = { name: 'unique', value: clientNumberExpression() };

/** Side pipelines over the first level's rows (direction [+ bucket] + client). */
const ALL_CLIENTS = 'allClients';
const DIRECTION_CLIENTS = 'directionClients';
const BUCKET_CLIENTS = 'bucketClients';

/** The statistics of one `dateInterval` bucket. */
export interface CallStatsInterval extends Omit<DetailedCallStats, 'intervals'> {
  /** DESIGN 3's label of the local bucket (`YYYY-MM-DD`, `YYYY-MM-DDTHH:00`, Monday's date, `YYYY-MM`). */
  label: string;
  /** The instant the local bucket begins. */
  bucketStart: Date;
}

/** The seed's `dateInterval`: one statistics entry per local bucket of the searched days. */
export type DateInterval = BucketUnit;
export const DATE_INTERVALS: readonly DateInterval[] = ['HOUR', 'DAY', 'WEEK', 'MONTH'];

/** What shaping needs from compilation: the buckets of the searched days, when intervals are asked for. */
export interface CallStatsPlan {
  buckets: readonly Bucket[] | null;
}

/** `$_id.<part>` paths of the first level's key, read by the side pipelines. */
const key = (part: string): string => `$_id.${part}`;

/**
 * `callStats` as a preset of the query core, one pipeline for the whole answer: the same search
 * conditions as `calls`; calls grouped by direction (and, with `dateInterval`, the local bucket
 * of the search's zone) + client number, then by direction [+ bucket] (partials and distinct
 * clients per row). Side pipelines over the first level count the distinct clients the rows
 * cannot: over every direction (`all.unique`) and, with intervals, per direction over the
 * whole range and per bucket over every direction. Everything else is merged from the rows,
 * so the answer is a few rows per bucket whatever the number of clients.
 *
 * `intervals` is computed only when `dateInterval` is given and selected; its buckets are
 * listed before the query runs, so too many buckets are refused without touching the store.
 */
export function callStatsQuery(options: {
  principal: Principal;
  search: CallSearchArgs;
  now: Date;
  /** Bucket unit of `intervals`; null or missing: no intervals. */
  dateInterval?: DateInterval | null;
}): { query: CallQuery; plan: CallStatsPlan } {
  const { principal, search, now, dateInterval } = options;
  const normalized = normalizeCallSearch({ search, now });
  const accumulate: Record<string, Accumulator> = {};
  for (const name of STATS_PARTIALS) accumulate[name] = PARTIALS[name];
  const by: Record<string, Expression> = { direction: { $ifNull: ['$direction', null] } };
  let buckets: Bucket[] | null = null;
  let perDocument: Record<string, Expression> | undefined;
  if (dateInterval) {
    const { zone, range } = normalized;
    buckets = enumerateBuckets({ zone, unit: dateInterval, from: range.from, to: range.to, argument: 'dateInterval' });
    by.bucket = bucketIndexExpression(dateInterval, LOCAL_MS) as Expression;
    perDocument = localTimeOnce(zone, range);
  }
  const levels = distinctCountLevels({ by, accumulate, distinct: CLIENTS });
  const facets: Record<string, readonly Stage[]> = { [ALL_CLIENTS]: levels.distinctOnly };
  if (buckets) {
    facets[DIRECTION_CLIENTS] = distinctPer('direction');
    facets[BUCKET_CLIENTS] = distinctPer('bucket');
  }
  return {
    query: {
      principal,
      range: normalized.range,
      users: normalized.users,
      where: normalized.where,
      ...(perDocument ? { perDocument } : {}),
      groups: [levels.first],
      rowGroups: [levels.second],
      facets,
    },
    plan: { buckets },
  };
}

/** Distinct clients per value of one key part of the first level (e.g. per bucket over every direction). */
function distinctPer(part: 'direction' | 'bucket'): readonly Stage[] {
  return [
    { $group: { _id: { [part]: key(part), client: key(DISTINCT_VALUE_KEY) } } },
    { $group: { _id: key(part), [CLIENTS.name]: countPresent(key('client')) } },
  ];
}

/**
 * Finishes the rows: per direction [+ bucket] partials, merged into the blocks (sums add,
 * min/max of the row bounds) with the distinct counts of the side pipelines; with intervals,
 * one entry per bucket of the searched days, empty ones filled.
 */
export function shapeCallStats(result: readonly Record<string, unknown>[], plan: CallStatsPlan = { buckets: null }): DetailedCallStats {
  const { rows, facet } = readFacets<Record<string, unknown>>(result);
  const uniqueOf = (name: string, id: unknown): number => num(facet(name).find((row) => row._id === id)?.[CLIENTS.name]);
  const allUnique = num(facet(ALL_CLIENTS)[0]?.[CLIENTS.name]);
  if (!plan.buckets) return { ...statsOf(rows, { all: allUnique }), intervals: [] };

  const whole = statsOf(rows, {
    all: allUnique,
    in: uniqueOf(DIRECTION_CLIENTS, 'inbound'),
    out: uniqueOf(DIRECTION_CLIENTS, 'outbound'),
    our: uniqueOf(DIRECTION_CLIENTS, 'internal'),
  });
  const rowsByBucket = new Map<unknown, Record<string, unknown>[]>();
  for (const row of rows) {
    const bucket = (row._id as { bucket?: unknown } | null)?.bucket;
    const list = rowsByBucket.get(bucket);
    if (list) list.push(row);
    else rowsByBucket.set(bucket, [row]);
  }
  const intervals = plan.buckets.map(({ index, label, start }): CallStatsInterval => ({
    label,
    bucketStart: start,
    ...statsOf(rowsByBucket.get(index) ?? [], { all: uniqueOf(BUCKET_CLIENTS, index) }),
  }));
  return { ...whole, intervals };
}

/**
 * The statistics of a set of direction rows. `unique` of a direction block is the sum of its
 * rows' distinct counts unless given (exact when the block has one row).
 */
function statsOf(rows: readonly Record<string, unknown>[], unique: { all: number } & Partial<Record<Block, number>>): Omit<DetailedCallStats, 'intervals'> {
  const byBlock: Record<Block, Partials[]> = { in: [], out: [], our: [] };
  for (const row of rows) {
    const direction = (row._id as { direction?: unknown } | null)?.direction;
    const block = typeof direction === 'string' && Object.hasOwn(BLOCK_BY_DIRECTION, direction)
      ? BLOCK_BY_DIRECTION[direction as keyof typeof BLOCK_BY_DIRECTION]
      : null;
    if (block) byBlock[block].push(row as Partials);
  }
  const blocks = {} as Record<Block, DirectionStats>;
  for (const block of BLOCKS) {
    const merged = mergePartials(byBlock[block]);
    blocks[block] = directionStats(unique[block] === undefined ? merged : { ...merged, unique: unique[block] });
  }
  const all = { ...mergePartials(rows as Partials[]), unique: unique.all };
  return {
    all: directionStats(all),
    ...blocks,
    tagsSuccess: all.positiveOutcomeCount,
    tagsDefault: all.neutralOutcomeCount,
    tagsFail: all.negativeOutcomeCount,
    tagsNoResult: all.noOutcomeTypeCount,
    aiTalkTime: round2(all.aiTalkTimeSum),
    allTalkTime: round2(all.talkTimeSum),
    aiTalkCost: round2(all.aiTalkCostCentsSum / 100),
  };
}

/** Merged partials: numbers for sums, number-or-null for bounds, the distinct client count. */
type Merged = Record<Exclude<StatsPartial, `${string}Min` | `${string}Max`>, number> &
  Record<Extract<StatsPartial, `${string}Min` | `${string}Max`>, number | null> & { unique: number };

function mergePartials(rows: readonly Partials[]): Merged {
  const merged: Record<string, number | null> = {};
  for (const name of STATS_PARTIALS) {
    const accumulator: Accumulator = PARTIALS[name];
    const values = rows.map((row) => row[name]);
    if ('$min' in accumulator) merged[name] = bound(values, Math.min);
    else if ('$max' in accumulator) merged[name] = bound(values, Math.max);
    else merged[name] = values.reduce<number>((sum, value) => sum + num(value), 0);
  }
  // Distinct clients of one direction come from its single row; `all` reads the side pipeline.
  merged.unique = rows.reduce<number>((sum, row) => sum + num((row as Record<string, unknown>)[CLIENTS.name]), 0);
  return merged as Merged;
}

/** The bound over the rows' bounds, skipping rows without one; null when none has one. */
function bound(values: readonly unknown[], pick: (...n: number[]) => number): number | null {
  const numbers = values.filter((value): value is number => typeof value === 'number');
  return numbers.length ? pick(...numbers) : null;
}

function directionStats(p: Merged): DirectionStats {
  return {
    all: p.calls,
    // DESIGN 2.1: every status other than completed and failed is UNANSWERED.
    fail: p.calls - p.answeredCount - p.failedCount,
    success: p.answeredCount,
    talks: p.talkingCount,
    error: p.failedCount,
    unique: p.unique,
    firstTime: p.firstTimeCount,
    active: p.activeCount,
    total: timeStats({ sum: p.totalTimeSum, count: p.calls, min: p.totalTimeMin, max: p.totalTimeMax }),
    call: timeStats({ sum: p.durationSum, count: p.calls, min: p.durationMin, max: p.durationMax }),
    answer: timeStats({ sum: p.answeredAnswerTimeSum, count: p.answeredCount, min: p.answeredAnswerTimeMin, max: p.answeredAnswerTimeMax }),
  };
}

function timeStats(stats: TimeStats): TimeStats {
  return stats.count > 0 ? { ...stats, sum: round2(stats.sum) } : { sum: 0, count: 0, min: null, max: null };
}

/** `callStats(search, dateInterval)` arguments as a client sends them. */
export interface CallStatsInput {
  search: CallSearchInput;
  /** Bucket unit of `intervals`; null or absent: no intervals. */
  dateInterval?: DateInterval | null;
}

/** The dialer's detailed statistics (DESIGN 5.4) of the calls a search matches. */
export const CALL_STATS: Operation<CallStatsInput, DetailedCallStats> = {
  name: 'callStats',
  plan: (input, env) => {
    const { query, plan } = callStatsQuery({
      principal: env.principal,
      now: env.now,
      search: toCallSearchArgs(input.search),
      dateInterval: input.dateInterval,
    });
    return { query, shape: (rows: Record<string, unknown>[]) => shapeCallStats(rows, plan) };
  },
};
