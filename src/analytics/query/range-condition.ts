import { UserInputError } from '../errors.ts';
import { between, betweenCountingMissingAsZero, type CallField } from './conditions.ts';
import type { Condition } from './expression.ts';

/**
 * An inclusive numeric range filter from two optional bounds: refuses a reversed range naming
 * the lower bound's argument, then builds the condition (an absent bound is open; both absent
 * is no condition). With `missingAsZero` a call without the field counts as 0 (durations and
 * dialer timings, see `betweenCountingMissingAsZero`); otherwise it never matches a bound.
 */
export function rangeCondition(options: {
  field: CallField;
  min: number | null | undefined;
  max: number | null | undefined;
  /** The argument paths of the two bounds, e.g. `{ min: 'filter.minAiScore', max: 'filter.maxAiScore' }`. */
  argument: { min: string; max: string };
  missingAsZero?: boolean;
}): Condition | null {
  const { field, min, max, argument, missingAsZero = false } = options;
  if (min != null && max != null && min > max) {
    throw new UserInputError(
      argument.min,
      `${argument.min} (${min}) is greater than ${argument.max} (${max}); the range is inclusive and must run forwards`,
    );
  }
  return missingAsZero ? betweenCountingMissingAsZero(field, { min, max }) : between(field, { min, max });
}
