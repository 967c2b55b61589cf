import { CALL_DIMENSIONS, type CallDimension } from './dimensions.ts';
import { METRIC_NAMES, type MetricName } from './metrics.ts';

/** `avgDuration` → `AVG_DURATION`: how metric names appear in `GroupedSortKey`. */
export function screamingSnake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

export type GroupedSortTarget = { metric: MetricName } | { dimension: CallDimension };

/** `GroupedSortKey` = every metric in SCREAMING_SNAKE plus every `CallDimension`. */
export const GROUPED_SORT_KEYS: Record<string, GroupedSortTarget> = Object.fromEntries([
  ...METRIC_NAMES.map((metric) => [screamingSnake(metric), { metric }] as const),
  ...CALL_DIMENSIONS.map((dimension) => [dimension, { dimension }] as const),
]);
export type GroupedSortKey = string;
