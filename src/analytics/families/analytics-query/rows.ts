/**
 * The row shapes of `analyticsQuery`. `kind` is the GraphQL object type of the
 * `AnalyticsRow` union, so the schema resolves the union member without guessing from fields.
 * Durations are seconds; averages and rates are rounded as DESIGN section 4 says.
 */

/** `CALL_COUNT`. */
export interface CountRow {
  kind: 'CountRow';
  count: number;
}

/** Exact nearest-rank duration percentiles in seconds; null over no calls. */
export interface DurationPercentiles {
  p50Duration: number | null;
  p90Duration: number | null;
  p95Duration: number | null;
  p99Duration: number | null;
}

/** `CALL_DURATION`: a missing duration counts as 0; avg/min/max and the percentiles are null over no calls. */
export interface DurationStatsRow extends DurationPercentiles {
  kind: 'DurationStatsRow';
  count: number;
  total: number;
  avg: number | null;
  min: number | null;
  max: number | null;
}

/** Outcome, status, sentiment and top-outcome rows: `percentage` is of the rows' own total. */
export interface DistributionRow {
  kind: 'DistributionRow';
  key: string;
  count: number;
  percentage: number;
}

/** One local time bucket; `avgDuration` is null when the bucket holds no calls. */
export interface TimeSeriesPoint {
  kind: 'TimeSeriesPoint';
  date: string;
  bucketStart: Date;
  count: number;
  avgDuration: number | null;
}

/** `RETRY_ANALYSIS`: one attempt number. */
export interface RetryRow {
  kind: 'RetryRow';
  attempt: number;
  calls: number;
  answered: number;
  answerRate: number;
}

/** `PROVIDER_BREAKDOWN`: one telephony provider (UNKNOWN when missing). */
export interface ProviderRow {
  kind: 'ProviderRow';
  provider: string;
  count: number;
  totalDuration: number;
  avgDuration: number | null;
}

/** `HOURLY_HEATMAP`: one local hour of one local weekday (0 = Sunday). */
export interface HeatmapCell {
  kind: 'HeatmapCell';
  dayOfWeek: number;
  hour: number;
  count: number;
}

/** `CONVERSION_FUNNEL`: leads whose furthest stage is this one or a later one. */
export interface FunnelStage {
  kind: 'FunnelStage';
  stage: string;
  leads: number;
  conversionRate: number;
}

export type AnalyticsRow =
  | CountRow
  | DurationStatsRow
  | DistributionRow
  | TimeSeriesPoint
  | RetryRow
  | ProviderRow
  | HeatmapCell
  | FunnelStage;

export type AnalyticsRowKind = AnalyticsRow['kind'];
