import type { BucketUnit } from '../../time/buckets.ts';

/**
 * The twelve answers of `analyticsQuery` (DESIGN 5.2). The GraphQL enum is generated from
 * this list, and the preset table is keyed by it, so a new type is a type error until it has
 * a preset.
 */
export const ANALYTICS_QUERY_TYPES = [
  'CALL_COUNT',
  'CALL_DURATION',
  'OUTCOME_DISTRIBUTION',
  'SENTIMENT_DISTRIBUTION',
  'STATUS_DISTRIBUTION',
  'CALLS_OVER_TIME',
  'AVG_DURATION_OVER_TIME',
  'TOP_OUTCOMES',
  'RETRY_ANALYSIS',
  'PROVIDER_BREAKDOWN',
  'HOURLY_HEATMAP',
  'CONVERSION_FUNNEL',
] as const;
export type AnalyticsQueryType = (typeof ANALYTICS_QUERY_TYPES)[number];

/** Time-series granularity: the calendar buckets of the time module. */
export const GRANULARITIES = ['HOUR', 'DAY', 'WEEK', 'MONTH'] as const satisfies readonly BucketUnit[];
export type Granularity = (typeof GRANULARITIES)[number];
