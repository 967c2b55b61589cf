import { UserInputError } from '../../errors.ts';
import { equals } from '../../query/conditions.ts';
import { rangeCondition } from '../../query/range-condition.ts';
import type { Condition } from '../../query/expression.ts';
import { normalizeInstantRange } from '../../query/instant-range.ts';
import type { TimeRange } from '../../query/scope.ts';
import { payloadFilterConditions } from './payload-filters.ts';

/** `AnalyticsFilters` of DESIGN 5.2, as the analytics layer receives them. */
export interface AnalyticsFiltersArgs {
  templateId?: string | null;
  merchantId?: string | null;
  resellerId?: string | null;
  dateFrom?: Date | null;
  dateTo?: Date | null;
  /** Seconds on `duration_sec`, inclusive; a missing duration counts as 0. */
  minDuration?: number | null;
  maxDuration?: number | null;
  /** Inclusive; giving either bound leaves out calls without a sentiment. */
  sentimentMin?: number | null;
  sentimentMax?: number | null;
  /** Flat equality on `payload.<key>`; validated in payload-filters.ts. */
  payloadFilters?: unknown;
}

/** The filters as the query core takes them: the scope's time range plus `where` conditions. */
export interface NormalizedAnalyticsFilters {
  range: TimeRange;
  where: Condition[];
}

/**
 * Validates every filter and turns it into conditions. `argument` is the path of the
 * filters object (`input.filters`); each error names the field under it.
 */
export function normalizeAnalyticsFilters(options: {
  filters: AnalyticsFiltersArgs | null | undefined;
  now: Date;
  argument: string;
}): NormalizedAnalyticsFilters {
  const { now, argument } = options;
  const filters = options.filters ?? {};
  const range = normalizeInstantRange({
    from: filters.dateFrom,
    to: filters.dateTo,
    now,
    fromArgument: `${argument}.dateFrom`,
    toArgument: `${argument}.dateTo`,
  });
  const where: (Condition | null)[] = [
    filters.templateId != null ? equals('template_id', filters.templateId) : null,
    filters.merchantId != null ? equals('merchant_id', filters.merchantId) : null,
    filters.resellerId != null ? equals('reseller_id', filters.resellerId) : null,
    durationCondition(filters, argument),
    sentimentCondition(filters, argument),
    ...payloadFilterConditions(filters.payloadFilters, `${argument}.payloadFilters`),
  ];
  return { range, where: where.filter((c): c is Condition => c !== null) };
}

/**
 * Inclusive seconds on `duration_sec` where a missing (or null) duration counts as 0: when 0
 * lies inside the bounds, calls without a duration are kept through an `$or` with
 * `{ duration_sec: null }` (query language, which matches missing and null alike on both
 * engines). A minimum of 0 with no maximum keeps every call, so it adds no condition.
 */
function durationCondition(filters: AnalyticsFiltersArgs, argument: string): Condition | null {
  const min = filters.minDuration ?? null;
  const max = filters.maxDuration ?? null;
  for (const [name, value] of [['minDuration', min], ['maxDuration', max]] as const) {
    if (value !== null && value < 0) {
      throw new UserInputError(`${argument}.${name}`, `${argument}.${name} must be 0 or more seconds, got ${value}`);
    }
  }
  const bounds = { min: `${argument}.minDuration`, max: `${argument}.maxDuration` };
  const condition = rangeCondition({ field: 'duration_sec', min, max, argument: bounds, missingAsZero: true });
  // Durations are never negative, so a minimum of 0 with no maximum keeps every call.
  return max === null && !min ? null : condition;
}

/** Inclusive bounds on `sentiment`; a bound never matches a call without one. */
function sentimentCondition(filters: AnalyticsFiltersArgs, argument: string): Condition | null {
  const min = filters.sentimentMin ?? null;
  const max = filters.sentimentMax ?? null;
  return rangeCondition({ field: 'sentiment', min, max, argument: { min: `${argument}.sentimentMin`, max: `${argument}.sentimentMax` } });
}
