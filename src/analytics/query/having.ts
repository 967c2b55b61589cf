/**
 * HAVING conditions of `groupedCalls`: `{ metric, op, value }` on any registry metric, applied to
 * the grouped rows after grouping and before sort and limit. A condition compares the metric's
 * exact (unrounded) value, the same value the rows are sorted by, and a metric without a value
 * (an average over no calls, a percentile of no durations) fails every condition, as NULL does
 * in SQL. The pipeline form and the TypeScript form (used on gap-filled rows) agree on this.
 */
import { echoValue } from '../../shared/echo-value.ts';
import { UserInputError } from '../errors.ts';
import type { Condition } from './expression.ts';

export const HAVING_OPERATORS = ['GT', 'GTE', 'LT', 'LTE', 'EQ', 'NE'] as const;
export type HavingOperator = (typeof HAVING_OPERATORS)[number];

/** At most this many conditions (they are AND-ed). */
export const MAX_HAVING_CONDITIONS = 10;

/** A condition as a client sends it: the metric by its `SCREAMING_SNAKE` enum name or registry name. */
export interface MetricConditionInput {
  metric: string;
  op: string;
  value: number;
}

/** A validated condition; `M` is the registry's metric name type. */
export interface HavingCondition<M extends string = string> {
  metric: M;
  op: HavingOperator;
  value: number;
}

/**
 * Validates conditions against a metric lookup (enum name or registry name → metric), naming
 * `argument[i].metric`, `argument[i].op` or `argument[i].value` on a bad one.
 */
export function normalizeHaving<M extends string>(
  conditions: readonly MetricConditionInput[] | null | undefined,
  lookup: (name: string) => M | undefined,
  argument = 'having',
): HavingCondition<M>[] {
  if (!conditions) return [];
  if (conditions.length > MAX_HAVING_CONDITIONS) {
    throw new UserInputError(argument, `${argument} takes at most ${MAX_HAVING_CONDITIONS} conditions, got ${conditions.length}`);
  }
  return conditions.map((condition, index) => {
    const at = `${argument}[${index}]`;
    const metric = typeof condition?.metric === 'string' ? lookup(condition.metric) : undefined;
    if (metric === undefined) throw new UserInputError(`${at}.metric`, `${at}.metric: unknown metric ${echoValue(condition?.metric)}`);
    const op = HAVING_OPERATORS.find((known) => known === condition.op);
    if (op === undefined) throw new UserInputError(`${at}.op`, `${at}.op: unknown operator ${echoValue(condition.op)}; use one of ${HAVING_OPERATORS.join(', ')}`);
    if (typeof condition.value !== 'number' || !Number.isFinite(condition.value)) {
      throw new UserInputError(`${at}.value`, `${at}.value must be a finite number, got ${echoValue(condition.value)}`);
    }
    return { metric, op, value: condition.value };
  });
}

/**
 * The query-language test of one condition on the row field holding the metric's value. Range
 * operators never match null on either engine; `$eq` a number neither. `$ne` would match
 * null, so it excludes null explicitly (`$nin`).
 */
export function havingTest(op: HavingOperator, value: number): Condition {
  switch (op) {
    case 'GT':
      return { $gt: value };
    case 'GTE':
      return { $gte: value };
    case 'LT':
      return { $lt: value };
    case 'LTE':
      return { $lte: value };
    case 'EQ':
      return { $eq: value };
    case 'NE':
      return { $nin: [value, null] };
  }
}

/** The same test in TypeScript, for rows the pipeline did not produce (gap-filled ones). */
export function passes(op: HavingOperator, value: number, actual: unknown): boolean {
  if (typeof actual !== 'number') return false;
  switch (op) {
    case 'GT':
      return actual > value;
    case 'GTE':
      return actual >= value;
    case 'LT':
      return actual < value;
    case 'LTE':
      return actual <= value;
    case 'EQ':
      return actual === value;
    case 'NE':
      return actual !== value;
  }
}
