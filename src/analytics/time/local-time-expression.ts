/**
 * Local wall-clock time of a call inside the pipeline, without the engines' `timezone`
 * arguments (mingo gets them wrong, DESIGN section 1): `started_at` as epoch ms plus the UTC
 * offset of the segment it falls into. Calendar operators then run in UTC on the result.
 */
import { offsetSegments, type OffsetSegment } from './offset-segments.ts';

/** The field every time filter and bucket uses (DESIGN 2.1). */
const STARTED_AT = '$started_at';

/**
 * MongoDB expression for "local wall-clock milliseconds since the epoch" of `$started_at`,
 * given the zone's offset segments over the queried range (see `offsetSegments`). Calls before
 * the first segment take its offset, calls after the last take the last one.
 */
export function localMillisExpression(segments: readonly OffsetSegment[]): Record<string, unknown> {
  if (segments.length === 0) throw new RangeError('localMillisExpression needs at least one offset segment');
  return { $add: [{ $subtract: [STARTED_AT, new Date(0)] }, offsetExpression(segments)] };
}

/**
 * The offset of the segment `started_at` falls into, as a binary search: nested `$cond`s that
 * split the segments in halves, so a call costs ceil(log2 n) comparisons instead of up to n
 * (a `$switch` tests its branches in order), and the expression holds exactly n - 1
 * comparisons. With the 20-year range cap a zone has at most a few dozen offset changes, so
 * the tree stays a handful of levels deep (see test/analytics/local-time-expression.test.ts).
 */
function offsetExpression(segments: readonly OffsetSegment[]): unknown {
  if (segments.length === 1) return segments[0].offsetMs;
  const middle = Math.ceil(segments.length / 2);
  return {
    $cond: [
      // Fresh Dates: the pipeline must not share objects a caller might still change.
      { $lt: [STARTED_AT, new Date(segments[middle].start.getTime())] },
      offsetExpression(segments.slice(0, middle)),
      offsetExpression(segments.slice(middle)),
    ],
  };
}

/** Local wall-clock ms of `started_at` in `zone`, over the offset segments of the queried range. */
export function localMillisOver(zone: string, range: { from: Date; to: Date }): Record<string, unknown> {
  return localMillisExpression(offsetSegments(zone, range.from, range.to));
}

/**
 * The field a query computes the local time into, once per document (`CallQuery.perDocument`):
 * `LOCAL_MS` is what every key that needs local time reads, and `localTimeOnce` declares its
 * value. Several keys (MONTH + HOUR_OF_DAY + DAY_OF_WEEK, or a month bucket's year and month)
 * then share one offset lookup per call on MongoDB too.
 */
export const LOCAL_MS_FIELD = 'local_ms';
export const LOCAL_MS = `$${LOCAL_MS_FIELD}`;

/** `perDocument` of a query whose keys read `LOCAL_MS`: local wall-clock ms in `zone` over `range`. */
export function localTimeOnce(zone: string, range: { from: Date; to: Date }): Record<string, unknown> {
  return { [LOCAL_MS_FIELD]: localMillisOver(zone, range) };
}
