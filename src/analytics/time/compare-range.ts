/**
 * The comparison range of `groupedCalls(compare:)`, on local calendar days (DESIGN section 3):
 * the day arithmetic is zone-free, and the days become instants through `localDayRange` in the
 * request's zone, so DST changes inside either range are handled as for any other day range.
 */
import { UserInputError } from '../errors.ts';
import { wallBucketIndex, type BucketUnit } from './bucket-calendar.ts';
import { DAY_MS, addDays, formatDay, requireDay } from './calendar.ts';

export type ComparePeriod = 'PREVIOUS_PERIOD' | 'PREVIOUS_YEAR';
export const COMPARE_PERIODS: readonly ComparePeriod[] = ['PREVIOUS_PERIOD', 'PREVIOUS_YEAR'];

/** An inclusive range of local days, `YYYY-MM-DD`. */
export interface DaySpan {
  startDay: string;
  endDay: string;
}

/**
 * The days the current range is compared with:
 * - `PREVIOUS_PERIOD`: as many local days as the range has, ending the day before it starts
 *   (2025-03-10..2025-03-16, 7 days → 2025-03-03..2025-03-09);
 * - `PREVIOUS_YEAR`: both ends one calendar year earlier, 29 February becoming 28 February
 *   (2024-02-29..2024-03-06 → 2023-02-28..2023-03-06). The ranges must not overlap, so a range
 *   of more than a year is refused, naming `argument`.
 */
export function comparisonDays(period: ComparePeriod, current: DaySpan, argument: string): DaySpan {
  if (period === 'PREVIOUS_PERIOD') {
    const days = (requireDay(current.endDay) - requireDay(current.startDay)) / DAY_MS + 1;
    return { startDay: addDays(current.startDay, -days), endDay: addDays(current.startDay, -1) };
  }
  const previous = { startDay: yearBefore(current.startDay), endDay: yearBefore(current.endDay) };
  if (previous.endDay >= current.startDay) {
    throw new UserInputError(
      argument,
      `${argument}: PREVIOUS_YEAR compares ranges of at most one year (${current.startDay}..${current.endDay} would overlap its previous year)`,
    );
  }
  return previous;
}

/** The same month and day one year earlier; 29 February becomes 28 February. */
export function yearBefore(day: string): string {
  const wall = new Date(requireDay(day));
  const year = wall.getUTCFullYear() - 1;
  const month = wall.getUTCMonth();
  const date = Math.min(wall.getUTCDate(), daysInMonth(year, month));
  const shifted = new Date(0);
  shifted.setUTCFullYear(year, month, date);
  return formatDay(shifted.getTime());
}

function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month + 1, 0);
  return date.getUTCDate();
}

/**
 * How many buckets of `unit` the current range's first bucket lies after the comparison
 * range's first bucket: adding it to a previous call's bucket index puts the call at the same
 * position (day 1 of the previous range lands on day 1 of the current one). Wall-clock units,
 * so an hour is "the same local hour of the same position day" across DST changes.
 */
export function positionShift(unit: BucketUnit, current: DaySpan, previous: DaySpan): number {
  return wallBucketIndex(unit, requireDay(current.startDay)) - wallBucketIndex(unit, requireDay(previous.startDay));
}
