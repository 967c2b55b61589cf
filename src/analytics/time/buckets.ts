/**
 * Time buckets: numeric keys computed in the pipeline from the local wall-clock milliseconds
 * (local-time-expression.ts), turned into labels and start instants in TypeScript afterwards.
 * Only operators both engines agree on are emitted: $floor, $divide, $add, $subtract,
 * $multiply, $mod, $year, $month, never with a `timezone` (DESIGN section 1).
 */
import { DAY_MS, HOUR_MS } from './calendar.ts';
import { MONDAY_SHIFT, SUNDAY_SHIFT, bucketWallStart, type BucketUnit, type CyclicUnit } from './bucket-calendar.ts';
import { firstInstantAtWall } from './wall-resolver.ts';

export type { BucketUnit, CyclicUnit } from './bucket-calendar.ts';
export { enumerateBuckets, type Bucket, type EnumerateBucketsOptions } from './enumerate-buckets.ts';
export { bucketLabel } from './bucket-label.ts';

/**
 * Pipeline expression for the bucket index of a call, given its local wall-clock ms
 * (`localMs`, an expression or a field path). HOUR/DAY count hours/days since 1970-01-01,
 * WEEK counts Monday-start weeks, MONTH is `year * 12 + (month - 1)`; HOUR_OF_DAY is 0–23
 * and DAY_OF_WEEK 0 (Sunday) – 6 (Saturday).
 */
export function bucketIndexExpression(unit: BucketUnit | CyclicUnit, localMs: unknown): Record<string, unknown> {
  switch (unit) {
    case 'HOUR':
      return floorDiv(localMs, HOUR_MS);
    case 'DAY':
      return floorDiv(localMs, DAY_MS);
    case 'WEEK':
      return floorDiv({ $add: [floorDiv(localMs, DAY_MS), MONDAY_SHIFT] }, 7);
    case 'MONTH': {
      // $year/$month on a Date built from the shifted value read it as UTC: no timezone needed.
      const wallDate = { $add: [new Date(0), localMs] };
      return { $add: [{ $multiply: [{ $year: wallDate }, 12] }, { $subtract: [{ $month: wallDate }, 1] }] };
    }
    case 'HOUR_OF_DAY':
      return floorDiv(positiveMod(localMs, DAY_MS), HOUR_MS);
    case 'DAY_OF_WEEK':
      return positiveMod({ $add: [floorDiv(localMs, DAY_MS), SUNDAY_SHIFT] }, 7);
  }
}

function floorDiv(dividend: unknown, divisor: number): Record<string, unknown> {
  return { $floor: { $divide: [dividend, divisor] } };
}

// $mod keeps the dividend's sign on both engines; calls before 1970 have negative wall ms.
// Written so that `value` appears once, keeping the expression tree small.
function positiveMod(value: unknown, divisor: number): Record<string, unknown> {
  return { $mod: [{ $add: [{ $mod: [value, divisor] }, divisor] }, divisor] };
}

/**
 * The instant local bucket `index` begins in `zone`; when its start falls into a DST gap,
 * the first instant that exists after it.
 */
export function bucketStart(zone: string, unit: BucketUnit, index: number): Date {
  return new Date(firstInstantAtWall(zone, bucketWallStart(unit, index)));
}
