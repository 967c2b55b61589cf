/**
 * From local wall-clock time back to an instant. A wall time may not exist (the hour skipped
 * when clocks spring forward) or exist twice (the hour repeated in autumn); a bucket or a day
 * begins at the FIRST instant whose wall time is at or after its start, which handles both.
 */
import { DAY_MS } from './calendar.ts';
import { offsetSegments, type OffsetSegment } from './offset-segments.ts';

/** An instant and its wall-clock time. */
export interface ResolvedWall {
  instant: number;
  wall: number;
}

// No zone is more than a day off UTC, so two days either side always reach the wall time.
const MARGIN_MS = 2 * DAY_MS;

/**
 * Returns a function giving, for each wall time, the first instant at or after it. Calls must
 * come with non-decreasing wall times (the answer is monotone too, so one forward pass over
 * the segments serves a whole series). `endMs` is the exclusive end of the last segment.
 */
export function createWallResolver(segments: readonly OffsetSegment[], endMs: number): (wallMs: number) => ResolvedWall {
  let index = 0;
  return (wallMs) => {
    for (; index < segments.length; index++) {
      const { start, offsetMs } = segments[index];
      const segmentEnd = index + 1 < segments.length ? segments[index + 1].start.getTime() : endMs;
      // The segment shows wall times [start + offset, end + offset); the first one that reaches
      // `wallMs` holds the answer, at its own start when its wall times begin past `wallMs`.
      if (wallMs < segmentEnd + offsetMs) {
        const instant = Math.max(start.getTime(), wallMs - offsetMs);
        return { instant, wall: instant + offsetMs };
      }
    }
    throw new RangeError('wall time beyond the resolved range');
  };
}

/**
 * Offset segments wide enough to resolve every wall time in [fromWall, toWall], and the
 * exclusive end of the last one (what `createWallResolver` takes).
 */
export function wallSegmentsFor(zone: string, fromWall: number, toWall: number): { segments: OffsetSegment[]; endMs: number } {
  const to = toWall + MARGIN_MS;
  return { segments: offsetSegments(zone, new Date(fromWall - MARGIN_MS), new Date(to)), endMs: to + 1 };
}

/** A resolver for every wall time in [fromWall, toWall]. */
export function wallResolverFor(zone: string, fromWall: number, toWall: number): (wallMs: number) => ResolvedWall {
  const { segments, endMs } = wallSegmentsFor(zone, fromWall, toWall);
  return createWallResolver(segments, endMs);
}

/** The first instant in `zone` whose wall-clock time is at or after `wallMs`. */
export function firstInstantAtWall(zone: string, wallMs: number): number {
  return wallResolverFor(zone, wallMs, wallMs)(wallMs).instant;
}
