import type { CallQuery } from '../../query/call-query.ts';
import type { Accumulator } from '../../query/expression.ts';
import type { Principal } from '../../../contract/principal.ts';
import { readFacets } from '../../query/compile-call-query.ts';
import { distinctCountLevels, type DistinctValue } from '../../query/distinct-count.ts';
import { clientNumberExpression, num, PARTIALS, type PartialName } from '../../registry/partials.ts';
import { round2 } from '../../rounding.ts';
import { normalizeCallSearch, type CallSearchArgs } from './call-search.ts';

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

/** Distinct client numbers (`unique`), counted in the pipeline. */
const CLIENTS: DistinctValue = { name: 'unique', value: clientNumberExpression() };

/** The side pipeline with the number of distinct clients over every direction. */
const ALL_CLIENTS = 'allClients';

/**
 * `callStats` as a preset of the query core: the same search conditions as `calls`; calls
 * grouped by direction + client number, then by direction (partials and distinct clients per
 * direction), beside the distinct clients over all directions. `all`'s other figures are
 * assembled from the direction rows. The result is a few rows whatever the number of clients.
 */
export function callStatsQuery(options: { principal: Principal; search: CallSearchArgs; now: Date }): CallQuery {
  const { principal, search, now } = options;
  const normalized = normalizeCallSearch({ search, now });
  const accumulate: Record<string, Accumulator> = {};
  for (const name of STATS_PARTIALS) accumulate[name] = PARTIALS[name];
  const levels = distinctCountLevels({ by: { direction: { $ifNull: ['$direction', null] } }, accumulate, distinct: CLIENTS });
  return {
    principal,
    range: normalized.range,
    users: normalized.users,
    where: normalized.where,
    groups: [levels.first],
    rowGroups: [levels.second],
    facets: { [ALL_CLIENTS]: levels.distinctOnly },
  };
}

/**
 * Finishes the per-direction rows. `all` merges every row (sums add, min/max of the
 * direction bounds, client numbers unioned so one number in two directions counts once).
 */
export function shapeCallStats(result: readonly Record<string, unknown>[]): DetailedCallStats {
  const { rows, facet } = readFacets<Record<string, unknown>>(result);
  const byBlock: Record<'in' | 'out' | 'our', Partials[]> = { in: [], out: [], our: [] };
  for (const row of rows) {
    const direction = (row._id as { direction?: unknown } | null)?.direction;
    const block = typeof direction === 'string' && Object.hasOwn(BLOCK_BY_DIRECTION, direction)
      ? BLOCK_BY_DIRECTION[direction as keyof typeof BLOCK_BY_DIRECTION]
      : null;
    if (block) byBlock[block].push(row as Partials);
  }
  const all = { ...mergePartials(rows as Partials[]), unique: num(facet(ALL_CLIENTS)[0]?.[CLIENTS.name]) };
  return {
    all: directionStats(all),
    in: directionStats(mergePartials(byBlock.in)),
    out: directionStats(mergePartials(byBlock.out)),
    our: directionStats(mergePartials(byBlock.our)),
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
