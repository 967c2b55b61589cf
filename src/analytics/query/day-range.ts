import { UserInputError } from '../errors.ts';
import { checkRangeLength } from './range-cap.ts';
import { isValidDay, requireDay } from '../time/calendar.ts';
import { addDays, localDate, localDayRange } from '../time/time-zone.ts';

const DAY_MS = 86_400_000;
import type { TimeRange } from './scope.ts';

export interface DayRange extends TimeRange {
  startDay: string;
  endDay: string;
}

/**
 * Whole local days in `zone`, inclusive at both ends, as an instant range. Defaults: the
 * `defaultDays` local days ending today. A reversed range names the start argument; a range
 * longer than `maxDays` (or 20 years) names the end argument.
 */
export function normalizeDayRange(options: {
  startDay?: string | null;
  endDay?: string | null;
  zone: string;
  now: Date;
  startArgument: string;
  endArgument: string;
  defaultDays?: number;
  maxDays?: number;
}): DayRange {
  const { zone, now, startArgument, endArgument, defaultDays = 30, maxDays } = options;
  const endDay = options.endDay ?? localDate(zone, now);
  const startDay = options.startDay ?? addDays(endDay, -(defaultDays - 1));
  // The default start of an end day in year 0000 falls before year 0000, which no day can name.
  if (!isValidDay(startDay)) {
    throw new UserInputError(endArgument, `${endArgument} (${endDay}) leaves no room for the default ${defaultDays}-day range; give ${startArgument} too`);
  }
  if (startDay > endDay) {
    throw new UserInputError(startArgument, `${startArgument} (${startDay}) is after ${endArgument} (${endDay}); the range is inclusive and must run forwards`);
  }
  if (maxDays !== undefined) {
    const days = (requireDay(endDay) - requireDay(startDay)) / DAY_MS + 1;
    if (days > maxDays) {
      throw new UserInputError(endArgument, `${startArgument}..${endArgument} spans ${days} days; at most ${maxDays} are allowed`);
    }
  }
  // On the calendar days (UTC), before the zone's offsets over the range are looked up.
  checkRangeLength({ from: new Date(requireDay(startDay)), to: new Date(requireDay(endDay)), fromArgument: startArgument, toArgument: endArgument });
  return { startDay, endDay, ...localDayRange(zone, startDay, endDay) };
}
