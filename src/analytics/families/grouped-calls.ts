import { echoValue } from '../../shared/echo-value.ts';
import { UserInputError } from '../errors.ts';
import type { Operation } from '../operation.ts';
import { dayString, idString } from '../query/argument-values.ts';
import { callFilterConditions, type CallFilterArgs } from '../filters/call-filter.ts';
import type { CallQuery, GroupSpec, SortKey } from '../query/call-query.ts';
import { COUNT_FACET } from '../query/compile-call-query.ts';
import { combineConditions } from '../query/conditions.ts';
import { normalizeDayRange, type DayRange } from '../query/day-range.ts';
import { havingTest, normalizeHaving, type HavingCondition, type MetricConditionInput } from '../query/having.ts';
import { MAX_PAGE_SIZE, normalizePage } from '../query/page.ts';
import { MAX_RANGE_YEARS } from '../query/range-cap.ts';
import type { TimeRange } from '../query/scope.ts';
import type { Accumulator, Expression, Stage } from '../query/expression.ts';
import type { Principal } from '../../contract/principal.ts';
import { CALL_DIMENSIONS, DIMENSIONS, type CallDimension, type DimensionDefinition } from '../registry/dimensions.ts';
import { SORT_DIRECTION, type SortOrder } from '../registry/enums.ts';
import { METRIC_NAMES, METRICS, type MetricDefinition, type MetricName } from '../registry/metrics.ts';
import { PARTIALS, type PartialName } from '../registry/partials.ts';
import { distinctCountLevels, mergeAll, type DistinctValue } from '../query/distinct-count.ts';
import { percentileLevels, type PercentileSpec } from '../query/percentile-levels.ts';
import { GROUPED_SORT_KEYS, metricNamed } from '../registry/sort-keys.ts';
import { enumerateBuckets, type Bucket } from '../time/buckets.ts';
import { COMPARE_PERIODS, comparisonDays, positionShift, type ComparePeriod, type DaySpan } from '../time/compare-range.ts';
import { isValidDay, localDayRange, normalizeTimeZone } from '../time/time-zone.ts';
import { LOCAL_MS, localTimeOnce } from '../time/local-time-expression.ts';
import { IN_CURRENT, PERIOD_KEY, alignedKey, foldLevel, periodExpression, totalsPerPeriod } from './grouped-compare.ts';
import { MAX_FILLED_ROWS } from './grouped-fill.ts';
import { shapeGroupedCalls, type GroupedCallsResult } from './grouped-calls-shape.ts';

export { shapeGroupedCalls, type CallGroupRow, type GroupedCallsResult, type MetricValues } from './grouped-calls-shape.ts';

export const MAX_GROUP_DIMENSIONS = 3;
export const MAX_GROUP_LIMIT = MAX_PAGE_SIZE;

export interface GroupedCallsArgs {
  groupBy: readonly CallDimension[];
  filter?: CallFilterArgs | null;
  sortBy: string;
  sortOrder: SortOrder;
  limit: number;
  timezone: string;
  /** Compare with the previous period or year (see time/compare-range.ts). */
  compare?: ComparePeriod | null;
  /** HAVING conditions, AND-ed, on the grouped rows before sort and limit. */
  having?: readonly MetricConditionInput[] | null;
  /** Fill the missing buckets of the time-series dimension (see grouped-fill.ts). */
  fillGaps?: boolean | null;
}

/** Which metrics the request selects under `rows` and under `totals` (null: totals not asked). */
export interface MetricSelection {
  rows: ReadonlySet<MetricName>;
  totals: ReadonlySet<MetricName> | null;
  /** Under `previous` of rows and totals (a compared report). */
  previous?: { rows: ReadonlySet<MetricName>; totals: ReadonlySet<MetricName> | null };
  /** Under `change` of rows and totals (a compared report). */
  change?: { rows: ReadonlySet<MetricName>; totals: ReadonlySet<MetricName> | null };
}

/** What shaping needs to know about how the query was compiled. */
export interface GroupedCallsPlan {
  dimensions: readonly CallDimension[];
  selection: MetricSelection;
  compare: boolean;
  /** HAVING, applied by the pipeline unless the rows are filled (then by shaping). */
  having: readonly HavingCondition<MetricName>[];
  /** The row field holding a metric's exact value (a partial, or a derived `value_<metric>`). */
  valueField: (metric: MetricName) => string;
  /** Set when gaps are filled: shaping then fills, applies HAVING, sorts, counts and limits. */
  fill: FillPlan | null;
}

export interface FillPlan {
  timeField: string;
  otherFields: readonly string[];
  buckets: readonly Bucket[];
  sort: { dimensionField: string } | { metric: MetricName };
  direction: 1 | -1;
  limit: number;
  /** Most rows the pipeline may return before the fill is refused. */
  rowCap: number;
}

/**
 * `groupedCalls` as a preset of the query core: one `$group` by the requested dimensions that
 * accumulates only the partials the selected metrics (and the sort key) need; rows sorted and
 * limited beside the group count and the totals, which are merged from the same groups. A
 * compared report adds the period to the group key and folds the two periods per group
 * (grouped-compare.ts); HAVING is a `$match` on the grouped rows before the sort; filled gaps
 * leave HAVING, sort and limit to shaping (grouped-fill.ts).
 */
export function groupedCallsQuery(options: {
  principal: Principal;
  args: GroupedCallsArgs;
  selection: MetricSelection;
  now: Date;
}): { query: CallQuery; plan: GroupedCallsPlan } {
  const { principal, args, selection, now } = options;
  const dimensions = validateDimensions(args.groupBy);
  const { pageSize: limit } = normalizePage({ size: { value: args.limit, argument: 'limit' }, maxSize: MAX_GROUP_LIMIT });
  const zone = normalizeTimeZone(args.timezone, 'timezone');
  const range = normalizeDayRange({
    startDay: args.filter?.startDate,
    endDay: args.filter?.endDate,
    zone,
    now,
    startArgument: 'filter.startDate',
    endArgument: 'filter.endDate',
  });
  const sortTarget = GROUPED_SORT_KEYS[args.sortBy];
  if (!sortTarget) throw new UserInputError('sortBy', `sortBy: unknown sort key ${args.sortBy}`);
  if ('dimension' in sortTarget && !dimensions.includes(sortTarget.dimension)) {
    throw new UserInputError('sortBy', `sortBy ${args.sortBy} is a dimension that is not in groupBy`);
  }
  const having = normalizeHaving(args.having, metricNamed);
  const comparison = comparisonOf(args.compare, range, zone);
  const fillDimension = args.fillGaps ? seriesDimension(dimensions) : null;
  const fillUnit = fillDimension ? DIMENSIONS[fillDimension].series : undefined;
  const buckets = fillUnit ? enumerateBuckets({ zone, unit: fillUnit, from: range.from, to: range.to, argument: 'fillGaps' }) : null;

  const metrics = new Set<MetricName>([...selection.rows, ...(selection.totals ?? [])]);
  if (comparison) {
    for (const part of [selection.previous, selection.change]) {
      for (const metric of [...(part?.rows ?? []), ...(part?.totals ?? [])]) metrics.add(metric);
    }
  }
  if ('metric' in sortTarget) metrics.add(sortTarget.metric);
  for (const condition of having) metrics.add(condition.metric);
  const accumulate = partialsFor(metrics);

  // Local time over both ranges when compared (and the days between them, if any).
  const localRange = comparison ? { from: comparison.range.from, to: range.to } : range;
  // Computed once per call and read by every time key (CallQuery.perDocument).
  const usesLocalTime = dimensions.some((d) => DIMENSIONS[d].usesLocalTime);
  const localMs = usesLocalTime ? LOCAL_MS : 0;
  const by: Record<string, Expression> = {};
  for (const dimension of dimensions) {
    const definition: DimensionDefinition = DIMENSIONS[dimension];
    const key = definition.key({ localMs });
    by[definition.field] =
      comparison && definition.series ? alignedKey(key, positionShift(definition.series, range, comparison.days), range) : key;
  }
  if (comparison) by[PERIOD_KEY] = periodExpression(range);

  // A metric's exact value on a grouped row: a partial is read directly, anything else derived.
  const derive: Record<string, Expression> = {};
  const valueField = (metric: MetricName): string => {
    const value: Expression = METRICS[metric].sortValue;
    return typeof value === 'string' && value.startsWith('$') ? value.slice(1) : `value_${metric}`;
  };
  const deriveValue = (metric: MetricName) => {
    const field = valueField(metric);
    if (field === `value_${metric}`) derive[field] = METRICS[metric].sortValue;
  };
  for (const condition of having) deriveValue(condition.metric);

  const direction = SORT_DIRECTION[args.sortOrder];
  const distinct = distinctValueOf(metrics);
  const percentiles = percentilesOf(metrics);
  const levels = groupingLevels({ by, accumulate, distinct, percentiles, totalsSplitBy: comparison ? PERIOD_KEY : undefined });
  const first: GroupSpec = levels ? levels.first : { by, accumulate };
  const rowGroups: GroupSpec[] = levels ? [...levels.rows] : [];
  if (comparison) rowGroups.push(foldLevel(rowGroups.at(-1) ?? first));
  const totalsAsked = selection.totals !== null || (comparison !== null && Boolean(selection.previous?.totals || selection.change?.totals));
  const totals = !totalsAsked
    ? null
    : levels
      ? levels.totals
      : comparison
        ? totalsPerPeriod(accumulate)
        : [{ $group: { _id: null, ...mergeAll(accumulate) } }];

  const query: CallQuery = {
    principal,
    range,
    ...(comparison ? { comparisonRange: comparison.range } : {}),
    where: callFilterConditions(args.filter),
    ...(usesLocalTime ? { perDocument: localTimeOnce(zone, localRange) } : {}),
    groups: [first],
    ...(rowGroups.length ? { rowGroups } : {}),
  };
  let fill: FillPlan | null = null;
  if (fillDimension && buckets) {
    // Every grouped row comes back; shaping fills, filters, sorts and limits (grouped-fill.ts).
    if ('metric' in sortTarget) deriveValue(sortTarget.metric);
    const rowCap = MAX_FILLED_ROWS * (comparison ? 2 : 1);
    fill = {
      timeField: DIMENSIONS[fillDimension].field,
      otherFields: dimensions.filter((d) => d !== fillDimension).map((d) => DIMENSIONS[d].field),
      buckets,
      sort: 'dimension' in sortTarget ? { dimensionField: DIMENSIONS[sortTarget.dimension].field } : { metric: sortTarget.metric },
      direction,
      limit,
      rowCap,
    };
    Object.assign(query, {
      ...(Object.keys(derive).length ? { derive } : {}),
      limit: rowCap + 1,
      facets: totals ? { totals } : {},
    });
  } else {
    // A metric that is one partial sorts on it directly; a derived one is computed by the compiler.
    const sort: SortKey[] = [
      { by: 'dimension' in sortTarget ? `$_id.${DIMENSIONS[sortTarget.dimension].field}` : METRICS[sortTarget.metric].sortValue, direction },
    ];
    const rowFilter = combineConditions([
      comparison ? { [IN_CURRENT]: 1 } : null,
      ...having.map((condition) => ({ [valueField(condition.metric)]: havingTest(condition.op, condition.value) })),
    ]);
    const filtered = Object.keys(rowFilter).length > 0;
    // The count counts the rows that reach the sort; without levels or a filter, the groups.
    const count = filtered || comparison ? null : levels ? levels.groupCount : COUNT_FACET;
    Object.assign(query, {
      ...(Object.keys(derive).length ? { derive } : {}),
      ...(filtered ? { rowFilter } : {}),
      sort,
      limit,
      facets: { ...(count ? { count } : {}), ...(totals ? { totals } : {}) },
      ...(count ? {} : { countRows: true }),
    });
  }

  return {
    query,
    plan: { dimensions, selection, compare: comparison !== null, having, valueField, fill },
  };
}

/** The comparison days and instants, or null without `compare`. */
function comparisonOf(compare: ComparePeriod | null | undefined, range: DayRange, zone: string): { days: DaySpan; range: TimeRange } | null {
  if (compare == null) return null;
  if (!COMPARE_PERIODS.includes(compare)) {
    throw new UserInputError('compare', `compare: unknown period ${echoValue(compare)}; use ${COMPARE_PERIODS.join(' or ')}`);
  }
  const days = comparisonDays(compare, range, 'compare');
  // Before 0000-01-01 no day can be named (a range starting in year 0000 has no previous period).
  if (!isValidDay(days.startDay)) {
    throw new UserInputError('compare', `compare: the comparison range of ${range.startDay}..${range.endDay} would begin before 0000-01-01`);
  }
  const instants = localDayRange(zone, days.startDay, days.endDay);
  // Both ranges are read: together they stay within the longest range a field accepts.
  const limit = new Date(instants.from.getTime());
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_RANGE_YEARS);
  if (range.to.getTime() > limit.getTime()) {
    throw new UserInputError('compare', `compare: the range and its comparison range (${days.startDay}..${range.endDay}) span more than ${MAX_RANGE_YEARS} years`);
  }
  return { days, range: instants };
}

/** The one time-series dimension gaps are filled along. */
function seriesDimension(dimensions: readonly CallDimension[]): CallDimension {
  const series = dimensions.filter((d) => DIMENSIONS[d].series);
  if (series.length !== 1) {
    const names = CALL_DIMENSIONS.filter((d) => DIMENSIONS[d].series).join(', ');
    throw new UserInputError(
      'fillGaps',
      `fillGaps needs exactly one time-series dimension (${names}) in groupBy, got ${series.length ? series.join(', ') : 'none'}`,
    );
  }
  return series[0];
}

/**
 * The grouping levels when a row is not one `$group` of the calls: distinct callers (calls
 * grouped by key + caller first) and duration percentiles (by key + duration: a histogram,
 * see query/percentile-levels.ts), or both; null when one level does.
 */
function groupingLevels(options: {
  by: Record<string, Expression>;
  accumulate: Record<string, Accumulator>;
  distinct: DistinctValue | null;
  percentiles: readonly PercentileSpec[];
  totalsSplitBy?: string;
}): { first: GroupSpec; rows: readonly GroupSpec[]; groupCount: readonly Stage[]; totals: readonly Stage[] } | null {
  const { by, accumulate, distinct, percentiles, totalsSplitBy } = options;
  if (percentiles.length) return percentileLevels({ by, accumulate, percentiles, distinct, totalsSplitBy });
  if (!distinct) return null;
  const levels = distinctCountLevels({ by, accumulate, distinct, totalsSplitBy });
  return { first: levels.first, rows: [levels.second], groupCount: levels.groupCount, totals: levels.totals };
}

/** The duration percentiles the selected metrics ask for. */
function percentilesOf(metrics: ReadonlySet<MetricName>): PercentileSpec[] {
  const specs: PercentileSpec[] = [];
  for (const metric of metrics) {
    const percent = (METRICS[metric] as MetricDefinition).percentile;
    if (percent !== undefined) specs.push({ name: metric, percent });
  }
  return specs;
}

/** The distinct value the selected metrics count (at most one kind exists: callers). */
function distinctValueOf(metrics: ReadonlySet<MetricName>): DistinctValue | null {
  for (const metric of metrics) {
    const definition: MetricDefinition = METRICS[metric];
    if (definition.distinct) return definition.distinct;
  }
  return null;
}

function partialsFor(metrics: ReadonlySet<MetricName>): Record<string, Accumulator> {
  const accumulate: Record<string, Accumulator> = {};
  for (const metric of metrics) {
    for (const partial of METRICS[metric].needs as readonly PartialName[]) accumulate[partial] = PARTIALS[partial];
  }
  return accumulate;
}

function validateDimensions(groupBy: readonly CallDimension[]): CallDimension[] {
  if (groupBy.length > MAX_GROUP_DIMENSIONS) {
    throw new UserInputError('groupBy', `groupBy takes at most ${MAX_GROUP_DIMENSIONS} dimensions, got ${groupBy.length}`);
  }
  const seen = new Set<CallDimension>();
  for (const dimension of groupBy) {
    if (seen.has(dimension)) throw new UserInputError('groupBy', `groupBy repeats ${dimension}`);
    seen.add(dimension);
  }
  return [...groupBy];
}

/** The report filter as a client sends it: days may be `Date`s, IDs numbers. */
export interface CallFilterInput extends Omit<CallFilterArgs, 'startDate' | 'endDate' | 'callFlowId' | 'numberId' | 'numberGroupId'> {
  startDate?: Date | string | null;
  endDate?: Date | string | null;
  callFlowId?: string | number | null;
  numberId?: string | number | null;
  numberGroupId?: string | number | null;
}

/** `groupedCalls(…)` arguments as a client sends them; null or absent take the documented defaults. */
export interface GroupedCallsInput {
  /** @default [] */
  groupBy?: readonly CallDimension[] | null;
  filter?: CallFilterInput | null;
  /** @default 'COUNT' */
  sortBy?: string | null;
  /** @default 'DESC' */
  sortOrder?: SortOrder | null;
  /** @default 100 */
  limit?: number | null;
  /** @default 'UTC' */
  timezone?: string | null;
  /** @default null (no comparison) */
  compare?: ComparePeriod | null;
  /** `{ metric, op, value }`, the metric by its `GroupedMetric` name (`AVG_DURATION`). @default [] */
  having?: readonly MetricConditionInput[] | null;
  /** @default false */
  fillGaps?: boolean | null;
  /**
   * The metrics to compute for the rows and for the totals (`totals: null` skips the totals),
   * and under `previous`/`change` of each; GraphQL passes what the request selects.
   * @default every metric in rows and totals (and in their previous and change when compared)
   */
  select?: {
    rows: readonly MetricName[];
    totals: readonly MetricName[] | null;
    previous?: { rows: readonly MetricName[]; totals: readonly MetricName[] | null };
    change?: { rows: readonly MetricName[]; totals: readonly MetricName[] | null };
  } | null;
}

const setsOf = (part: { rows: readonly MetricName[]; totals: readonly MetricName[] | null } | undefined) =>
  part && { rows: new Set(part.rows), totals: part.totals ? new Set(part.totals) : null };

/** A client's `CallFilter` as the filter compiler takes it: days and ids as strings, as sent. */
export function normalizeCallFilter(filter: CallFilterInput | null | undefined) {
  return filter
    ? {
        ...filter,
        startDate: dayString(filter.startDate),
        endDate: dayString(filter.endDate),
        callFlowId: idString(filter.callFlowId),
        numberId: idString(filter.numberId),
        numberGroupId: idString(filter.numberGroupId),
      }
    : null;
}

/** The grouped report of DESIGN 5.3. */
export const GROUPED_CALLS: Operation<GroupedCallsInput, GroupedCallsResult> = {
  name: 'groupedCalls',
  plan: (input, env) => {
    const filter = normalizeCallFilter(input.filter);
    const every = { rows: METRIC_NAMES, totals: METRIC_NAMES };
    const select = input.select ?? { ...every, previous: every, change: every };
    const { query, plan } = groupedCallsQuery({
      principal: env.principal,
      now: env.now,
      args: {
        groupBy: input.groupBy ?? [],
        sortBy: input.sortBy ?? 'COUNT',
        sortOrder: input.sortOrder ?? 'DESC',
        limit: input.limit ?? 100,
        timezone: input.timezone ?? 'UTC',
        compare: input.compare ?? null,
        having: input.having ?? null,
        fillGaps: input.fillGaps ?? false,
        filter,
      },
      selection: {
        rows: new Set(select.rows),
        totals: select.totals ? new Set(select.totals) : null,
        previous: setsOf(select.previous),
        change: setsOf(select.change),
      },
    });
    return { query, shape: (rows: Record<string, unknown>[]) => shapeGroupedCalls(rows, plan) };
  },
};
