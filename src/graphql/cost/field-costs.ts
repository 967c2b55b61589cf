/**
 * What each field that runs a pipeline costs (DESIGN section 8), declared once: the same entry
 * gives the field its `@cost`/`@listSize` directives (IBM GraphQL cost spec, read by Apollo
 * Router and Hive Gateway demand control) and drives the gateway's own estimate in
 * `operation-cost.ts`, which refines the static weight with the argument values.
 */

/** A pipeline over up to 31 days costs this much; each further 31 days of range as much again. */
export const PIPELINE_WEIGHT = 10;
/** Days of range one `PIPELINE_WEIGHT` pays for. */
export const RANGE_UNIT_DAYS = 31;
/** Time-series buckets one extra cost unit pays for (each bucket is a group and a listed bucket). */
export const BUCKETS_PER_UNIT = 100;

/** `@listSize` arguments (IBM cost spec). */
export type ListSize = {
  assumedSize?: number;
  slicingArguments?: string[];
  sizedFields?: string[];
  requireOneSlicingArgument?: boolean;
};

/** The field's range and, for time series, its bucket count, read from coerced argument values. */
export interface FieldWork {
  /** Inclusive range length in days; absent bounds default as the field documents (30 days). */
  days: number;
  /** Buckets the answer enumerates (time series, `callStats` intervals). */
  buckets?: number;
}

export interface FieldCost {
  /** `@cost(weight:)`: the cost of one pipeline over one range unit. */
  weight: number;
  listSize?: ListSize;
  /** The work the arguments ask for. */
  work(args: Record<string, unknown>): FieldWork;
  /**
   * Rows of the `sizedFields` from an argument the spec's `slicingArguments` cannot name (a
   * field of an input object); the directive then shows the static bound on the list itself.
   */
  rows?: { sizedFields: string[]; size(args: Record<string, unknown>): unknown };
  /**
   * Lists with one item per bucket of `work().buckets` (`callStats.intervals`): each bucket is a
   * returned row and is paid for as one, so the budget bounds them like page rows.
   */
  bucketRows?: string[];
}

const DAY_MS = 86_400_000;
const DEFAULT_DAYS = 30;

/** Days between two bounds of either Date or `YYYY-MM-DD` form, defaulting like the fields do. */
export function rangeDays(from: unknown, to: unknown, now = Date.now()): number {
  const end = instant(to) ?? now;
  const start = instant(from) ?? end - DEFAULT_DAYS * DAY_MS;
  // Reversed or over-long ranges are refused by the field itself; here they cost a unit.
  const days = (end - start) / DAY_MS + 1;
  return Number.isFinite(days) && days >= 1 ? Math.min(days, 20 * 366) : 1;
}

function instant(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value === 'string') {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? undefined : parsed;
  }
  return undefined;
}

const object = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});

const BUCKETS_PER_DAY: Record<string, number> = { HOUR: 24, DAY: 1, WEEK: 1 / 7, MONTH: 1 / 28 };
const SERIES = new Set(['CALLS_OVER_TIME', 'AVG_DURATION_OVER_TIME']);
/** groupedCalls' time-series dimensions and their granularity. */
const SERIES_DIMENSIONS: Record<string, string> = { HOUR: 'HOUR', DATE: 'DAY', WEEK: 'WEEK', MONTH: 'MONTH' };

/** Local buckets of `unit` (HOUR, DAY, WEEK, MONTH) over `days`, rounded up: an estimate, not the calendar's count. */
function bucketCount(days: number, unit: unknown): number {
  return Math.ceil(days * (BUCKETS_PER_DAY[String(unit)] ?? 1));
}

/** Every field that runs a pipeline. */
export type PipelineField =
  | 'Query.callsByPhoneNumber'
  | 'Query.adminCallsByPhoneNumber'
  | 'Query.groupedCalls'
  | 'Query.calls'
  | 'Query.callsConnection'
  | 'Query.groupedCallsConnection'
  | 'Query.callStats'
  | 'Query.analyticsQuery'
  | 'Assistant.callAnalytics'
  | 'PhoneNumber.callAnalytics';

/** Every field that runs a pipeline, by `Type.field`. */
export const FIELD_COSTS: Record<string, FieldCost> & Record<PipelineField, FieldCost> = {
  'Query.callsByPhoneNumber': {
    weight: PIPELINE_WEIGHT,
    listSize: { assumedSize: 100 },
    work: (args) => ({ days: rangeDays(args.startDate, args.endDate) }),
  },
  'Query.adminCallsByPhoneNumber': {
    // Every tenant's calls.
    weight: 4 * PIPELINE_WEIGHT,
    listSize: { assumedSize: 100 },
    work: (args) => ({ days: rangeDays(args.startDate, args.endDate) }),
  },
  'Query.groupedCalls': {
    weight: PIPELINE_WEIGHT,
    listSize: { slicingArguments: ['limit'], sizedFields: ['rows'], requireOneSlicingArgument: false },
    work: (args) => {
      const days = rangeDays(object(args.filter).startDate, object(args.filter).endDate);
      // `compare` reads a second range as long (a year's is as long, give or take 29 February);
      // `fillGaps` lists every bucket of the time dimension.
      const series = Array.isArray(args.groupBy) ? args.groupBy.find((d) => String(d) in SERIES_DIMENSIONS) : undefined;
      const buckets = args.fillGaps === true && series ? Math.ceil(days * BUCKETS_PER_DAY[SERIES_DIMENSIONS[String(series)]]) : undefined;
      return { days: args.compare ? 2 * days : days, buckets };
    },
  },
  'Query.calls': {
    weight: PIPELINE_WEIGHT,
    listSize: { slicingArguments: ['itemsPerPage'], sizedFields: ['calls'], requireOneSlicingArgument: false },
    work: (args) => ({ days: rangeDays(object(args.search).dayFrom, object(args.search).dayTo) }),
  },
  'Query.callsConnection': {
    // One seek per page whatever the page number, plus the count when totalCount is selected.
    weight: PIPELINE_WEIGHT,
    listSize: { slicingArguments: ['first', 'last'], sizedFields: ['edges'], requireOneSlicingArgument: false },
    work: (args) => ({ days: rangeDays(object(args.search).dayFrom, object(args.search).dayTo) }),
  },
  'Query.groupedCallsConnection': {
    weight: PIPELINE_WEIGHT,
    listSize: { slicingArguments: ['first', 'last'], sizedFields: ['edges'], requireOneSlicingArgument: false },
    work: (args) => ({ days: rangeDays(object(args.filter).startDate, object(args.filter).endDate) }),
  },
  'Query.callStats': {
    weight: PIPELINE_WEIGHT,
    // `dateInterval` groups by local bucket too and lists one `intervals` entry per bucket
    // (range / interval): 20 years by HOUR are 175,000 rows, refused before anything runs.
    bucketRows: ['intervals'],
    work: (args) => {
      const days = rangeDays(object(args.search).dayFrom, object(args.search).dayTo);
      return { days, buckets: args.dateInterval ? bucketCount(days, args.dateInterval) : undefined };
    },
  },
  'Query.analyticsQuery': {
    weight: PIPELINE_WEIGHT,
    // `@listSize(assumedSize: 1000)` sits on AnalyticsResult.data (a page is at most 1,000 rows).
    rows: { sizedFields: ['data'], size: (args) => object(args.input).pageSize },
    work: (args) => {
      const input = object(args.input);
      const filters = object(input.filters);
      const days = rangeDays(filters.dateFrom, filters.dateTo);
      const series = SERIES.has(String(input.queryType));
      return { days, buckets: series ? bucketCount(days, input.granularity ?? 'DAY') : undefined };
    },
  },
  // Entity references of one request share one aggregation: a reference costs a fraction.
  'Assistant.callAnalytics': {
    weight: 1,
    work: (args) => ({ days: rangeDays(args.startDate, args.endDate) }),
  },
  'PhoneNumber.callAnalytics': {
    weight: 1,
    work: (args) => ({ days: rangeDays(args.startDate, args.endDate) }),
  },
};

/** The `@cost`/`@listSize` directives a pipeline field carries (Pothos `directives` option). */
export function costDirectives(field: PipelineField): { cost: { weight: number }; listSize?: ListSize } {
  const entry = FIELD_COSTS[field];
  return { cost: { weight: entry.weight }, ...(entry.listSize ? { listSize: entry.listSize } : {}) };
}

/** Cost of the pipeline itself (`work` read from its arguments): weight per range unit, plus the buckets it enumerates. */
export function pipelineCost(entry: FieldCost, { days, buckets }: FieldWork): number {
  return entry.weight * Math.ceil(days / RANGE_UNIT_DAYS) + (buckets ? Math.ceil(buckets / BUCKETS_PER_UNIT) : 0);
}
