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

/** `GroupedMetric` (HAVING's metric): every metric in SCREAMING_SNAKE → its registry name. */
export const GROUPED_METRICS: Record<string, MetricName> = Object.fromEntries(METRIC_NAMES.map((metric) => [screamingSnake(metric), metric]));

/** A metric by its enum name (`AVG_DURATION`) or its registry name (`avgDuration`). */
export function metricNamed(name: string): MetricName | undefined {
  if (Object.hasOwn(GROUPED_METRICS, name)) return GROUPED_METRICS[name];
  return (METRIC_NAMES as readonly string[]).includes(name) ? (name as MetricName) : undefined;
}
