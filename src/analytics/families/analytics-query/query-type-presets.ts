import { callCount } from './call-count.ts';
import { callDuration } from './call-duration.ts';
import { conversionFunnel } from './conversion-funnel.ts';
import { hourlyHeatmap } from './hourly-heatmap.ts';
import { outcomeDistribution, statusDistribution, topOutcomes } from './key-distribution.ts';
import type { QueryTypePreset } from './preset.ts';
import { providerBreakdown } from './provider-breakdown.ts';
import type { AnalyticsQueryType } from './query-types.ts';
import { retryAnalysis } from './retry-analysis.ts';
import { sentimentDistribution } from './sentiment-distribution.ts';
import { timeSeries } from './time-series.ts';

/** Query type → preset. Keyed by the enum, so a type without a preset does not compile. */
export const QUERY_TYPE_PRESETS: Record<AnalyticsQueryType, QueryTypePreset> = {
  CALL_COUNT: callCount,
  CALL_DURATION: callDuration,
  OUTCOME_DISTRIBUTION: outcomeDistribution,
  SENTIMENT_DISTRIBUTION: sentimentDistribution,
  STATUS_DISTRIBUTION: statusDistribution,
  CALLS_OVER_TIME: timeSeries,
  AVG_DURATION_OVER_TIME: timeSeries,
  TOP_OUTCOMES: topOutcomes,
  RETRY_ANALYSIS: retryAnalysis,
  PROVIDER_BREAKDOWN: providerBreakdown,
  HOURLY_HEATMAP: hourlyHeatmap,
  CONVERSION_FUNNEL: conversionFunnel,
};
