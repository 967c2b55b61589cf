/**
 * Bucket numbering on the wall clock, shared by the pipeline expressions (buckets.ts) and the
 * TypeScript side (labels, starts, enumeration) so both count buckets the same way.
 */
import { DAY_MS, HOUR_MS, wallMillis } from './calendar.ts';

/** Time-series granularity: buckets follow one another in time. */
export type BucketUnit = 'HOUR' | 'DAY' | 'WEEK' | 'MONTH';
/** Recurring slots: many days share hour 13 and every week has a Tuesday. */
export type CyclicUnit = 'HOUR_OF_DAY' | 'DAY_OF_WEEK';

// 1970-01-01, wall day 0, was a Thursday: adding 3 puts Mondays at multiples of 7 (ISO weeks
// start on Monday), adding 4 puts Sundays there (dayOfWeek counts from Sunday).
export const MONDAY_SHIFT = 3;
export const SUNDAY_SHIFT = 4;

/** Index of the bucket holding wall-clock time `wallMs`, as `bucketIndexExpression` computes it. */
export function wallBucketIndex(unit: BucketUnit | CyclicUnit, wallMs: number): number {
  const day = Math.floor(wallMs / DAY_MS);
  switch (unit) {
    case 'HOUR':
      return Math.floor(wallMs / HOUR_MS);
    case 'DAY':
      return day;
    case 'WEEK':
      return Math.floor((day + MONDAY_SHIFT) / 7);
    case 'MONTH': {
      const date = new Date(wallMs);
      return date.getUTCFullYear() * 12 + date.getUTCMonth();
    }
    case 'HOUR_OF_DAY':
      return Math.floor((wallMs - day * DAY_MS) / HOUR_MS);
    case 'DAY_OF_WEEK':
      return day + SUNDAY_SHIFT - Math.floor((day + SUNDAY_SHIFT) / 7) * 7;
  }
}

/** Wall-clock ms at which bucket `index` begins. */
export function bucketWallStart(unit: BucketUnit, index: number): number {
  switch (unit) {
    case 'HOUR':
      return index * HOUR_MS;
    case 'DAY':
      return index * DAY_MS;
    case 'WEEK':
      return (index * 7 - MONDAY_SHIFT) * DAY_MS;
    case 'MONTH': {
      const year = Math.floor(index / 12);
      return wallMillis({ year, month: index - year * 12 + 1, day: 1 });
    }
  }
}
