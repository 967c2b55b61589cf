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

function offsetExpression(segments: readonly OffsetSegment[]): unknown {
  const last = segments[segments.length - 1];
  if (segments.length === 1) return last.offsetMs;
  const branches = segments.slice(0, -1).map((segment, i) => ({
    // Fresh Dates: the pipeline must not share objects a caller might still change.
    case: { $lt: [STARTED_AT, new Date(segments[i + 1].start.getTime())] },
    then: segment.offsetMs,
  }));
  return { $switch: { branches, default: last.offsetMs } };
}

/** Local wall-clock ms of `started_at` in `zone`, over the offset segments of the queried range. */
export function localMillisOver(zone: string, range: { from: Date; to: Date }): Record<string, unknown> {
  return localMillisExpression(offsetSegments(zone, range.from, range.to));
}
