/** Bucket labels as the API shows them (DESIGN section 3). */
import { bucketWallStart, type BucketUnit, type CyclicUnit } from './bucket-calendar.ts';
import { formatDay, formatHour, formatMonth } from './calendar.ts';

/**
 * Label of a bucket index: HOUR `YYYY-MM-DDTHH:00`, DAY `YYYY-MM-DD`, WEEK the date of its
 * Monday, MONTH `YYYY-MM`. Cyclic units are labelled by their number.
 */
export function bucketLabel(unit: BucketUnit, index: number): string;
export function bucketLabel(unit: CyclicUnit, index: number): number;
export function bucketLabel(unit: BucketUnit | CyclicUnit, index: number): string | number;
export function bucketLabel(unit: BucketUnit | CyclicUnit, index: number): string | number {
  switch (unit) {
    case 'HOUR':
      return formatHour(bucketWallStart(unit, index));
    case 'DAY':
    case 'WEEK':
      return formatDay(bucketWallStart(unit, index));
    case 'MONTH':
      return formatMonth(index);
    case 'HOUR_OF_DAY':
    case 'DAY_OF_WEEK':
      return index;
  }
}
