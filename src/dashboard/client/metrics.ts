import type { GroupedSortKey } from '../generated/graphql.ts';

/** A metric field of `CallMetrics`, as the grouped table offers it. */
export type MetricName =
  | 'count' | 'avgDuration' | 'totalDuration' | 'avgAiScore' | 'qualifiedCount' | 'qualifiedPct' | 'totalValueCents'
  | 'uniqueCallers' | 'answeredCount' | 'missedCount' | 'voicemailCount' | 'avgRoboScore' | 'totalCostCents';

interface MetricInfo {
  label: string;
  /** The schema's sort key for this metric. */
  sortKey: GroupedSortKey;
  /** The REST route's (seed 004) spelling, used for the CSV download. */
  restName: string;
  unit?: 's' | '%' | '¢';
}

/**
 * Every metric of the schema's `GroupedSortKey`, keyed by its field name. Typed as a complete
 * record, so a metric added to the schema without an entry here stops the typecheck.
 */
export const METRICS: Record<MetricName, MetricInfo> = {
  count: { label: 'Calls', sortKey: 'COUNT', restName: 'count' },
  avgDuration: { label: 'Avg duration', sortKey: 'AVG_DURATION', restName: 'avg_duration', unit: 's' },
  totalDuration: { label: 'Total duration', sortKey: 'TOTAL_DURATION', restName: 'total_duration', unit: 's' },
  avgAiScore: { label: 'Avg AI score', sortKey: 'AVG_AI_SCORE', restName: 'avg_ai_score' },
  qualifiedCount: { label: 'Qualified', sortKey: 'QUALIFIED_COUNT', restName: 'qualified_count' },
  qualifiedPct: { label: 'Qualified %', sortKey: 'QUALIFIED_PCT', restName: 'qualified_pct', unit: '%' },
  totalValueCents: { label: 'Value', sortKey: 'TOTAL_VALUE_CENTS', restName: 'total_value_cents', unit: '¢' },
  uniqueCallers: { label: 'Unique callers', sortKey: 'UNIQUE_CALLERS', restName: 'unique_callers' },
  answeredCount: { label: 'Answered', sortKey: 'ANSWERED_COUNT', restName: 'answered_count' },
  missedCount: { label: 'Missed', sortKey: 'MISSED_COUNT', restName: 'missed_count' },
  voicemailCount: { label: 'Voicemail', sortKey: 'VOICEMAIL_COUNT', restName: 'voicemail_count' },
  avgRoboScore: { label: 'Avg robo score', sortKey: 'AVG_ROBO_SCORE', restName: 'avg_robo_score' },
  totalCostCents: { label: 'Cost', sortKey: 'TOTAL_COST_CENTS', restName: 'total_cost_cents', unit: '¢' },
};

export const METRIC_NAMES = Object.keys(METRICS) as MetricName[];

export function isMetricName(name: string): name is MetricName {
  return Object.hasOwn(METRICS, name);
}
