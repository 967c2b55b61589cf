/** Whole local days in a zone, as the day-granular filters (`Date` arguments) mean them. */
import { DAY_MS, formatDay, requireDay } from './calendar.ts';
import { firstInstantAtWall } from './wall-resolver.ts';
import { offsetAt } from './zone-offset.ts';

/**
 * The instant local `day` (`YYYY-MM-DD`) begins in `zone`: its midnight, or, where a DST
 * change skips midnight, the first instant after it. RangeError for a malformed day.
 */
export function localDayStart(zone: string, day: string): Date {
  return new Date(firstInstantAtWall(zone, requireDay(day)));
}

/**
 * Inclusive instant range of the local days `fromDay` … `toDay`: `to` is one ms before the
 * day after `toDay` begins, so `$gte: from, $lte: to` selects exactly those days.
 */
export function localDayRange(zone: string, fromDay: string, toDay: string): { from: Date; to: Date } {
  const nextDay = requireDay(toDay) + DAY_MS;
  return { from: localDayStart(zone, fromDay), to: new Date(firstInstantAtWall(zone, nextDay) - 1) };
}

/** The local `YYYY-MM-DD` in `zone` at `instant`. */
export function localDate(zone: string, instant: Date): string {
  return formatDay(instant.getTime() + offsetAt(zone, instant));
}
