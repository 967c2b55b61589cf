/** Every bucket of a time series' range, so that empty buckets can be filled (DESIGN section 3). */
import { UserInputError } from '../errors.ts';
import { bucketWallStart, wallBucketIndex, type BucketUnit } from './bucket-calendar.ts';
import { bucketLabel } from './bucket-label.ts';
import { createWallResolver, wallSegmentsFor } from './wall-resolver.ts';
import { offsetAt } from './zone-offset.ts';

/** One local bucket of a series. */
export interface Bucket {
  /** The index `bucketIndexExpression` gives the calls in this bucket. */
  readonly index: number;
  readonly label: string;
  /** The instant the local bucket begins (the first existing one, across a DST gap). */
  readonly start: Date;
}

/**
 * A listed bucket: its label and start `Date` are made when read. A series lists every bucket
 * of its range (for the total and the empty ones) but shapes only one page, so a 90-day hourly
 * series makes 1,000 labels and dates instead of 2,160.
 */
class ListedBucket implements Bucket {
  constructor(
    private readonly unit: BucketUnit,
    readonly index: number,
    private readonly startMs: number,
  ) {}

  get label(): string {
    return bucketLabel(this.unit, this.index);
  }

  /** A new Date on every read, so no caller can change another's. */
  get start(): Date {
    return new Date(this.startMs);
  }
}

/** What `enumerateBuckets` needs. */
export interface EnumerateBucketsOptions {
  /** A normalized IANA zone. */
  zone: string;
  unit: BucketUnit;
  /** Inclusive range. */
  from: Date;
  to: Date;
  /** Argument path named by the error when the range is too large. */
  argument: string;
  /** Most buckets allowed; 10,000 by default. */
  max?: number;
}

const DEFAULT_MAX_BUCKETS = 10_000;

/**
 * Every local bucket that [from, to] touches, in time order, from the bucket of `from` to the
 * bucket of `to`. Buckets that never exist on the local clock (the hour skipped when clocks
 * spring forward, a day a zone skipped) are left out, so every bucket returned can hold calls.
 * More than `max` buckets is a UserInputError on `argument`; `to` before `from` gives none.
 */
export function enumerateBuckets(options: EnumerateBucketsOptions): Bucket[] {
  const { zone, unit, from, to, argument } = options;
  const max = options.max ?? DEFAULT_MAX_BUCKETS;
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) {
    throw new UserInputError(argument, 'the range needs two valid instants');
  }
  if (to.getTime() < from.getTime()) return [];
  const first = wallBucketIndex(unit, from.getTime() + offsetAt(zone, from));
  const last = wallBucketIndex(unit, to.getTime() + offsetAt(zone, to));
  const span = last - first + 1;
  // Buckets that never exist are only a handful per year, so a span far beyond `max` is
  // refused without listing it (its count is then an upper bound, off by those few).
  if (span > 2 * max) throw tooMany(argument, span, max);
  const buckets = listBuckets({ zone, unit, first, last });
  if (buckets.length > max) throw tooMany(argument, buckets.length, max);
  return buckets;
}

function listBuckets(range: { zone: string; unit: BucketUnit; first: number; last: number }): Bucket[] {
  const { zone, unit, first, last } = range;
  const fromWall = bucketWallStart(unit, first);
  const { segments, endMs } = wallSegmentsFor(zone, fromWall, bucketWallStart(unit, last + 1));
  if (segments.length === 1) return constantOffsetBuckets(unit, first, last, segments[0].offsetMs);
  const resolve = createWallResolver(segments, endMs);
  const buckets: Bucket[] = [];
  let start = resolve(fromWall);
  for (let index = first; index <= last; index++) {
    const next = resolve(bucketWallStart(unit, index + 1));
    // The first instant at or after the bucket's wall start shows a later bucket's time: no
    // instant of this zone falls into this bucket.
    if (start.wall < bucketWallStart(unit, index + 1)) {
      buckets.push(new ListedBucket(unit, index, start.instant));
    }
    start = next;
  }
  return buckets;
}

/**
 * The common case (most zones over most ranges, and every zone without DST such as
 * Asia/Kolkata): one offset throughout, so every wall bucket exists and begins at its wall start
 * minus that offset. Same buckets as the general loop, without resolving each wall time.
 */
function constantOffsetBuckets(unit: BucketUnit, first: number, last: number, offsetMs: number): Bucket[] {
  const buckets: Bucket[] = new Array(last - first + 1);
  for (let index = first; index <= last; index++) {
    buckets[index - first] = new ListedBucket(unit, index, bucketWallStart(unit, index) - offsetMs);
  }
  return buckets;
}

function tooMany(argument: string, count: number, max: number): UserInputError {
  return new UserInputError(
    argument,
    `would produce ${count} buckets; at most ${max} are allowed — narrow the range or use a coarser granularity`,
  );
}
