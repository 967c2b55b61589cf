import { UserInputError } from '../errors.ts';
import type { Operation } from '../operation.ts';
import { dayString, idString } from '../query/argument-values.ts';
import { callFilterConditions, type CallFilterArgs } from '../filters/call-filter.ts';
import type { CallQuery, SortKey } from '../query/call-query.ts';
import { COUNT_FACET, readFacets } from '../query/compile-call-query.ts';
import { normalizeDayRange } from '../query/day-range.ts';
import { MAX_PAGE_SIZE, normalizePage } from '../query/page.ts';
import type { Accumulator, Expression } from '../query/expression.ts';
import type { Principal } from '../../contract/principal.ts';
import { CALL_DIMENSIONS, DIMENSIONS, type CallDimension } from '../registry/dimensions.ts';
import { SORT_DIRECTION, type SortOrder } from '../registry/enums.ts';
import { METRIC_NAMES, METRICS, type MetricDefinition, type MetricName } from '../registry/metrics.ts';
import { PARTIALS, type PartialName, type PartialValues } from '../registry/partials.ts';
import { distinctCountLevels, mergeAll, type DistinctValue } from '../query/distinct-count.ts';
import { GROUPED_SORT_KEYS } from '../registry/sort-keys.ts';
import { normalizeTimeZone } from '../time/time-zone.ts';
import { localMillisOver } from '../time/local-time-expression.ts';

export const MAX_GROUP_DIMENSIONS = 3;
export const MAX_GROUP_LIMIT = MAX_PAGE_SIZE;

export interface GroupedCallsArgs {
  groupBy: readonly CallDimension[];
  filter?: CallFilterArgs | null;
  sortBy: string;
  sortOrder: SortOrder;
  limit: number;
  timezone: string;
}

/** Which metrics the request selects under `rows` and under `totals` (null: totals not asked). */
export interface MetricSelection {
  rows: ReadonlySet<MetricName>;
  totals: ReadonlySet<MetricName> | null;
}

export type MetricValues = Partial<Record<MetricName, number | null>>;
export type CallGroupRow = Record<string, string | number | null>;

export interface GroupedCallsResult {
  rows: CallGroupRow[];
  totals: MetricValues;
  count: number;
}

/** What shaping needs to know about how the query was compiled. */
export interface GroupedCallsPlan {
  dimensions: readonly CallDimension[];
  selection: MetricSelection;
}

/**
 * `groupedCalls` as a preset of the query core: one `$group` by the requested dimensions that
 * accumulates only the partials the selected metrics (and the sort key) need; rows sorted and
 * limited beside the group count and the totals, which are merged from the same groups.
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

  const metrics = new Set<MetricName>([...selection.rows, ...(selection.totals ?? [])]);
  if ('metric' in sortTarget) metrics.add(sortTarget.metric);
  const accumulate = partialsFor(metrics);

  const localMs = dimensions.some((d) => DIMENSIONS[d].usesLocalTime)
    ? localMillisOver(zone, range)
    : 0;
  const by: Record<string, Expression> = {};
  for (const dimension of dimensions) by[DIMENSIONS[dimension].field] = DIMENSIONS[dimension].key({ localMs });

  const direction = SORT_DIRECTION[args.sortOrder];
  // A metric that is one partial sorts on it directly; a derived one is computed by the compiler.
  const sort: SortKey[] = [
    { by: 'dimension' in sortTarget ? `$_id.${DIMENSIONS[sortTarget.dimension].field}` : METRICS[sortTarget.metric].sortValue, direction },
  ];

  const distinct = distinctValueOf(metrics);
  let shape: Pick<CallQuery, 'groups' | 'rowGroups' | 'facets'>;
  if (distinct) {
    // Distinct callers: calls grouped by dimensions + caller; the rows, their count and the
    // totals are all computed from those rows, so no result ever holds the callers themselves.
    const levels = distinctCountLevels({ by, accumulate, distinct });
    shape = {
      groups: [levels.first],
      rowGroups: [levels.second],
      facets: { count: levels.groupCount, ...(selection.totals ? { totals: levels.totals } : {}) },
    };
  } else {
    shape = {
      groups: [{ by, accumulate }],
      facets: { count: COUNT_FACET, ...(selection.totals ? { totals: [{ $group: { _id: null, ...mergeAll(accumulate) } }] } : {}) },
    };
  }

  return {
    query: {
      principal,
      range,
      where: callFilterConditions(args.filter),
      ...shape,
      sort,
      limit,
    },
    plan: { dimensions, selection },
  };
}

/** Turns the pipeline's single facet document into rows, totals and the group count. */
export function shapeGroupedCalls(result: readonly Record<string, unknown>[], plan: GroupedCallsPlan): GroupedCallsResult {
  const { rows, count, facet } = readFacets<Record<string, unknown>>(result);
  const totalsDoc: PartialValues = facet('totals')[0] ?? {};
  return {
    count,
    rows: rows.map((row) => {
      const key = (row._id ?? {}) as Record<string, unknown>;
      const shaped: CallGroupRow = {};
      for (const dimension of CALL_DIMENSIONS) {
        const definition = DIMENSIONS[dimension];
        shaped[definition.field] = plan.dimensions.includes(dimension) ? definition.label(key[definition.field]) : null;
      }
      Object.assign(shaped, finishMetrics(plan.selection.rows, row as PartialValues));
      return shaped;
    }),
    totals: plan.selection.totals ? finishMetrics(plan.selection.totals, totalsDoc) : {},
  };
}

function finishMetrics(names: ReadonlySet<MetricName>, partials: PartialValues): MetricValues {
  const values: MetricValues = {};
  for (const name of names) values[name] = METRICS[name].finish(partials);
  return values;
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
  /**
   * The metrics to compute for the rows and for the totals (`totals: null` skips the totals);
   * GraphQL passes what the request selects. @default every metric in both
   */
  select?: { rows: readonly MetricName[]; totals: readonly MetricName[] | null } | null;
}

/** The grouped report of DESIGN 5.3. */
export const GROUPED_CALLS: Operation<GroupedCallsInput, GroupedCallsResult> = {
  name: 'groupedCalls',
  plan: (input, env) => {
    const filter = input.filter
      ? {
          ...input.filter,
          startDate: dayString(input.filter.startDate),
          endDate: dayString(input.filter.endDate),
          callFlowId: idString(input.filter.callFlowId),
          numberId: idString(input.filter.numberId),
          numberGroupId: idString(input.filter.numberGroupId),
        }
      : null;
    const select = input.select ?? { rows: METRIC_NAMES, totals: METRIC_NAMES };
    const { query, plan } = groupedCallsQuery({
      principal: env.principal,
      now: env.now,
      args: {
        groupBy: input.groupBy ?? [],
        sortBy: input.sortBy ?? 'COUNT',
        sortOrder: input.sortOrder ?? 'DESC',
        limit: input.limit ?? 100,
        timezone: input.timezone ?? 'UTC',
        filter,
      },
      selection: { rows: new Set(select.rows), totals: select.totals ? new Set(select.totals) : null },
    });
    return { query, shape: (rows: Record<string, unknown>[]) => shapeGroupedCalls(rows, plan) };
  },
};
