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
  /** What the number means, exactly; the API's field description is this text. */
  description: string;
  /** GraphQL output type; null-able metrics are averages and rates, null over zero calls. */
  graphqlType: 'Int' | 'Float' | 'SafeInt';
  nullable: boolean;
  needs: readonly PartialName[];
  /** A distinct count the pipeline computes as grouping levels (its row field is `distinct.name`). */
  distinct?: DistinctValue;
  /**
   * A duration percentile (1–100) the pipeline picks from a histogram it counts, into the row
   * field named like the metric (see query/percentile-levels.ts).
   */
  percentile?: number;
  finish(partials: PartialValues): number | null;
  /**
   * The unrounded value (what `finish` rounds), for arithmetic on finished metrics such as a
   * compared period's change; absent when `finish` does not round (counts, exact durations).
   */
  exact?(partials: PartialValues): number | null;
  sortValue: Expression;
}

const ratio = (numerator: PartialName, denominator: PartialName, scale = 1): Expression => ({
  $cond: [{ $gt: [`$${denominator}`, 0] }, { $multiply: [{ $divide: [`$${numerator}`, `$${denominator}`] }, scale] }, null],
});

const average = (description: string, sum: PartialName, count: PartialName): MetricDefinition => ({
  description,
  graphqlType: 'Float',
  nullable: true,
  needs: [sum, count],
  finish: (p) => (num(p[count]) > 0 ? round2(num(p[sum]) / num(p[count])) : null),
  exact: (p) => (num(p[count]) > 0 ? num(p[sum]) / num(p[count]) : null),
  sortValue: ratio(sum, count),
});

const total = (description: string, partial: PartialName, graphqlType: MetricDefinition['graphqlType']): MetricDefinition => ({
  description,
  graphqlType,
  nullable: false,
  needs: [partial],
  finish: (p) => round2(num(p[partial])),
  exact: (p) => num(p[partial]),
  sortValue: `$${partial}`,
});

/**
 * The exact nearest-rank p-th percentile of the duration in seconds (a missing duration
 * counts as 0): the smallest duration with at least p% of the calls at or below it. Null over
 * no calls (only the totals can be empty: a group always has calls).
 */
const durationPercentile = (name: string, percent: number): MetricDefinition => ({
  description: `Exact nearest-rank ${percent}th percentile of the duration in seconds (missing = 0): the smallest duration with at least ${percent}% of the calls at or below it; null over no calls.`,
  graphqlType: 'Float',
  nullable: true,
  needs: ['calls'],
  percentile: percent,
  finish: (p) => (typeof p[name] === 'number' ? round2(p[name]) : null),
  exact: (p) => (typeof p[name] === 'number' ? p[name] : null),
  sortValue: `$${name}`,
});

/** Distinct callers of a group (or of all groups, in the totals). */
const CALLERS: DistinctValue = { name: 'uniqueCallers', value: callerNumberExpression() };

export const METRICS = {
  count: total('Number of calls.', 'calls', 'Int'),
  avgDuration: average('Average duration in seconds (missing duration = 0), 2 decimals; null over no calls.', 'durationSum', 'calls'),
  totalDuration: total('Total duration in seconds (missing = 0).', 'durationSum', 'Float'),
  avgAiScore: average('Average ai_score over calls that have one, 2 decimals; null when none has.', 'aiScoreSum', 'aiScoreCount'),
  qualifiedCount: total('Calls with qualified = true.', 'qualifiedCount', 'Int'),
  qualifiedPct: {
    description: 'qualifiedCount / count × 100, 1 decimal; null over no calls.',
    graphqlType: 'Float',
    nullable: true,
    needs: ['qualifiedCount', 'calls'],
    finish: (p) => (num(p.calls) > 0 ? percentOf(num(p.qualifiedCount), num(p.calls)) : null),
    exact: (p) => (num(p.calls) > 0 ? (num(p.qualifiedCount) * 100) / num(p.calls) : null),
    sortValue: ratio('qualifiedCount', 'calls', 100),
  },
  totalValueCents: total('Sum of value_cents (missing = 0).', 'valueCentsSum', 'SafeInt'),
  uniqueCallers: {
    description: 'Distinct non-missing from_number.',
    graphqlType: 'Int',
    nullable: false,
    needs: [],
    distinct: CALLERS,
    finish: (p) => num(p[CALLERS.name]),
    sortValue: `$${CALLERS.name}`,
  },
  answeredCount: total('Calls with status completed.', 'answeredCount', 'Int'),
  missedCount: total('Calls with status no-answer.', 'missedCount', 'Int'),
  voicemailCount: total('Calls with status voicemail.', 'voicemailCount', 'Int'),
  avgRoboScore: average('Average robo_score over calls that have one, 2 decimals; null when none has.', 'roboScoreSum', 'roboScoreCount'),
  totalCostCents: total('Sum of cost_cents (missing = 0).', 'costCentsSum', 'SafeInt'),
  p50Duration: durationPercentile('p50Duration', 50),
  p90Duration: durationPercentile('p90Duration', 90),
  p95Duration: durationPercentile('p95Duration', 95),
  p99Duration: durationPercentile('p99Duration', 99),
} as const satisfies Record<string, MetricDefinition>;

export type MetricName = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as MetricName[];
