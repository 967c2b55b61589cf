import { UserInputError } from '../errors.ts';

/** The longest time range any field accepts (DESIGN section 8). */
export const MAX_RANGE_YEARS = 20;

/**
 * Refuses a range longer than {@link MAX_RANGE_YEARS} calendar years (counted on the UTC
 * calendar from `from`). Every range is checked before anything proportional to its length
 * runs (offset segments, bucket lists, scans), so `0001-01-01..9999-12-31` costs nothing.
 * The error names the end argument, as the other length limits do.
 */
export function checkRangeLength(options: { from: Date; to: Date; fromArgument: string; toArgument: string }): void {
  const { from, to, fromArgument, toArgument } = options;
  const limit = new Date(from.getTime());
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_RANGE_YEARS);
  if (to.getTime() > limit.getTime()) {
    const years = ((to.getTime() - from.getTime()) / (365.2425 * 86_400_000)).toFixed(1);
    throw new UserInputError(
      toArgument,
      `${fromArgument}..${toArgument} spans ${years} years; at most ${MAX_RANGE_YEARS} years are allowed`,
    );
  }
}
