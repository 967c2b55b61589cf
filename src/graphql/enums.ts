import { CALL_DIMENSIONS } from '../analytics/registry/dimensions.ts';
import { CALL_DIRECTION, CALL_STATUS, OUTCOME_TYPE } from '../analytics/registry/enums.ts';
import { GROUPED_METRICS, GROUPED_SORT_KEYS } from '../analytics/registry/sort-keys.ts';
import { HAVING_OPERATORS } from '../analytics/query/having.ts';
import { builder } from './builder.ts';

/** Enums shared by the field families; values come from the analytics registries. */
export const SortOrderEnum = builder.enumType('SortOrder', { values: ['ASC', 'DESC'] as const });
export const SortDirectionEnum = builder.enumType('SortDirection', { values: ['ASC', 'DESC'] as const });
export const CallStatusEnum = builder.enumType('CallStatus', {
  description: 'Stored as lower case, `no-answer` for NO_ANSWER.',
  values: Object.keys(CALL_STATUS) as (keyof typeof CALL_STATUS)[],
});
export const CallDirectionEnum = builder.enumType('CallDirection', {
  values: Object.keys(CALL_DIRECTION) as (keyof typeof CALL_DIRECTION)[],
});
export const CallStateEnum = builder.enumType('CallState', {
  description: 'completed → ANSWERED, failed → FAILED, every other status → UNANSWERED.',
  values: ['ANSWERED', 'UNANSWERED', 'FAILED'] as const,
});
export const OutcomeTypeEnum = builder.enumType('OutcomeType', {
  values: Object.keys(OUTCOME_TYPE) as (keyof typeof OUTCOME_TYPE)[],
});
export const CallDimensionEnum = builder.enumType('CallDimension', { values: CALL_DIMENSIONS });
export const GroupedSortKeyEnum = builder.enumType('GroupedSortKey', {
  description: 'Every metric (SCREAMING_SNAKE) and every CallDimension; a dimension must be grouped to sort by it.',
  values: Object.keys(GROUPED_SORT_KEYS),
});
export const GroupedMetricEnum = builder.enumType('GroupedMetric', {
  description: 'Every metric of CallMetrics, in SCREAMING_SNAKE (the metric values of GroupedSortKey).',
  values: Object.keys(GROUPED_METRICS),
});
export const ComparisonOperatorEnum = builder.enumType('ComparisonOperator', {
  description: 'greater than, at least, less than, at most, equal, not equal.',
  values: HAVING_OPERATORS,
});
export const ComparePeriodEnum = builder.enumType('ComparePeriod', {
  values: {
    PREVIOUS_PERIOD: { description: 'As many local days as the range has, ending the day before it starts.' },
    PREVIOUS_YEAR: { description: 'Both ends one calendar year earlier (29 February → 28 February); for ranges of at most a year.' },
  },
});
