import { UserInputError } from '../errors.ts';
import { checkRangeLength } from './range-cap.ts';
import type { TimeRange } from './scope.ts';

const DAY_MS = 86_400_000;

/**
 * An inclusive instant range from optional bounds. Missing `to` is now; missing `from` is
 * `defaultDays` before `to` (DESIGN: "the last 30 days up to now"). A reversed range is the
 * caller's mistake and names the `from` argument; one over 20 years names the `to` argument.
 */
export function normalizeInstantRange(options: {
  from?: Date | null;
  to?: Date | null;
  now: Date;
  fromArgument: string;
  toArgument: string;
  defaultDays?: number;
}): TimeRange {
  const { now, fromArgument, toArgument, defaultDays = 30 } = options;
  const to = options.to ?? now;
  const from = options.from ?? new Date(to.getTime() - defaultDays * DAY_MS);
  if (from.getTime() > to.getTime()) {
    throw new UserInputError(
      fromArgument,
      `${fromArgument} (${from.toISOString()}) is after ${toArgument} (${to.toISOString()}); the range is inclusive and must run forwards`,
    );
  }
  checkRangeLength({ from, to, fromArgument, toArgument });
  return { from, to };
}
