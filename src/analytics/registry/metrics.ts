import { percentOf, round2 } from '../rounding.ts';
import type { Expression } from '../query/expression.ts';
import type { DistinctValue } from '../query/distinct-count.ts';
import { callerNumberExpression, num, type PartialName, type PartialValues } from './partials.ts';

/**
 * One metric of `groupedCalls` (and of the totals row). `needs` names the partials it is
 * finished from; `finish` turns them into the rounded value; `sortValue` is the same value,
 * unrounded, as a pipeline expression over the grouped row, so the pipeline can sort and
 * limit by it. Adding a metric is one entry here plus its enum value.
 */
export interface MetricDefinition {
  /** GraphQL output type; null-able metrics are averages and rates, null over zero calls. */
  graphqlType: 'Int' | 'Float' | 'SafeInt';
  nullable: boolean;
  needs: readonly PartialName[];
  /** A distinct count the pipeline computes as grouping levels (its row field is `distinct.name`). */
  distinct?: DistinctValue;
  finish(partials: PartialValues): number | null;
  sortValue: Expression;
}

const ratio = (numerator: PartialName, denominator: PartialName, scale = 1): Expression => ({
  $cond: [{ $gt: [`$${denominator}`, 0] }, { $multiply: [{ $divide: [`$${numerator}`, `$${denominator}`] }, scale] }, null],
});

const average = (sum: PartialName, count: PartialName): MetricDefinition => ({
  graphqlType: 'Float',
  nullable: true,
  needs: [sum, count],
  finish: (p) => (num(p[count]) > 0 ? round2(num(p[sum]) / num(p[count])) : null),
  sortValue: ratio(sum, count),
});

const total = (partial: PartialName, graphqlType: MetricDefinition['graphqlType']): MetricDefinition => ({
  graphqlType,
  nullable: false,
  needs: [partial],
  finish: (p) => round2(num(p[partial])),
  sortValue: `$${partial}`,
});

/** Distinct callers of a group (or of all groups, in the totals). */
const CALLERS: DistinctValue = { name: 'uniqueCallers', value: callerNumberExpression() };

export const METRICS = {
  count: total('calls', 'Int'),
  avgDuration: average('durationSum', 'calls'),
  totalDuration: total('durationSum', 'Float'),
  avgAiScore: average('aiScoreSum', 'aiScoreCount'),
  qualifiedCount: total('qualifiedCount', 'Int'),
  qualifiedPct: {
    graphqlType: 'Float',
    nullable: true,
    needs: ['qualifiedCount', 'calls'],
    finish: (p) => (num(p.calls) > 0 ? percentOf(num(p.qualifiedCount), num(p.calls)) : null),
    sortValue: ratio('qualifiedCount', 'calls', 100),
  },
  totalValueCents: total('valueCentsSum', 'SafeInt'),
  uniqueCallers: {
    graphqlType: 'Int',
    nullable: false,
    needs: [],
    distinct: CALLERS,
    finish: (p) => num(p[CALLERS.name]),
    sortValue: `$${CALLERS.name}`,
  },
  answeredCount: total('answeredCount', 'Int'),
  missedCount: total('missedCount', 'Int'),
  voicemailCount: total('voicemailCount', 'Int'),
  avgRoboScore: average('roboScoreSum', 'roboScoreCount'),
  totalCostCents: total('costCentsSum', 'SafeInt'),
} as const satisfies Record<string, MetricDefinition>;

export type MetricName = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as MetricName[];
